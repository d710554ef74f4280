// GOV.UK Notify, through its official client, when NOTIFY_API_KEY is set. Every email goes through
// one template whose subject is ((subject)) and message ((body)); every text through one whose
// message is ((body)); letters as precompiled PDFs. The reference is the outbox id and nothing
// else, so no personal data reaches Notify's reports beyond the message itself.
import { NotifyClient } from 'notifications-node-client';
import type { EmailOutbox } from '../db/schema';
import { getConfig } from '../config';
import { DeliveryError } from './retry';
import type { Accepted } from './outbox';

let client: { key: string; base: string | undefined; notify: NotifyClient } | undefined;

function notifyClient(): NotifyClient {
	const { NOTIFY_API_KEY, NOTIFY_BASE_URL } = getConfig();
	if (!NOTIFY_API_KEY) throw new DeliveryError('NOTIFY_API_KEY is not set', true);
	if (!client || client.key !== NOTIFY_API_KEY || client.base !== NOTIFY_BASE_URL)
		client = {
			key: NOTIFY_API_KEY,
			base: NOTIFY_BASE_URL,
			notify: NOTIFY_BASE_URL
				? new NotifyClient(NOTIFY_BASE_URL, NOTIFY_API_KEY)
				: new NotifyClient(NOTIFY_API_KEY)
		};
	return client.notify;
}

type AxiosLikeError = {
	message?: string;
	response?: { status?: number; data?: { errors?: Array<{ error?: string; message?: string }> } };
};

/**
 * Notify's documented errors: 400 means the request itself is wrong (an invalid number, a
 * team-only key): sending it again cannot help. 403 (a key problem), 429 (rate limits), 5xx and
 * no answer at all are worth trying again.
 */
export function notifyError(err: unknown): DeliveryError {
	if (err instanceof DeliveryError) return err;
	const e = err as AxiosLikeError;
	const status = e.response?.status;
	const detail = (e.response?.data?.errors ?? [])
		.map((x) => [x.error, x.message].filter(Boolean).join(': '))
		.join('; ');
	const message = status
		? `GOV.UK Notify answered ${status}${detail ? `: ${detail}` : ''}`
		: `GOV.UK Notify could not be reached: ${e.message ?? String(err)}`;
	return new DeliveryError(message, status !== 400);
}

export async function sendByNotify(message: EmailOutbox): Promise<Accepted> {
	const config = getConfig();
	const notify = notifyClient();
	const reference = String(message.id);
	try {
		const response =
			message.channel === 'email'
				? await notify.sendEmail(config.NOTIFY_EMAIL_TEMPLATE_ID!, message.toAddress, {
						personalisation: { subject: message.subject, body: message.textBody },
						reference,
						emailReplyToId: config.NOTIFY_EMAIL_REPLY_TO_ID
					})
				: message.channel === 'sms'
					? await notify.sendSms(config.NOTIFY_SMS_TEMPLATE_ID!, message.toAddress, {
							personalisation: { body: message.textBody },
							reference,
							smsSenderId: config.NOTIFY_SMS_SENDER_ID
						})
					: await notify.sendPrecompiledLetter(
							reference,
							letterPdf(message),
							config.NOTIFY_LETTER_POSTAGE
						);
		return { providerId: response.data.id, status: 'sent' };
	} catch (err) {
		throw notifyError(err);
	}
}

function letterPdf(message: EmailOutbox): Buffer {
	if (!message.letterPdf) throw new DeliveryError('The letter has no PDF', false);
	return message.letterPdf;
}

/** Notify's status word for one notification, for the polling job. */
export async function fetchNotifyStatus(providerId: string): Promise<string> {
	try {
		const response = await notifyClient().getNotificationById(providerId);
		return response.data.status;
	} catch (err) {
		throw notifyError(err);
	}
}
