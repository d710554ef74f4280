// Delivery: claims queued messages and hands each to its channel. Logs carry ids and template
// names only.
import type { Db } from '../db';
import type { EmailOutbox } from '../db/schema';
import { getConfig } from '../config';
import { log } from '../log';
import { claimQueued, markFailed, markSent, type Accepted } from './outbox';
import { DeliveryError } from './retry';
import { hasTransport, sendBySmtp } from './smtp';
import { sendByNotify } from './govukNotify';

export { setTransport } from './smtp';

function deliver(message: EmailOutbox): Promise<Accepted> {
	switch (message.transport) {
		case 'smtp':
			return sendBySmtp(message);
		case 'notify':
			return sendByNotify(message);
		case 'outbox':
			throw new DeliveryError('Outbox messages are not sent', false);
	}
}

/**
 * Sends every message that is due (new ones and retries whose back-off has passed). Never throws:
 * a failed try is kept on its outbox row with its error, to be tried again or shown as failed.
 */
export async function deliverPending(db: Db, now = () => new Date()): Promise<number> {
	const { SMTP_URL, NOTIFY_API_KEY } = getConfig();
	// Without a provider nothing is ever queued: every message is kept in the outbox.
	if (!SMTP_URL && !NOTIFY_API_KEY && !hasTransport()) return 0;
	let sent = 0;
	try {
		for (
			let batch = await claimQueued(db, now());
			batch.length > 0;
			batch = await claimQueued(db, now())
		) {
			for (const message of batch) {
				const ids = { emailId: message.id, template: message.template, channel: message.channel };
				try {
					const accepted = await deliver(message);
					await markSent(db, message.id, message.textBody, accepted, now());
					sent++;
					log.info(ids, 'message sent');
				} catch (err) {
					const failure =
						err instanceof DeliveryError
							? err
							: new DeliveryError(err instanceof Error ? err.message : String(err), true);
					const status = await markFailed(db, message, failure.message, failure.retryable, now());
					log.warn({ ...ids, attempts: message.attempts, status }, 'message could not be sent');
				}
			}
		}
	} catch (err) {
		log.error({ err: err instanceof Error ? err.message : String(err) }, 'delivery stopped');
	}
	return sent;
}
