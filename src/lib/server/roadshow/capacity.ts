// Pure capacity rules: every adult and child in a party takes one place.
import type { RoadshowSession } from '../db/schema';

export function placesLeft(capacity: number, confirmedPlaces: number): number {
	return Math.max(0, capacity - confirmedPlaces);
}

/** A party is confirmed whole or not at all (families need "both of us or neither"). */
export function partyFits(party: number, capacity: number, confirmedPlaces: number): boolean {
	return party >= 1 && party <= placesLeft(capacity, confirmedPlaces);
}

/** Adults-only sessions take no children; a booking made before the change keeps the children it has. */
export function childrenAllowed(
	session: Pick<RoadshowSession, 'childrenWelcome'>,
	children: number,
	alreadyBooked = 0
): boolean {
	return session.childrenWelcome || children <= alreadyBooked;
}

export type Availability =
	| { kind: 'open'; placesLeft: number }
	| { kind: 'full'; waitingCount: number }
	| { kind: 'closed' }
	| { kind: 'cancelled' }
	| { kind: 'past' };

export type AvailabilitySession = Pick<
	RoadshowSession,
	'capacity' | 'startsAt' | 'bookingClosesAt' | 'cancelledAt'
>;

export function isBookingClosed(
	session: Pick<RoadshowSession, 'bookingClosesAt'>,
	now: Date
): boolean {
	return now.getTime() >= session.bookingClosesAt.getTime();
}

export function hasStarted(session: Pick<RoadshowSession, 'startsAt'>, now: Date): boolean {
	return now.getTime() >= session.startsAt.getTime();
}

export function sessionAvailability(
	session: AvailabilitySession,
	confirmedPlaces: number,
	waitingCount: number,
	now: Date
): Availability {
	if (session.cancelledAt) return { kind: 'cancelled' };
	if (hasStarted(session, now)) return { kind: 'past' };
	if (isBookingClosed(session, now)) return { kind: 'closed' };
	const left = placesLeft(session.capacity, confirmedPlaces);
	if (left === 0) return { kind: 'full', waitingCount };
	return { kind: 'open', placesLeft: left };
}

export function availabilityLabel(availability: Availability): string {
	switch (availability.kind) {
		case 'open':
			return availability.placesLeft === 1
				? '1 place left'
				: `${availability.placesLeft} places left`;
		case 'full':
			return 'Fully booked: join the waiting list';
		case 'closed':
		case 'past':
			return 'Booking closed';
		case 'cancelled':
			return 'Cancelled';
	}
}

/** Staff alerts: '80' from 80% of places confirmed, '100' when full. */
export function fullnessLevel(confirmedPlaces: number, capacity: number): null | '80' | '100' {
	if (capacity <= 0 || confirmedPlaces >= capacity) return '100';
	// Integer arithmetic, so 24 of 30 is exactly 80%.
	if (confirmedPlaces * 100 >= capacity * 80) return '80';
	return null;
}
