import type { EmailOutbox } from '$lib/server/db/schema';
import type { TagColour } from '$lib/components/types';

/**
 * How far an email got, as one status: kept in the outbox (no email server, so never sent),
 * sent by SMTP, waiting to send, or failed.
 */
export function deliveryStatus(e: Pick<EmailOutbox, 'transport' | 'sentAt' | 'error'>): {
	text: string;
	colour: TagColour;
} {
	if (e.transport === 'outbox') return { text: 'Kept in outbox', colour: 'grey' };
	if (e.sentAt) return { text: 'Sent', colour: 'green' };
	if (e.error) return { text: 'Not sent', colour: 'red' };
	return { text: 'Waiting to send', colour: 'yellow' };
}

/** When the email was sent: only for emails that really went to an email server. */
export function sentAt(e: Pick<EmailOutbox, 'transport' | 'sentAt'>): Date | null {
	return e.transport === 'outbox' ? null : e.sentAt;
}

// The kinds of email the domains send (roadshow/emails.ts, answering/resumeLinkEmail.ts), in words.
const kindLabels: Record<string, string> = {
	booking_confirmed: 'Booking confirmed',
	waiting_list_joined: 'Joined the waiting list',
	promoted_from_waiting_list: 'Place from the waiting list',
	booking_changed: 'Places changed',
	booking_details_changed: 'Booking details changed',
	booking_cancelled: 'Booking cancelled',
	session_cancelled: 'Session cancelled',
	reminder: 'Reminder before the session',
	manage_link_resent: 'New link to manage a booking',
	questionnaire_resume_link: 'Link to finish a questionnaire'
};

/** "Booking confirmed" for 'booking_confirmed'; a kind not listed here is still readable. */
export function emailKindLabel(kind: string): string {
	const known = kindLabels[kind];
	if (known) return known;
	const words = kind.replace(/_/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}
