import { describe, expect, it } from 'vitest';
import {
	availabilityLabel,
	fullnessLevel,
	partyFits,
	placesLeft,
	sessionAvailability
} from './capacity';

const session = {
	capacity: 10,
	startsAt: new Date('2026-06-10T16:30:00Z'),
	bookingClosesAt: new Date('2026-06-09T17:00:00Z'),
	cancelledAt: null
};
const before = new Date('2026-06-05T09:00:00Z');

describe('capacity', () => {
	it('counts places left, never below zero', () => {
		expect(placesLeft(10, 3)).toBe(7);
		expect(placesLeft(10, 10)).toBe(0);
		expect(placesLeft(10, 12)).toBe(0);
	});

	it('fits a party only whole', () => {
		expect(partyFits(2, 10, 8)).toBe(true);
		expect(partyFits(3, 10, 8)).toBe(false);
		expect(partyFits(0, 10, 0)).toBe(false);
	});

	it('describes availability in order: cancelled, past, closed, full, open', () => {
		expect(sessionAvailability(session, 4, 0, before, false)).toEqual({
			kind: 'open',
			placesLeft: 6
		});
		expect(sessionAvailability(session, 10, 3, before, false)).toEqual({
			kind: 'full',
			waitingCount: 3
		});
		expect(sessionAvailability(session, 4, 0, new Date('2026-06-09T17:00:00Z'), false)).toEqual({
			kind: 'closed'
		});
		expect(sessionAvailability(session, 4, 0, new Date('2026-06-10T16:30:00Z'), false)).toEqual({
			kind: 'past'
		});
		expect(sessionAvailability({ ...session, cancelledAt: before }, 4, 0, before, false)).toEqual({
			kind: 'cancelled'
		});
	});

	it('labels availability in plain English', () => {
		expect(availabilityLabel({ kind: 'open', placesLeft: 12 })).toBe('12 places left');
		expect(availabilityLabel({ kind: 'open', placesLeft: 1 })).toBe('1 place left');
		expect(availabilityLabel({ kind: 'full', waitingCount: 0 })).toBe(
			'Fully booked: join the waiting list'
		);
		expect(availabilityLabel({ kind: 'closed' })).toBe('Booking closed');
		expect(availabilityLabel({ kind: 'past' })).toBe('Booking closed');
		expect(availabilityLabel({ kind: 'cancelled' })).toBe('Cancelled');
	});

	it('raises fullness alerts at 80% and 100%', () => {
		expect(fullnessLevel(23, 30)).toBeNull();
		expect(fullnessLevel(24, 30)).toBe('80');
		expect(fullnessLevel(29, 30)).toBe('80');
		expect(fullnessLevel(30, 30)).toBe('100');
		expect(fullnessLevel(0, 15)).toBeNull();
	});
});
