import { describe, expect, it } from 'vitest';
import { ukLocalToInstant } from '../../format';
import { defaultBookingClosesAt, parseTimeOfDay, previousDay } from './schedule';

describe('booking close time', () => {
	it('is 6pm UK time the day before, in BST and GMT', () => {
		expect(defaultBookingClosesAt(ukLocalToInstant('2026-06-04', '11:00')).toISOString()).toBe(
			'2026-06-03T17:00:00.000Z'
		);
		expect(defaultBookingClosesAt(ukLocalToInstant('2026-12-04', '11:00')).toISOString()).toBe(
			'2026-12-03T18:00:00.000Z'
		);
	});

	it('uses the UK date of the session, not the UTC date', () => {
		// 00:30 BST on 5 June is still 4 June in UTC.
		expect(defaultBookingClosesAt(ukLocalToInstant('2026-06-05', '00:30')).toISOString()).toBe(
			'2026-06-04T17:00:00.000Z'
		);
	});

	it('is right across the clock changes', () => {
		// Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
		expect(defaultBookingClosesAt(ukLocalToInstant('2026-03-30', '10:00')).toISOString()).toBe(
			'2026-03-29T17:00:00.000Z'
		);
		expect(defaultBookingClosesAt(ukLocalToInstant('2026-03-29', '10:00')).toISOString()).toBe(
			'2026-03-28T18:00:00.000Z'
		);
		expect(defaultBookingClosesAt(ukLocalToInstant('2026-10-26', '10:00')).toISOString()).toBe(
			'2026-10-25T18:00:00.000Z'
		);
		expect(defaultBookingClosesAt(ukLocalToInstant('2026-10-25', '10:00')).toISOString()).toBe(
			'2026-10-24T17:00:00.000Z'
		);
	});

	it('steps back over month and year ends', () => {
		expect(previousDay('2026-03-01')).toBe('2026-02-28');
		expect(previousDay('2027-01-01')).toBe('2026-12-31');
	});
});

describe('parseTimeOfDay', () => {
	it('reads the ways staff write times', () => {
		expect(parseTimeOfDay('17:30')).toBe('17:30');
		expect(parseTimeOfDay('5:30pm')).toBe('17:30');
		expect(parseTimeOfDay('5.30 PM')).toBe('17:30');
		expect(parseTimeOfDay('11am')).toBe('11:00');
		expect(parseTimeOfDay('12pm')).toBe('12:00');
		expect(parseTimeOfDay('12am')).toBe('00:00');
		expect(parseTimeOfDay('midday')).toBe('12:00');
		expect(parseTimeOfDay('midnight')).toBe('00:00');
	});

	it('refuses what it would have to guess', () => {
		for (const bad of ['5', '25:00', '13pm', '5:75pm', 'teatime', ''])
			expect(parseTimeOfDay(bad)).toBeNull();
	});
});
