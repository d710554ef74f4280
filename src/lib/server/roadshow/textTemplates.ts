// Text messages about roadshow bookings, for families who agreed to them. Short (two text
// fragments at most), plain, and never a secret link: each says where to find the booking.
import type { Booking, RoadshowSession } from '../db/schema';
import { formatDate, formatTime } from '../../format';
import type { TemplateName } from './emailTemplates';

export type TextInput = { booking: Booking; session: RoadshowSession; baseUrl: string };

/** Notify bills a text by 160-character fragment (153 each when longer): keep to two. */
export const TEXT_MAX_LENGTH = 306;

const when = (s: RoadshowSession) => `${formatDate(s.startsAt)} at ${formatTime(s.startsAt)}`;
const where = (s: RoadshowSession) =>
	s.mode === 'online' ? 'online' : [s.venueName, s.postcode].filter(Boolean).join(', ');
const findIt = (baseUrl: string) =>
	`Your booking email has the details and a link to change or cancel. Lost it? ${baseUrl.replace(/\/+$/, '')}/bookings/lost-link`;

/** The templates that also go by text: reminders and changes the family did not make. */
const texts: Partial<Record<TemplateName, (input: TextInput) => string>> = {
	reminder: ({ booking: b, session: s, baseUrl }) =>
		`Reminder: ${s.title}, ${when(s)}, ${where(s)}. Booking ${b.reference}. ${findIt(baseUrl)}`,
	promoted_from_waiting_list: ({ booking: b, session: s, baseUrl }) =>
		`Good news: you now have a place at ${s.title}, ${when(s)}, ${where(s)}. Booking ${b.reference}. ${findIt(baseUrl)}`,
	session_cancelled: ({ booking: b, session: s }) =>
		`Sorry, ${s.title} on ${formatDate(s.startsAt)} has been cancelled, so booking ${b.reference} is cancelled. We have emailed you about other ways to have your say.`,
	session_moved: ({ booking: b, session: s, baseUrl }) =>
		`${s.title} has changed. It is now ${when(s)}, ${where(s)}. Booking ${b.reference}. ${findIt(baseUrl)}`,
	booking_cancelled: ({ booking: b, session: s }) =>
		`Your booking ${b.reference} for ${s.title} on ${formatDate(s.startsAt)} has been cancelled. We have emailed you the details.`
};

/** The text for a template, or null if that template is email only. */
export function renderText(template: TemplateName, input: TextInput): string | null {
	const text = texts[template]?.(input);
	if (!text) return null;
	// A long session title must not make a text run to many fragments.
	return text.length <= TEXT_MAX_LENGTH ? text : `${text.slice(0, TEXT_MAX_LENGTH - 1)}…`;
}

/** Only a family that agreed, with a number we could use, gets texts. */
export function textRecipient(b: Pick<Booking, 'mobile' | 'textMessages'>): string | null {
	return b.textMessages && b.mobile ? b.mobile : null;
}
