import { describe, expect, it } from 'vitest';
import type { Booking, RoadshowSession } from '../db/schema';
import { renderEmail, templateNames, placesText } from './emailTemplates';

const session: RoadshowSession = {
	id: 1,
	consultationId: 1,
	title: 'Parents and practitioners',
	audienceLabel: 'Parents/Practitioners',
	venueName: 'Bridge Chapel',
	address: '1 Chapel Road\nLiverpool',
	postcode: 'L1 1JD',
	area: 'City centre',
	mode: 'in_person',
	joiningLink: null,
	// 5:30pm to 6:30pm BST.
	startsAt: new Date('2026-06-04T16:30:00Z'),
	endsAt: new Date('2026-06-04T17:30:00Z'),
	capacity: 20,
	bookingClosesAt: new Date('2026-06-03T17:00:00Z'),
	stepFreeAccess: true,
	hearingLoop: false,
	parking: '',
	quietRoom: false,
	accessibilityNotes: '',
	childrenWelcome: true,
	cancelledAt: null,
	cancellationReason: null,
	createdAt: new Date(),
	updatedAt: new Date()
};

const booking = {
	id: 7,
	roadshowSessionId: 1,
	reference: 'K7PM-3XQD',
	status: 'confirmed',
	adults: 1,
	children: 1,
	bookedBy: 'family',
	contactName: 'Sam Parent',
	email: 'sam@example.com',
	phone: null,
	accessNeeds: ['wheelchair'],
	accessNeedsOther: null
} as Booking;

const token = 'secret-token-abcdefghijklmnopqrstuvwxyz0123456';
const baseUrl = 'https://consult.example.org';

describe('renderEmail', () => {
	it('gives every template the session, reference and places, and never the token in the subject', () => {
		for (const template of templateNames) {
			const { subject, text } = renderEmail(template, {
				booking,
				session,
				baseUrl,
				manageToken: token
			});
			expect(subject).not.toContain(token);
			expect(subject).toContain('Parents and practitioners');
			expect(text).toContain('Dear Sam Parent,');
			expect(text).toContain('When: Thursday 4 June 2026, 5:30pm to 6:30pm');
			expect(text).toContain('  Bridge Chapel\n  1 Chapel Road\n  Liverpool\n  L1 1JD');
			expect(text).toContain('Who it is for: Parents/Practitioners');
			expect(text).toContain('Booking reference: K7PM-3XQD');
			expect(text).toContain('Places: 2 places (1 adult, 1 child or young person)');
			// Short lines, for any mail reader.
			for (const line of text.split('\n'))
				if (!line.startsWith('http')) expect(line.length).toBeLessThanOrEqual(100);
		}
	});

	it('puts the manage link in the body when the token is known', () => {
		const { text } = renderEmail('booking_confirmed', {
			booking,
			session,
			baseUrl,
			manageToken: token
		});
		expect(text).toContain(`${baseUrl}/bookings/manage/${token}`);
		expect(text).toContain('Keep this link private');
	});

	it('points to the lost-link page when the token is not known', () => {
		const { text } = renderEmail('promoted_from_waiting_list', { booking, session, baseUrl });
		expect(text).not.toContain('/bookings/manage/');
		expect(text).toContain(`${baseUrl}/bookings/lost-link`);
		expect(text).toContain('booked you a place from the waiting list');
	});

	it('shows the joining link of an online session only to confirmed people', () => {
		const online = {
			...session,
			mode: 'online' as const,
			joiningLink: 'https://meet.example.org/abc'
		};
		const confirmed = renderEmail('booking_confirmed', { booking, session: online, baseUrl });
		expect(confirmed.text).toContain('Where: Online');
		expect(confirmed.text).toContain('Joining link: https://meet.example.org/abc');
		const waiting = renderEmail('waiting_list_joined', {
			booking: { ...booking, status: 'waiting' },
			session: online,
			baseUrl
		});
		expect(waiting.text).not.toContain('meet.example.org');
		const cancelled = renderEmail('session_cancelled', {
			booking,
			session: { ...online, cancelledAt: new Date(), cancellationReason: 'The speaker is ill' },
			baseUrl
		});
		expect(cancelled.text).not.toContain('meet.example.org');
		expect(cancelled.text).toContain('Reason: The speaker is ill');
	});

	it('describes parties in words', () => {
		expect(placesText({ adults: 2, children: 0 })).toBe('2 places (2 adults)');
		expect(placesText({ adults: 0, children: 3 })).toBe('3 places (3 children or young people)');
	});
});
