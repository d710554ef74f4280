import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatDeadline,
	formatSessionWhen,
	formatTime,
	ukLocalToInstant,
	ukOffsetSpans,
	ukTimeOfDay,
	ukToday
} from './format';

describe('GOV.UK dates and times', () => {
	it('formats calendar dates with the weekday', () => {
		expect(formatDate('2026-06-04')).toBe('Thursday 4 June 2026');
		expect(formatDate('2026-12-25')).toBe('Friday 25 December 2026');
	});

	it('formats times the GOV.UK way', () => {
		expect(formatTime(new Date('2026-06-04T14:00:00Z'))).toBe('3pm'); // BST
		expect(formatTime(new Date('2026-12-04T15:00:00Z'))).toBe('3pm'); // GMT
		expect(formatTime(new Date('2026-06-04T16:30:00Z'))).toBe('5:30pm');
		expect(formatTime(new Date('2026-06-04T11:00:00Z'))).toBe('midday');
		expect(formatTime(new Date('2026-12-04T00:00:00Z'))).toBe('midnight');
		expect(formatTime(new Date('2026-12-04T09:05:00Z'))).toBe('9:05am');
	});

	it('formats a session with a time range', () => {
		const start = ukLocalToInstant('2026-06-04', '17:30');
		const end = ukLocalToInstant('2026-06-04', '18:30');
		expect(formatSessionWhen(start, end)).toBe('Thursday 4 June 2026, 5:30pm to 6:30pm');
		// A start alone never reads as if it were the whole session.
		expect(formatSessionWhen(start, null)).toBe('Thursday 4 June 2026, from 5:30pm');
		expect(formatDeadline(start)).toBe('5:30pm on Thursday 4 June 2026');
		expect(formatDateTime(start)).toBe('4 June 2026, 5:30pm');
	});

	it('converts UK wall-clock times to instants across BST and GMT', () => {
		expect(ukLocalToInstant('2026-06-04', '17:30').toISOString()).toBe('2026-06-04T16:30:00.000Z');
		expect(ukLocalToInstant('2026-12-04', '17:30').toISOString()).toBe('2026-12-04T17:30:00.000Z');
		// Clock-change days: 29 March 2026 (forward at 1am) and 25 October 2026 (back at 2am).
		expect(ukLocalToInstant('2026-03-29', '09:00').toISOString()).toBe('2026-03-29T08:00:00.000Z');
		expect(ukLocalToInstant('2026-03-28', '23:00').toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(ukLocalToInstant('2026-10-25', '09:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
		expect(ukLocalToInstant('2026-10-24', '18:00').toISOString()).toBe('2026-10-24T17:00:00.000Z');
		expect(ukTimeOfDay(ukLocalToInstant('2026-06-04', '09:15'))).toBe('09:15');
	});

	it('knows the UK calendar date near midnight', () => {
		expect(ukToday(new Date('2026-06-04T23:30:00Z'))).toBe('2026-06-05'); // 00:30 BST
		expect(ukToday(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-04');
	});

	it('turns the date over at the first millisecond of the UK day, one call after another', () => {
		// The last minute's date is kept: the next minute, and the next day, must still be seen.
		expect(ukToday(new Date('2026-12-04T23:59:59.999Z'))).toBe('2026-12-04'); // GMT
		expect(ukToday(new Date('2026-12-05T00:00:00.000Z'))).toBe('2026-12-05');
		expect(ukToday(new Date('2026-06-04T22:59:59.999Z'))).toBe('2026-06-04'); // BST
		expect(ukToday(new Date('2026-06-04T23:00:00.000Z'))).toBe('2026-06-05');
		expect(ukToday(new Date('2026-06-04T23:00:59.999Z'))).toBe('2026-06-05');
	});

	it('formats the same instant the same way again, either side of a clock change', () => {
		// 25 October 2026: 00:59 UTC is 1:59am BST, 01:00 UTC is 1am GMT.
		const beforeChange = new Date('2026-10-25T00:59:00Z');
		const afterChange = new Date('2026-10-25T01:00:00Z');
		for (let i = 0; i < 2; i++) {
			expect(formatTime(beforeChange)).toBe('1:59am');
			expect(formatTime(afterChange)).toBe('1am');
			expect(ukTimeOfDay(afterChange)).toBe('01:00');
		}
	});
});

describe('ukOffsetSpans', () => {
	it('gives British Summer Time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October', () => {
		expect(ukOffsetSpans(Date.UTC(2026, 0, 1), Date.UTC(2028, 0, 1))).toEqual([
			{
				startMs: Date.parse('2026-03-29T01:00:00Z'),
				endMs: Date.parse('2026-10-25T01:00:00Z'),
				offsetMs: 3_600_000
			},
			{
				startMs: Date.parse('2027-03-28T01:00:00Z'),
				endMs: Date.parse('2027-10-31T01:00:00Z'),
				offsetMs: 3_600_000
			}
		]);
	});

	it('starts or ends a span at the range when the range begins or ends in summer', () => {
		const from = Date.parse('2026-06-01T12:00:00Z');
		const to = Date.parse('2026-06-03T12:00:00Z');
		expect(ukOffsetSpans(from, to)).toEqual([
			{ startMs: from, endMs: to + 1, offsetMs: 3_600_000 }
		]);
		expect(
			ukOffsetSpans(Date.parse('2026-12-01T00:00:00Z'), Date.parse('2026-12-31T00:00:00Z'))
		).toEqual([]);
	});
});
