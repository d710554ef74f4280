// Delivering messages. Every email is stored in the outbox first, then delivered (SMTP) or kept
// there for staff to read. The domains decide what to say and call sendEmails after their write
// transaction commits; this room knows nothing about bookings or questionnaires.
import type { Db } from '../db';
import { log } from '../log';
import { queueEmails, type OutgoingEmail } from './outbox';
import { deliverPending } from './send';

export {
	getOutboxEmail,
	listOutbox,
	queueEmails,
	withoutSecrets,
	OUTBOX_PAGE_SIZE,
	type OutboxPage,
	type OutgoingEmail
} from './outbox';
export { deliverPending } from './send';

/**
 * Queues the emails together and starts delivery without blocking the caller. The promise settles
 * with the number queued once delivery has been tried; it never rejects, because the write that
 * caused the emails has already been committed and must not be undone or failed.
 */
export function sendEmails(db: Db, emails: OutgoingEmail[], now = new Date()): Promise<number> {
	if (emails.length === 0) return Promise.resolve(0);
	const templates = [...new Set(emails.map((e) => e.template))];
	try {
		const ids = queueEmails(db, emails, now);
		log.info({ emailIds: ids, templates, capped: emails.length - ids.length }, 'emails queued');
		return deliverPending(db).then(() => ids.length);
	} catch (err) {
		log.error(
			{ templates, err: err instanceof Error ? err.message : String(err) },
			'emails could not be queued'
		);
		return Promise.resolve(0);
	}
}
