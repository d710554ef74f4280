// Pure capacity rules: every adult and child in a party takes one place.
import type { RoadshowSession } from '../db/schema';

export function placesLeft(capacity: number, confirmedPlaces: number): number {
	return Math.max(0, capacity - confirmedPlaces);
}

/** A party is confirmed whole or not at all (families need "both of us or neither"). */
export function partyFits(party: number, capacity: number, confirmedPlaces: number): boolean {
	return party >= 1 && party <= placesLeft(capacity, confirmedPlaces);
}

/**
 * The largest party a booking could have now: a confirmed one only grows into free places; a
 * waiting one may grow up to the limit, as it simply waits for more places.
 */
export function mostPlacesForBooking(
	b: { status: string; adults: number; children: number },
	capacity: number,
	confirmedPlaces: number,
	maxParty: number
): number {
	if (b.status !== 'confirmed') return maxParty;
	return Math.min(maxParty, placesLeft(capacity, confirmedPlaces - b.adults - b.children));
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

/**
 * The booking window: booking and changing places stop at the session's booking close time or its
 * start, whichever comes first.
 */
export function isBookingClosed(
	session: Pick<RoadshowSession, 'bookingClosesAt' | 'startsAt'>,
	now: Date
): boolean {
	return now.getTime() >= Math.min(session.bookingClosesAt.getTime(), session.startsAt.getTime());
}

export function hasStarted(session: Pick<RoadshowSession, 'startsAt'>, now: Date): boolean {
	return now.getTime() >= session.startsAt.getTime();
}

/** consultationClosed: the consultation has closed (or closed early), which ends booking too. */
export function sessionAvailability(
	session: AvailabilitySession,
	confirmedPlaces: number,
	waitingCount: number,
	now: Date,
	consultationClosed: boolean
): Availability {
	if (session.cancelledAt) return { kind: 'cancelled' };
	if (hasStarted(session, now)) return { kind: 'past' };
	if (consultationClosed || isBookingClosed(session, now)) return { kind: 'closed' };
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
