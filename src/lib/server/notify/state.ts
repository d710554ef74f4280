// What staff are told about a message: pending, sent, delivered, failed or kept in the outbox.
import type { EmailOutbox } from '../db/schema';

export type MessageState = {
	state: 'pending' | 'sent' | 'delivered' | 'failed' | 'kept';
	label: string;
	/** One sentence on where the message is, for the message's own page. */
	detail: string;
};

type Row = Pick<
	EmailOutbox,
	'status' | 'transport' | 'channel' | 'error' | 'attempts' | 'nextAttemptAt'
>;

export function messageState(m: Row, formatTime: (d: Date) => string): MessageState {
	switch (m.status) {
		case 'kept':
			return {
				state: 'kept',
				label: 'Kept in outbox',
				detail:
					m.channel === 'letter'
						? 'No letter service is set up: print this letter and post it.'
						: 'No delivery service is set up, so the message was kept here and not sent.'
			};
		case 'delivered':
			return {
				state: 'delivered',
				label: 'Delivered',
				detail:
					m.channel === 'letter'
						? 'GOV.UK Notify has printed and posted the letter.'
						: 'GOV.UK Notify reports it was delivered.'
			};
		case 'sent':
			return m.transport === 'smtp'
				? {
						state: 'sent',
						label: 'Sent',
						detail: 'The mail server accepted it. Mail servers do not report delivery.'
					}
				: {
						state: 'pending',
						label: 'Pending',
						detail: 'GOV.UK Notify accepted it and has not reported delivery yet.'
					};
		case 'failed':
			return {
				state: 'failed',
				label: 'Failed',
				detail: `Not delivered after ${m.attempts} ${m.attempts === 1 ? 'try' : 'tries'}.`
			};
		case 'queued':
		case 'sending':
			return {
				state: 'pending',
				label: 'Pending',
				detail:
					m.error && m.nextAttemptAt
						? `Not sent yet: it will be tried again at ${formatTime(m.nextAttemptAt)}.`
						: 'Waiting to be sent.'
			};
	}
}
