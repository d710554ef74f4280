import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { booking, bookingDraft, consultation } from '../db/schema';
import type { Db } from '../db';
import { confirmBookingDraft, findBookingOfDraft } from './bookings';
import { DRAFT_LIFETIME_MS, saveDraftStep, startDraft } from './drafts';
import { NOW, addSession, testDb } from './testFixtures';

type Answers = Record<string, string>;

function readyDraft(db: Db, sessionId: number, answers: Answers = {}): string {
	const id = startDraft(db, sessionId, 'who', { bookedBy: 'family', ...answers }, NOW);
	saveDraftStep(db, id, sessionId, 'places', { adults: '1', children: '1', ...answers }, NOW);
	saveDraftStep(
		db,
		id,
		sessionId,
		'contact',
		{ contactName: 'Sam Parent', email: 'sam@example.com', ...answers },
		NOW
	);
	saveDraftStep(db, id, sessionId, 'access-needs', { accessNeeds: 'none' }, NOW);
	saveDraftStep(db, id, sessionId, 'consent', { consentToContact: 'yes' }, NOW);
	return id;
}

const bookings = (db: Db) => db.select().from(booking).all();

describe('confirming a booking journey', () => {
	it('books once: the draft is consumed, and confirming again finds the same booking', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const draftId = readyDraft(db, session.id);
		const first = confirmBookingDraft(db, draftId, session.id, NOW, false);
		if (first.kind !== 'booked') throw new Error(first.kind);
		expect(first.repeat).toBe(false);
		expect(first.booking.idempotencyKey).toBe(draftId);
		// Consumed in the same transaction: no answers left under the draft's id.
		expect(
			db.select().from(bookingDraft).where(eq(bookingDraft.id, draftId)).get()
		).toBeUndefined();

		// Back then "Confirm booking", a reload re-posting, a double click: the same reference.
		for (const wait of [false, true, false]) {
			const again = confirmBookingDraft(db, draftId, session.id, NOW, wait);
			if (again.kind !== 'booked') throw new Error(again.kind);
			expect(again).toMatchObject({ repeat: true, manageToken: null });
			expect(again.booking.reference).toBe(first.booking.reference);
		}
		expect(bookings(db)).toHaveLength(1);
		expect(findBookingOfDraft(db, draftId, session.id, NOW)?.reference).toBe(
			first.booking.reference
		);
	});

	it('shows the booking at the journey address only as long as a draft would last', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const draftId = readyDraft(db, session.id);
		confirmBookingDraft(db, draftId, session.id, NOW, false);
		const later = new Date(NOW.getTime() + DRAFT_LIFETIME_MS);
		expect(findBookingOfDraft(db, draftId, session.id, later)).toBeUndefined();
		const other = addSession(db, consultationId);
		expect(findBookingOfDraft(db, draftId, other.id, NOW)).toBeUndefined();
	});

	it('refuses an unknown draft id, so a client cannot choose its own key', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		expect(confirmBookingDraft(db, 'a'.repeat(22), session.id, NOW, false)).toEqual({
			kind: 'draft_expired'
		});
		expect(bookings(db)).toHaveLength(0);
	});

	it('asks a family that already has a booking for the session to use it, in any letter case', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		confirmBookingDraft(db, readyDraft(db, session.id), session.id, NOW, false);
		const second = readyDraft(db, session.id, { email: 'SAM@Example.com' });
		const result = confirmBookingDraft(db, second, session.id, NOW, false);
		expect(result.kind).toBe('already_booked');
		expect(bookings(db)).toHaveLength(1);
		// The refused draft is kept, so the family's answers are not lost.
		expect(db.select().from(bookingDraft).where(eq(bookingDraft.id, second)).get()).toBeDefined();
		// Another session is a different booking.
		const other = addSession(db, consultationId);
		expect(confirmBookingDraft(db, readyDraft(db, other.id), other.id, NOW, false).kind).toBe(
			'booked'
		);
	});

	it('lets a school book for several families, matching on each family’s email', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const school = (familyEmail: string) =>
			readyDraft(db, session.id, {
				bookedBy: 'on_behalf',
				organisationName: 'Hope School',
				organisationRole: 'SENCo',
				email: 'senco@hope.example.org',
				familyEmail
			});
		expect(confirmBookingDraft(db, school('ali@example.com'), session.id, NOW, false).kind).toBe(
			'booked'
		);
		expect(confirmBookingDraft(db, school('bo@example.com'), session.id, NOW, false).kind).toBe(
			'booked'
		);
		expect(confirmBookingDraft(db, school('ALI@example.com'), session.id, NOW, false).kind).toBe(
			'already_booked'
		);
		// The family booking for themselves after the school did: the same family.
		const own = readyDraft(db, session.id, { email: 'ali@example.com' });
		expect(confirmBookingDraft(db, own, session.id, NOW, false).kind).toBe('already_booked');
	});

	it('refuses a party of children only and children on an adults-only session', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const noAdult = readyDraft(db, session.id, { adults: '0', children: '3' });
		expect(confirmBookingDraft(db, noAdult, session.id, NOW, false)).toEqual({
			kind: 'invalid_answers',
			field: 'adults'
		});
		const adultsOnly = addSession(db, consultationId, { childrenWelcome: false });
		const withChild = readyDraft(db, adultsOnly.id);
		expect(confirmBookingDraft(db, withChild, adultsOnly.id, NOW, false)).toEqual({
			kind: 'invalid_party',
			problem: 'children_not_welcome'
		});
		expect(bookings(db)).toHaveLength(0);
	});

	it('stops booking at once when the consultation closes early', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		db.update(consultation)
			.set({ publishedAt: NOW, closedEarlyAt: NOW })
			.where(eq(consultation.id, consultationId))
			.run();
		const draftId = readyDraft(db, session.id);
		expect(confirmBookingDraft(db, draftId, session.id, NOW, false).kind).toBe('booking_closed');
		expect(confirmBookingDraft(db, draftId, session.id, NOW, true).kind).toBe('booking_closed');
		expect(bookings(db)).toHaveLength(0);
	});
});
