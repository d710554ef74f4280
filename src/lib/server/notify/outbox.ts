// The outbox: every message (email, text, letter) is stored first and stays as the record.
// Without a provider the outbox is the destination (staff read it at /staff/outbox); with one,
// deliverPending claims queued rows and hands them to their channel.
import {
	and,
	desc,
	eq,
	getTableColumns,
	gt,
	inArray,
	isNull,
	lte,
	ne,
	notLike,
	or,
	count,
	sql
} from 'drizzle-orm';
import {
	lockName,
	placeholderFor,
	preparedPerDatabase,
	type Db,
	withWriteTransaction,
	firstRow,
	changedRows
} from '../db';
import { emailOutbox, type EmailOutbox, type MessageChannel } from '../db/schema';
import { getConfig, type Config } from '../config';
import { recordAudit, type Actor } from '../audit';
import { afterFailure } from './retry';

export type OutgoingEmail = {
	to: string;
	subject: string;
	text: string;
	/** What kind of email this is, named by the domain that sends it (e.g. 'booking_confirmed'). */
	template: string;
	bookingId: number | null;
	/**
	 * A calendar file to attach; it must not carry a secret link. Only SMTP can attach one, so a
	 * function is called only when the email will go by SMTP (making one costs milliseconds).
	 */
	calendar?: string | null | (() => string | null);
	/**
	 * True for emails a member of the public can ask us to send to any address (a link re-sent, a
	 * booking made with someone's address): these are capped per address per hour, see queueMessages.
	 */
	capped?: boolean;
};

/** A text message: `to` is a normalised UK mobile number (+447...). No secret links. */
export type OutgoingText = {
	to: string;
	text: string;
	template: string;
	bookingId: number | null;
};

/** A precompiled letter: the PDF carries the address; `to` and `title` are for staff. */
export type OutgoingLetter = {
	to: string;
	title: string;
	pdf: Buffer;
	template: string;
	bookingId: number | null;
};

export type Transport = EmailOutbox['transport'];

/** Notify carries every channel; SMTP carries email only; otherwise the outbox keeps it. */
export function transportFor(
	channel: MessageChannel,
	config: Pick<Config, 'NOTIFY_API_KEY' | 'SMTP_URL'> = getConfig()
): Transport {
	if (config.NOTIFY_API_KEY) return 'notify';
	if (channel === 'email' && config.SMTP_URL) return 'smtp';
	return 'outbox';
}

type NewMessage = {
	channel: MessageChannel;
	to: string;
	subject: string;
	text: string;
	template: string;
	bookingId: number | null;
	calendar?: OutgoingEmail['calendar'];
	pdf?: Buffer | null;
	capped?: boolean;
};

const insertMessage = preparedPerDatabase((db) =>
	db
		.insert(emailOutbox)
		.values({
			channel: sql.placeholder('channel'),
			toAddress: sql.placeholder('toAddress'),
			subject: sql.placeholder('subject'),
			textBody: sql.placeholder('textBody'),
			template: sql.placeholder('template'),
			bookingId: sql.placeholder('bookingId'),
			createdAt: sql.placeholder('createdAt'),
			transport: sql.placeholder('transport'),
			status: sql.placeholder('status'),
			calendarIcs: sql.placeholder('calendarIcs'),
			letterPdf: sql.placeholder('letterPdf'),
			sentAt: placeholderFor('sentAt', emailOutbox.sentAt),
			statusChangedAt: placeholderFor('statusChangedAt', emailOutbox.statusChangedAt),
			capKey: sql`${sql.placeholder('capKey')}`
		} as unknown as typeof emailOutbox.$inferInsert)
		.returning({ id: emailOutbox.id })
		.prepare()
);

const countCapped = preparedPerDatabase((db) =>
	db
		.select({ n: count() })
		.from(emailOutbox)
		.where(
			and(
				eq(emailOutbox.capKey, sql.placeholder('capKey')),
				gt(emailOutbox.createdAt, placeholderFor('since', emailOutbox.createdAt))
			)
		)
		.prepare()
);

export const CAP_WINDOW_MS = 3_600_000;

/** The address as counted for the cap: the same mailbox however it was typed. */
export const capKeyOf = (address: string) => address.trim().toLowerCase();

/**
 * Stores the messages together (one transaction, a prepared insert each); returns the ids of those
 * stored. A capped email to an address that already had `perHour` capped emails in the last hour
 * is dropped without a trace the asker can see: the page says "sent" either way, so the cap
 * cannot be used to find out anything about an address. The count and the inserts share one
 * immediate transaction, so parallel requests and several processes cannot pass the cap.
 */
export async function queueMessages(
	db: Db,
	messages: NewMessage[],
	now: Date,
	transport: (channel: MessageChannel) => Transport = (c) => transportFor(c),
	perHour = getConfig().LINK_EMAILS_PER_ADDRESS_PER_HOUR
): Promise<number[]> {
	if (messages.length === 0) return [];
	const since = new Date(now.getTime() - CAP_WINDOW_MS);
	// Everything is worked out before the write lock is taken.
	const rows = messages.map((m) => {
		const via = transport(m.channel);
		const calendar =
			via === 'smtp' && m.channel === 'email'
				? typeof m.calendar === 'function'
					? m.calendar()
					: (m.calendar ?? null)
				: null;
		return { m, via, calendar };
	});
	return await withWriteTransaction(db, async (tx) => {
		const insert = insertMessage(tx);
		const count = countCapped(tx);
		const ids: number[] = [];
		for (const { m, via, calendar } of rows) {
			const capKey = m.capped ? capKeyOf(m.to) : null;
			if (capKey) await lockName(tx, `message-cap:${capKey}`);
			if (capKey && (firstRow(await count.execute({ capKey, since }))?.n ?? 0) >= perHour) continue;
			const kept = via === 'outbox';
			const stored = firstRow(
				await insert.execute({
					channel: m.channel,
					toAddress: m.to,
					subject: m.subject,
					textBody: m.text,
					template: m.template,
					bookingId: m.bookingId,
					createdAt: now,
					transport: via,
					status: kept ? 'kept' : 'queued',
					calendarIcs: calendar,
					letterPdf: m.pdf ?? null,
					sentAt: kept ? now : null,
					statusChangedAt: now,
					capKey
				})
			)!;
			ids.push(stored.id);
		}
		return ids;
	});
}

/**
 * Stores emails. `transport` defaults to the configured one; true or false (SMTP or the outbox)
 * is still accepted from callers written before Notify.
 */
export async function queueEmails(
	db: Db,
	emails: OutgoingEmail[],
	now: Date,
	transport?: Transport | boolean,
	perHour?: number
): Promise<number[]> {
	const via =
		transport === undefined
			? undefined
			: typeof transport === 'boolean'
				? () => (transport ? 'smtp' : 'outbox')
				: () => transport;
	return await queueMessages(
		db,
		emails.map((e) => ({ channel: 'email', ...e })),
		now,
		via,
		perHour
	);
}

/** A claim older than this belongs to a process that died mid-send: the message is tried again. */
export const STALE_CLAIM_MS = 10 * 60_000;

function claimable(now: Date) {
	// Rows kept in the outbox are never sent, whatever their status says.
	return and(
		ne(emailOutbox.transport, 'outbox'),
		or(
			and(
				eq(emailOutbox.status, 'queued'),
				or(isNull(emailOutbox.nextAttemptAt), lte(emailOutbox.nextAttemptAt, now))
			),
			and(
				eq(emailOutbox.status, 'sending'),
				lte(emailOutbox.statusChangedAt, new Date(now.getTime() - STALE_CLAIM_MS))
			)
		)
	);
}

/**
 * Claims messages due to be sent with one UPDATE whose WHERE is checked again under the write
 * lock, so two runs or two processes never send the same row. Each claim counts as a try.
 */
export async function claimQueued(db: Db, now: Date, limit = 50): Promise<EmailOutbox[]> {
	// Read first: an UPDATE takes the write lock even when it matches nothing.
	const due = (
		await db
			.select({ id: emailOutbox.id })
			.from(emailOutbox)
			.where(claimable(now))
			.orderBy(emailOutbox.id)
			.limit(limit)
	).map((r) => r.id);
	if (due.length === 0) return [];
	return (
		await db
			.update(emailOutbox)
			.set({
				status: 'sending',
				statusChangedAt: now,
				attempts: sql`${emailOutbox.attempts} + 1`
			})
			.where(and(inArray(emailOutbox.id, due), claimable(now)))
			.returning()
	).sort((a, b) => a.id - b.id);
}

// Manage-booking and resume links carry their secret in the path.
const secretLink =
	/(\/bookings\/manage\/|\/core-consultations\/manage\/|\/pre-school-liaison\/|\/questionnaires\/[^/\s]+\/r\/)[A-Za-z0-9_-]{16,}[^\s]*/g;

/** The email text with its secret links cut, for keeping once the email has gone. */
export function withoutSecrets(text: string): string {
	return text.replace(secretLink, '$1… (link removed once the email was sent)');
}

export type Accepted = { providerId: string | null; status: 'sent' | 'delivered' };

/**
 * The provider took the message. Only a copy without secret links is kept, so no one reading the
 * outbox can use someone's link. (In outbox mode the outbox is the delivery, so links stay.)
 */
export async function markSent(
	db: Db,
	id: number,
	textBody: string,
	accepted: Accepted = { providerId: null, status: 'sent' },
	now = new Date()
): Promise<void> {
	await db
		.update(emailOutbox)
		.set({
			textBody: withoutSecrets(textBody),
			status: accepted.status,
			providerId: accepted.providerId,
			sentAt: now,
			statusChangedAt: now,
			nextAttemptAt: null,
			error: null
		})
		.where(eq(emailOutbox.id, id));
}

/** A try failed: queued again after a back-off, or failed for good; the error is kept either way. */
export async function markFailed(
	db: Db,
	message: Pick<EmailOutbox, 'id' | 'attempts'>,
	error: string,
	retryable = true,
	now = new Date()
): Promise<EmailOutbox['status']> {
	const outcome = afterFailure(message.attempts, retryable, now);
	await db
		.update(emailOutbox)
		.set({
			status: outcome.status,
			nextAttemptAt: outcome.nextAttemptAt,
			sentAt: null,
			statusChangedAt: now,
			error: error.slice(0, 500)
		})
		.where(eq(emailOutbox.id, message.id));
	return outcome.status;
}

/**
 * Staff asked to try a failed message again: it is queued now, with a fresh set of tries, and
 * the audit log says who asked. Only a failed message can be retried (never one sent or kept).
 */
export async function retryMessage(
	db: Db,
	id: number,
	actor: Actor,
	now = new Date()
): Promise<boolean> {
	return await withWriteTransaction(db, async (tx) => {
		const changed =
			changedRows(
				await tx
					.update(emailOutbox)
					.set({ status: 'queued', attempts: 0, nextAttemptAt: null, statusChangedAt: now })
					.where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'failed')))
			) === 1;
		if (changed)
			await recordAudit(
				tx,
				{
					actorStaffUserId: actor.staffUserId,
					action: 'message.retried',
					subjectType: 'email_outbox',
					subjectId: id,
					summary: `Asked for message ${id} to be sent again`,
					ip: actor.ip
				},
				now
			);
		return changed;
	});
}

/** A letter's PDF, for staff to print. */
export async function getLetterPdf(db: Db, id: number): Promise<Buffer | null> {
	return (
		firstRow(
			await db
				.select({ pdf: emailOutbox.letterPdf })
				.from(emailOutbox)
				.where(and(eq(emailOutbox.id, id), eq(emailOutbox.channel, 'letter')))
				.limit(1)
		)?.pdf ?? null
	);
}

/** One stored message, for staff to read. */
export async function getOutboxEmail(db: Db, id: number): Promise<EmailOutbox | undefined> {
	return firstRow(await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1));
}

export const OUTBOX_PAGE_SIZE = 25;

export type OutboxListItem = Omit<EmailOutbox, 'letterPdf' | 'calendarIcs' | 'textBody'>;

export type OutboxPage = {
	emails: OutboxListItem[];
	page: number;
	pageCount: number;
	total: number;
};

// The list never loads message bodies or letter PDFs.
const listColumns = (() => {
	const {
		letterPdf: _pdf,
		calendarIcs: _ics,
		textBody: _text,
		...columns
	} = getTableColumns(emailOutbox);
	return columns;
})();

/** Newest first, for the staff outbox page. Pages start at 1; out-of-range pages give the last page. */
export async function listOutbox(
	db: Db,
	{
		page = 1,
		pageSize = OUTBOX_PAGE_SIZE,
		hideTemplatePrefix
	}: { page?: number; pageSize?: number; hideTemplatePrefix?: string } = {}
): Promise<OutboxPage> {
	// e.g. 'liaison_': children's records are not for every reader of the outbox.
	const shown = hideTemplatePrefix
		? notLike(emailOutbox.template, `${hideTemplatePrefix}%`)
		: undefined;
	const total = Number(
		firstRow(await db.select({ n: count() }).from(emailOutbox).where(shown).limit(1))?.n ?? 0
	);
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
	const emails = await db
		.select(listColumns)
		.from(emailOutbox)
		.where(shown)
		.orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
		.limit(pageSize)
		.offset((current - 1) * pageSize);
	return { emails, page: current, pageCount, total };
}

/** Failed messages about these bookings, newest first (a session's register lists them). */
export async function listFailedMessages(db: Db, bookingIds: number[]): Promise<OutboxListItem[]> {
	if (bookingIds.length === 0) return [];
	return await db
		.select(listColumns)
		.from(emailOutbox)
		.where(and(eq(emailOutbox.status, 'failed'), inArray(emailOutbox.bookingId, bookingIds)))
		.orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
}
