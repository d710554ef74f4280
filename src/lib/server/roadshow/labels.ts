// How staff pages describe a session's state: tags for lists and the fullness banner.
import type { RoadshowSession } from '../db/schema';
import { fullnessLevel, sessionAvailability } from './capacity';

type TagColour = 'green' | 'grey' | 'red' | 'orange' | 'yellow';
export type StaffTag = { text: string; colour: TagColour };

export function sessionStatusTag(
	session: Pick<RoadshowSession, 'capacity' | 'startsAt' | 'bookingClosesAt' | 'cancelledAt'>,
	confirmedPlaces: number,
	now: Date
): StaffTag {
	switch (sessionAvailability(session, confirmedPlaces, 0, now, false).kind) {
		case 'cancelled':
			return { text: 'Cancelled', colour: 'red' };
		case 'past':
			return { text: 'Finished', colour: 'grey' };
		case 'closed':
			return { text: 'Booking closed', colour: 'grey' };
		default:
			return { text: 'Booking open', colour: 'green' };
	}
}

export function fullnessTag(confirmedPlaces: number, capacity: number): StaffTag | null {
	const level = fullnessLevel(confirmedPlaces, capacity);
	if (level === '100') return { text: 'Full', colour: 'red' };
	if (level === '80') return { text: 'Nearly full', colour: 'orange' };
	return null;
}

/** "This session is 80% full: 24 of 30 places booked", or null below 80%. */
export function fullnessMessage(
	confirmedPlaces: number,
	capacity: number,
	waitingCount: number
): string | null {
	const level = fullnessLevel(confirmedPlaces, capacity);
	const booked = `${confirmedPlaces} of ${capacity} ${capacity === 1 ? 'place' : 'places'} booked`;
	if (level === '100') {
		const waiting = waitingCount === 1 ? '1 booking is' : `${waitingCount} bookings are`;
		return `This session is full: ${booked}. ${waiting} on the waiting list.`;
	}
	if (level === '80')
		return `This session is ${Math.floor((confirmedPlaces * 100) / capacity)}% full: ${booked}`;
	return null;
}

/** For the "done" banner after a change that moved people off the waiting list; '' when none moved. */
export function promotedNote(promoted: number): string {
	if (!(promoted > 0)) return '';
	return ` ${promoted === 1 ? '1 booking' : `${promoted} bookings`} moved from the waiting list to confirmed, and the people were emailed.`;
}

/** The staff page's note after a session's time or place changed. */
export function movedNote(moved: number): string {
	if (!(moved > 0) || !Number.isInteger(moved)) return '';
	return ` The new time or place was emailed to ${moved === 1 ? 'the 1 booking' : `all ${moved} bookings`} and waiting list entries, and their reminders will follow the new time.`;
}

/** "2 days", "1 day", "6 hours": how long before a session its reminder goes, in words. */
export function reminderLeadText(hours: number): string {
	if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
	return hours === 1 ? '1 hour' : `${hours} hours`;
}
