import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { booking, bookingDraft, consultation } from '../db/schema';
import { type Db, firstRow } from '../db';
import { confirmBookingDraft, findBookingOfDraft } from './bookings';
import { DRAFT_LIFETIME_MS, saveDraftStep, startDraft } from './drafts';
import { NOW, addSession, testDb } from './testFixtures';

type Answers = Record<string, string>;

async function readyDraft(db: Db, sessionId: number, answers: Answers = {}): Promise<string> {
	const id = await startDraft(db, sessionId, 'who', { bookedBy: 'family', ...answers }, NOW);
	await saveDraftStep(db, id, sessionId, 'places', { adults: '1', children: '1', ...answers }, NOW);
	await saveDraftStep(
		db,
		id,
		sessionId,
		'contact',
		{ contactName: 'Sam Parent', email: 'sam@example.com', ...answers },
		NOW
	);
	await saveDraftStep(db, id, sessionId, 'access-needs', { accessNeeds: 'none' }, NOW);
	await saveDraftStep(db, id, sessionId, 'consent', { consentToContact: 'yes' }, NOW);
	return id;
}

const bookings = async (db: Db) => await db.select().from(booking);

describe('confirming a booking journey', () => {
	it('books once: the draft is consumed, and confirming again finds the same booking', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const draftId = await readyDraft(db, session.id);
		const first = await confirmBookingDraft(db, draftId, session.id, NOW, false);
		if (first.kind !== 'booked') throw new Error(first.kind);
		expect(first.repeat).toBe(false);
		expect(first.booking.idempotencyKey).toBe(draftId);
		// Consumed in the same transaction: no answers left under the draft's id.
		expect(
			firstRow(await db.select().from(bookingDraft).where(eq(bookingDraft.id, draftId)).limit(1))
		).toBeUndefined();

		// Back then "Confirm booking", a reload re-posting, a double click: the same reference.
		for (const wait of [false, true, false]) {
			const again = await confirmBookingDraft(db, draftId, session.id, NOW, wait);
			if (again.kind !== 'booked') throw new Error(again.kind);
			expect(again).toMatchObject({ repeat: true, manageToken: null });
			expect(again.booking.reference).toBe(first.booking.reference);
		}
		expect(await bookings(db)).toHaveLength(1);
		expect((await findBookingOfDraft(db, draftId, session.id, NOW))?.reference).toBe(
			first.booking.reference
		);
	});

	it('shows the booking at the journey address only as long as a draft would last', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const draftId = await readyDraft(db, session.id);
		await confirmBookingDraft(db, draftId, session.id, NOW, false);
		const later = new Date(NOW.getTime() + DRAFT_LIFETIME_MS);
		expect(await findBookingOfDraft(db, draftId, session.id, later)).toBeUndefined();
		const other = await addSession(db, consultationId);
		expect(await findBookingOfDraft(db, draftId, other.id, NOW)).toBeUndefined();
	});

	it('refuses an unknown draft id, so a client cannot choose its own key', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		expect(await confirmBookingDraft(db, 'a'.repeat(22), session.id, NOW, false)).toEqual({
			kind: 'draft_expired'
		});
		expect(await bookings(db)).toHaveLength(0);
	});

	it('asks a family that already has a booking for the session to use it, in any letter case', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		await confirmBookingDraft(db, await readyDraft(db, session.id), session.id, NOW, false);
		const second = await readyDraft(db, session.id, { email: 'SAM@Example.com' });
		const result = await confirmBookingDraft(db, second, session.id, NOW, false);
		expect(result.kind).toBe('already_booked');
		expect(await bookings(db)).toHaveLength(1);
		// The refused draft is kept, so the family's answers are not lost.
		expect(
			firstRow(await db.select().from(bookingDraft).where(eq(bookingDraft.id, second)).limit(1))
		).toBeDefined();
		// Another session is a different booking.
		const other = await addSession(db, consultationId);
		expect(
			(await confirmBookingDraft(db, await readyDraft(db, other.id), other.id, NOW, false)).kind
		).toBe('booked');
	});

	it('lets a school book for several families, matching on each family’s email', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const school = async (familyEmail: string) =>
			await readyDraft(db, session.id, {
				bookedBy: 'on_behalf',
				organisationName: 'Hope School',
				organisationRole: 'SENCo',
				email: 'senco@hope.example.org',
				familyEmail
			});
		expect(
			(await confirmBookingDraft(db, await school('ali@example.com'), session.id, NOW, false)).kind
		).toBe('booked');
		expect(
			(await confirmBookingDraft(db, await school('bo@example.com'), session.id, NOW, false)).kind
		).toBe('booked');
		expect(
			(await confirmBookingDraft(db, await school('ALI@example.com'), session.id, NOW, false)).kind
		).toBe('already_booked');
		// The family booking for themselves after the school did: the same family.
		const own = await readyDraft(db, session.id, { email: 'ali@example.com' });
		expect((await confirmBookingDraft(db, own, session.id, NOW, false)).kind).toBe(
			'already_booked'
		);
	});

	it('refuses a party of children only and children on an adults-only session', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const noAdult = await readyDraft(db, session.id, { adults: '0', children: '3' });
		expect(await confirmBookingDraft(db, noAdult, session.id, NOW, false)).toEqual({
			kind: 'invalid_answers',
			field: 'adults'
		});
		const adultsOnly = await addSession(db, consultationId, { childrenWelcome: false });
		const withChild = await readyDraft(db, adultsOnly.id);
		expect(await confirmBookingDraft(db, withChild, adultsOnly.id, NOW, false)).toEqual({
			kind: 'invalid_party',
			problem: 'children_not_welcome'
		});
		expect(await bookings(db)).toHaveLength(0);
	});

	it('stops booking at once when the consultation closes early', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		await db
			.update(consultation)
			.set({ publishedAt: NOW, closedEarlyAt: NOW })
			.where(eq(consultation.id, consultationId));
		const draftId = await readyDraft(db, session.id);
		expect((await confirmBookingDraft(db, draftId, session.id, NOW, false)).kind).toBe(
			'booking_closed'
		);
		expect((await confirmBookingDraft(db, draftId, session.id, NOW, true)).kind).toBe(
			'booking_closed'
		);
		expect(await bookings(db)).toHaveLength(0);
	});
});
