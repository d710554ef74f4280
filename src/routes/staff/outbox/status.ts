import { messageState } from '$lib/server/notify';
import type { EmailOutbox } from '$lib/server/db/schema';
import type { TagColour } from '$lib/components/types';
import { formatDateTime } from '$lib/format';

const colours = {
	pending: 'yellow',
	sent: 'blue',
	delivered: 'green',
	failed: 'red',
	kept: 'grey'
} as const satisfies Record<string, TagColour>;

/** How far a message got, as a tag and a sentence for staff. */
export function deliveryStatus(
	e: Pick<EmailOutbox, 'status' | 'transport' | 'channel' | 'error' | 'attempts' | 'nextAttemptAt'>
): { text: string; colour: TagColour; detail: string } {
	const s = messageState(e, formatDateTime);
	return { text: s.label, colour: colours[s.state], detail: s.detail };
}

const channelNames = { email: 'Email', sms: 'Text message', letter: 'Letter' } as const;

export function channelName(channel: EmailOutbox['channel']): string {
	return channelNames[channel];
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
	booking_details_changed: 'Contact details or access needs changed',
	booking_email_changed: 'Booking email address changed (to the old address)',
	booking_cancelled: 'Booking cancelled',
	session_cancelled: 'Session cancelled',
	session_moved: 'Session changed (time or place)',
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
