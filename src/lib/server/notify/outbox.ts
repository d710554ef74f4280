// The email outbox: every email is stored first. Without SMTP_URL the outbox is the destination
// (staff read it at /staff/outbox); with it, deliverPending sends queued rows over SMTP.
import { and, desc, eq, inArray, isNull, notLike, sql } from 'drizzle-orm';
import { preparedPerDatabase, type Db } from '../db';
import { emailOutbox, type EmailOutbox } from '../db/schema';
import { getConfig } from '../config';

export type OutgoingEmail = {
	to: string;
	subject: string;
	text: string;
	/** What kind of email this is, named by the domain that sends it (e.g. 'booking_confirmed'). */
	template: string;
	bookingId: number | null;
};

const insertEmail = preparedPerDatabase((db) =>
	db
		.insert(emailOutbox)
		.values({
			toAddress: sql.placeholder('toAddress'),
			subject: sql.placeholder('subject'),
			textBody: sql.placeholder('textBody'),
			template: sql.placeholder('template'),
			bookingId: sql.placeholder('bookingId'),
			createdAt: sql.placeholder('createdAt'),
			transport: sql.placeholder('transport'),
			// Drizzle maps placeholder dates but trips on null: this nullable one takes epoch milliseconds.
			sentAt: sql`${sql.placeholder('sentAtMs')}`
		} as unknown as typeof emailOutbox.$inferInsert)
		.returning({ id: emailOutbox.id })
		.prepare()
);

/** Stores the emails together (one transaction, a prepared insert each); returns their ids. */
export function queueEmails(
	db: Db,
	emails: OutgoingEmail[],
	now: Date,
	smtp = Boolean(getConfig().SMTP_URL)
): number[] {
	if (emails.length === 0) return [];
	const insert = insertEmail(db);
	return db.transaction(
		() =>
			emails.map(
				(e) =>
					insert.get({
						toAddress: e.to,
						subject: e.subject,
						textBody: e.text,
						template: e.template,
						bookingId: e.bookingId,
						createdAt: now,
						transport: smtp ? 'smtp' : 'outbox',
						sentAtMs: smtp ? null : now.getTime()
					})!.id
			),
		{ behavior: 'immediate' }
	);
}

/**
 * Claims queued SMTP emails by setting sent_at in one UPDATE ... WHERE sent_at IS NULL, so two
 * runs or two processes never send the same row. A failed send clears sent_at and keeps the error.
 */
export function claimQueued(db: Db, now: Date, limit = 50): EmailOutbox[] {
	const queued = db
		.select({ id: emailOutbox.id })
		.from(emailOutbox)
		.where(
			and(eq(emailOutbox.transport, 'smtp'), isNull(emailOutbox.sentAt), isNull(emailOutbox.error))
		)
		.orderBy(emailOutbox.id)
		.limit(limit);
	return db
		.update(emailOutbox)
		.set({ sentAt: now })
		.where(and(inArray(emailOutbox.id, queued), isNull(emailOutbox.sentAt)))
		.returning()
		.all()
		.sort((a, b) => a.id - b.id);
}

// Manage-booking and resume links carry their secret in the path.
const secretLink =
	/(\/bookings\/manage\/|\/core-consultations\/manage\/|\/pre-school-liaison\/|\/questionnaires\/[^/\s]+\/r\/)[A-Za-z0-9_-]{16,}[^\s]*/g;

/** The email text with its secret links cut, for keeping once the email has gone. */
export function withoutSecrets(text: string): string {
	return text.replace(secretLink, '$1… (link removed once the email was sent)');
}

/**
 * After an SMTP send only a copy without secret links is kept, so no one reading the outbox
 * can use someone's link. (In outbox mode the outbox is the delivery, so links stay readable.)
 */
export function markSent(db: Db, id: number, textBody: string): void {
	db.update(emailOutbox)
		.set({ textBody: withoutSecrets(textBody) })
		.where(eq(emailOutbox.id, id))
		.run();
}

export function markFailed(db: Db, id: number, message: string): void {
	db.update(emailOutbox)
		.set({ sentAt: null, error: message.slice(0, 500) })
		.where(eq(emailOutbox.id, id))
		.run();
}

/** One stored email, for staff to read. */
export function getOutboxEmail(db: Db, id: number): EmailOutbox | undefined {
	return db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get();
}

export const OUTBOX_PAGE_SIZE = 25;

export type OutboxPage = {
	emails: EmailOutbox[];
	page: number;
	pageCount: number;
	total: number;
};

/** Newest first, for the staff outbox page. Pages start at 1; out-of-range pages give the last page. */
export function listOutbox(
	db: Db,
	{
		page = 1,
		pageSize = OUTBOX_PAGE_SIZE,
		hideTemplatePrefix
	}: { page?: number; pageSize?: number; hideTemplatePrefix?: string } = {}
): OutboxPage {
	// e.g. 'liaison_': children's records are not for every reader of the outbox.
	const shown = hideTemplatePrefix
		? notLike(emailOutbox.template, `${hideTemplatePrefix}%`)
		: undefined;
	const total = Number(
		db
			.select({ n: sql<number>`count(*)` })
			.from(emailOutbox)
			.where(shown)
			.get()?.n ?? 0
	);
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
	const emails = db
		.select()
		.from(emailOutbox)
		.where(shown)
		.orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
		.limit(pageSize)
		.offset((current - 1) * pageSize)
		.all();
	return { emails, page: current, pageCount, total };
}
