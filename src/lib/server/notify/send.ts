// Delivery over SMTP with nodemailer, when SMTP_URL is set. Logs carry ids and template names only.
import { createTransport, type Transporter } from 'nodemailer';
import type { Db } from '../db';
import { getConfig } from '../config';
import { log } from '../log';
import { claimQueued, markFailed, markSent } from './outbox';

let transporter: Transporter | undefined;

function smtp(url: string): Transporter {
	transporter ??= createTransport(url);
	return transporter;
}

/** Lets tests swap in a fake transport. */
export function setTransport(t: Transporter | undefined): void {
	transporter = t;
}

/**
 * Sends every queued SMTP email; a no-op without SMTP_URL (the outbox is then the destination).
 * Never throws: a failed send is recorded on its outbox row for staff to see.
 */
export async function deliverPending(db: Db, now = () => new Date()): Promise<number> {
	const { SMTP_URL, EMAIL_FROM } = getConfig();
	if (!SMTP_URL && !transporter) return 0;
	let sent = 0;
	try {
		for (let batch = claimQueued(db, now()); batch.length > 0; batch = claimQueued(db, now())) {
			for (const email of batch) {
				try {
					await smtp(SMTP_URL ?? '').sendMail({
						from: EMAIL_FROM,
						to: email.toAddress,
						subject: email.subject,
						text: email.textBody
					});
					markSent(db, email.id, email.textBody);
					sent++;
					log.info({ emailId: email.id, template: email.template }, 'email sent');
				} catch (err) {
					const message = err instanceof Error ? err.message : String(err);
					markFailed(db, email.id, message);
					log.warn({ emailId: email.id, template: email.template }, 'email could not be sent');
				}
			}
		}
	} catch (err) {
		log.error({ err: err instanceof Error ? err.message : String(err) }, 'email delivery stopped');
	}
	return sent;
}
