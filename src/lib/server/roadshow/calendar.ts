// Calendar files for a booking. Times are written in UTC from the stored instants, so the event
// lands at the right UK local time on either side of a BST/GMT change.
import { createEvent, type EventAttributes } from 'ics';
import type { Booking, RoadshowSession } from '../db/schema';

const HOUR = 3_600_000;

/** The manage link for a booking; emails, pages and calendar files all build it here. */
export function manageBookingUrl(baseUrl: string, manageToken: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/bookings/manage/${manageToken}`;
}

export function sessionLocation(session: RoadshowSession): string {
	if (session.mode === 'online') return 'Online';
	return [session.venueName, session.address.replace(/\s*\n\s*/g, ', '), session.postcode]
		.filter(Boolean)
		.join(', ');
}

/**
 * An .ics file for one booking. The UID stays the same for the booking, so downloading it again
 * updates the event rather than adding another. Pass the manage token when it is known
 * (just after booking, or on the manage page) to put the manage link in the description.
 */
export function bookingCalendarFile(
	session: RoadshowSession,
	bookingRow: Booking,
	baseUrl: string,
	manageToken?: string | null
): string {
	const end = session.endsAt ?? new Date(session.startsAt.getTime() + HOUR);
	const places = bookingRow.adults + bookingRow.children;
	const description = [
		`Booking reference: ${bookingRow.reference}`,
		`Places: ${places}`,
		session.mode === 'online' && bookingRow.status === 'confirmed' && session.joiningLink
			? `Joining link: ${session.joiningLink}`
			: null,
		manageToken ? `Change or cancel your booking: ${manageBookingUrl(baseUrl, manageToken)}` : null
	]
		.filter(Boolean)
		.join('\n');
	const cancelled = bookingRow.status === 'cancelled' || session.cancelledAt !== null;
	const event: EventAttributes = {
		uid: `booking-${bookingRow.reference}@coproduce`,
		productId: 'coproduce/roadshow',
		start: session.startsAt.getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: end.getTime(),
		endInputType: 'utc',
		endOutputType: 'utc',
		title: session.title,
		description,
		location: sessionLocation(session),
		status: cancelled ? 'CANCELLED' : bookingRow.status === 'waiting' ? 'TENTATIVE' : 'CONFIRMED'
	};
	const { error, value } = createEvent(event);
	if (error || !value) throw error ?? new Error('Could not create the calendar file');
	return value;
}
