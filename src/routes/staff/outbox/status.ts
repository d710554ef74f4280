import type { EmailOutbox } from '$lib/server/db/schema';
import type { TagColour } from '$lib/components/types';

/** How far an email got: kept in the outbox (demo), sent by SMTP, waiting to send, or failed. */
export function deliveryStatus(e: Pick<EmailOutbox, 'transport' | 'sentAt' | 'error'>): {
	text: string;
	colour: TagColour;
} {
	if (e.transport === 'outbox') return { text: 'Kept in outbox', colour: 'grey' };
	if (e.sentAt) return { text: 'Sent', colour: 'green' };
	if (e.error) return { text: 'Not sent', colour: 'red' };
	return { text: 'Waiting to send', colour: 'yellow' };
}
