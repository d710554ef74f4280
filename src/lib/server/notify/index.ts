// Delivering messages. Every message is stored in the outbox first, then delivered through the
// channel set up (GOV.UK Notify, SMTP) or kept there for staff to read. The domains decide what to
// say and call these after their write transaction commits; this room knows nothing about
// bookings or questionnaires.
import type { Db } from '../db';
import { log } from '../log';
import { normaliseUkMobile } from '../shared/mobile';
import {
	queueMessages,
	type OutgoingEmail,
	type OutgoingLetter,
	type OutgoingText
} from './outbox';
import { deliverPending } from './send';

export {
	getLetterPdf,
	getOutboxEmail,
	listFailedMessages,
	listOutbox,
	queueEmails,
	retryMessage,
	transportFor,
	withoutSecrets,
	OUTBOX_PAGE_SIZE,
	type OutboxListItem,
	type OutboxPage,
	type OutgoingEmail,
	type OutgoingLetter,
	type OutgoingText
} from './outbox';
export { deliverPending } from './send';
export { applyReceipt, bearerTokenMatches, pollDeliveryStatus } from './receipts';
export { messageState, type MessageState } from './state';

type Message = Parameters<typeof queueMessages>[1][number];

/**
 * Queues the messages together and starts delivery without blocking the caller. The promise
 * settles with the number queued once delivery has been tried; it never rejects, because the
 * write that caused the messages has already been committed and must not be undone or failed.
 */
async function send(db: Db, messages: Message[], now: Date): Promise<number> {
	if (messages.length === 0) return Promise.resolve(0);
	const templates = [...new Set(messages.map((m) => m.template))];
	try {
		const ids = await queueMessages(db, messages, now);
		log.info({ emailIds: ids, templates, capped: messages.length - ids.length }, 'messages queued');
		return deliverPending(db).then(() => ids.length);
	} catch (err) {
		log.error(
			{ templates, err: err instanceof Error ? err.message : String(err) },
			'messages could not be queued'
		);
		return Promise.resolve(0);
	}
}

const emailMessages = (emails: OutgoingEmail[]): Message[] =>
	emails.map((e) => ({ channel: 'email', ...e }));

function textMessages(texts: OutgoingText[]): Message[] {
	return texts.flatMap((t) => {
		const to = normaliseUkMobile(t.to);
		if (!to) log.warn({ template: t.template }, 'text message not sent: not a UK mobile number');
		// Texts have no subject: staff lists show the start of the message instead.
		const subject = t.text.length > 60 ? `${t.text.slice(0, 59)}…` : t.text;
		return to ? [{ channel: 'sms' as const, subject, ...t, to }] : [];
	});
}

/** Emails: the single way every domain sends one. */
export async function sendEmails(
	db: Db,
	emails: OutgoingEmail[],
	now = new Date()
): Promise<number> {
	return await send(db, emailMessages(emails), now);
}

/**
 * Text messages to UK mobiles. They must be short and carry no secret link (they are kept as
 * sent). A number that is not a UK mobile is dropped and logged, never sent.
 */
export async function sendTexts(db: Db, texts: OutgoingText[], now = new Date()): Promise<number> {
	return await send(db, textMessages(texts), now);
}

/**
 * Stores emails and texts without sending them, for a domain that must commit them with the
 * write that causes them: call it inside that write's transaction (on the same connection; it
 * nests), so either both happen or neither does. Throws if they cannot be stored, which rolls the
 * caller's write back. After the commit, `deliverPending` sends them. Returns how many were stored.
 */
export async function queueEmailsAndTexts(
	db: Db,
	emails: OutgoingEmail[],
	texts: OutgoingText[],
	now: Date
): Promise<number> {
	const messages = [...emailMessages(emails), ...textMessages(texts)];
	const ids = await queueMessages(db, messages, now);
	if (ids.length)
		log.info(
			{ emailIds: ids, templates: [...new Set(messages.map((m) => m.template))] },
			'messages queued'
		);
	return ids.length;
}

/**
 * A printable PDF letter. With GOV.UK Notify it goes by Notify's precompiled-letter route (the
 * PDF must follow Notify's letter spec: address in the window, A4, 10 pages at most); without
 * it, the letter is kept in the outbox for staff to print and post.
 */
export async function sendLetter(
	db: Db,
	letter: OutgoingLetter,
	now = new Date()
): Promise<number> {
	return await send(
		db,
		[
			{
				channel: 'letter',
				to: letter.to,
				subject: letter.title,
				text: '',
				template: letter.template,
				bookingId: letter.bookingId,
				pdf: letter.pdf
			}
		],
		now
	);
}
