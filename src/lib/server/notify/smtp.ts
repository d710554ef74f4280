// Email over SMTP with nodemailer, when SMTP_URL is set.
import { createTransport, type Transporter } from 'nodemailer';
import type { EmailOutbox } from '../db/schema';
import { getConfig } from '../config';
import { DeliveryError } from './retry';
import type { Accepted } from './outbox';

let transporter: Transporter | undefined;

function smtp(): Transporter {
	const { SMTP_URL } = getConfig();
	if (!transporter && !SMTP_URL) throw new DeliveryError('SMTP_URL is not set', true);
	transporter ??= createTransport(SMTP_URL);
	return transporter;
}

/** Lets tests swap in a fake transport. */
export function setTransport(t: Transporter | undefined): void {
	transporter = t;
}

export function hasTransport(): boolean {
	return transporter !== undefined;
}

/** A 5xx reply is the server's final word (no such mailbox); anything else may pass next time. */
function smtpError(err: unknown): DeliveryError {
	if (err instanceof DeliveryError) return err;
	const e = err as { message?: string; responseCode?: number };
	const code = typeof e.responseCode === 'number' ? e.responseCode : null;
	return new DeliveryError(e.message ?? String(err), code === null || code < 500);
}

export async function sendBySmtp(message: EmailOutbox): Promise<Accepted> {
	if (message.channel !== 'email')
		throw new DeliveryError(`SMTP cannot send a ${message.channel} message`, false);
	try {
		await smtp().sendMail({
			from: getConfig().EMAIL_FROM,
			to: message.toAddress,
			subject: message.subject,
			text: message.textBody,
			attachments: message.calendarIcs
				? [
						{
							filename: 'session.ics',
							content: message.calendarIcs,
							contentType: 'text/calendar; charset=utf-8; method=PUBLISH'
						}
					]
				: undefined
		});
	} catch (err) {
		throw smtpError(err);
	}
	// SMTP gives no delivery receipt: accepted by the server is as far as we can know.
	return { providerId: null, status: 'sent' };
}
