import { describe, expect, it } from 'vitest';
import {
	fullnessMessage,
	fullnessTag,
	movedNote,
	promotedNote,
	sessionStatusTag,
	reminderLeadText
} from './labels';
import { NOW } from './testFixtures';

const session = {
	capacity: 30,
	startsAt: new Date('2026-06-10T16:30:00Z'),
	bookingClosesAt: new Date('2026-06-09T17:00:00Z'),
	cancelledAt: null
};

describe('staff labels', () => {
	it('tags a session by its state', () => {
		expect(sessionStatusTag(session, 30, NOW).text).toBe('Booking open');
		expect(sessionStatusTag(session, 0, new Date('2026-06-09T18:00:00Z')).text).toBe(
			'Booking closed'
		);
		expect(sessionStatusTag(session, 0, new Date('2026-06-10T17:00:00Z')).text).toBe('Finished');
		expect(sessionStatusTag({ ...session, cancelledAt: NOW }, 0, NOW).text).toBe('Cancelled');
	});

	it('warns at 80% and when full', () => {
		expect(fullnessTag(23, 30)).toBeNull();
		expect(fullnessTag(24, 30)?.text).toBe('Nearly full');
		expect(fullnessTag(30, 30)?.text).toBe('Full');
		expect(fullnessMessage(23, 30, 0)).toBeNull();
		expect(fullnessMessage(24, 30, 0)).toBe('This session is 80% full: 24 of 30 places booked');
		expect(fullnessMessage(29, 30, 0)).toBe('This session is 96% full: 29 of 30 places booked');
		expect(fullnessMessage(30, 30, 1)).toBe(
			'This session is full: 30 of 30 places booked. 1 booking is on the waiting list.'
		);
		expect(fullnessMessage(30, 30, 3)).toContain('3 bookings are on the waiting list');
	});

	it('describes people moved from the waiting list, and nothing for none or a tampered count', () => {
		expect(promotedNote(1)).toBe(
			' 1 booking moved from the waiting list to confirmed, and the people were emailed.'
		);
		expect(promotedNote(3)).toContain('3 bookings moved');
		expect(promotedNote(0)).toBe('');
		expect(promotedNote(Number('x'))).toBe('');
	});
});

describe('movedNote', () => {
	it('says who was told of a moved session, and nothing for none or a tampered count', () => {
		expect(movedNote(1)).toContain('emailed to the 1 booking');
		expect(movedNote(8)).toContain('emailed to all 8 bookings');
		expect(movedNote(0)).toBe('');
		expect(movedNote(Number('x'))).toBe('');
		expect(movedNote(1.5)).toBe('');
	});
});

describe('reminderLeadText', () => {
	it('says the reminder lead time in words', () => {
		expect(reminderLeadText(48)).toBe('2 days');
		expect(reminderLeadText(24)).toBe('1 day');
		expect(reminderLeadText(6)).toBe('6 hours');
		expect(reminderLeadText(1)).toBe('1 hour');
	});
});
