import { describe, expect, it } from 'vitest';
import { createBooking, joinWaitingList } from './bookings';
import {
	cancelSession,
	createSession,
	getSessionWithCounts,
	listSessionsForConsultation,
	listUpcomingSessions,
	updateSession
} from './sessions';
import type { SessionInput } from './sessionValidation';
import { NOW, addSession, bookingInput, inputOf, testDb } from './testFixtures';
import { getSessionRow } from './queries';
import type { Db } from '../db';
import { listAuditEvents } from '../audit';
import { insertStaff } from '../auth/testing';

const input: SessionInput = {
	title: 'Young people',
	audienceLabel: 'Young People',
	mode: 'in_person',
	venueName: 'MYA',
	address: 'Hope Street',
	postcode: 'L1 9BQ',
	area: 'City centre',
	joiningLink: null,
	startsAt: new Date('2026-06-07T16:30:00Z'),
	endsAt: new Date('2026-06-07T17:30:00Z'),
	capacity: 20,
	bookingClosesAt: null,
	stepFreeAccess: true,
	hearingLoop: false,
	parking: 'Street parking',
	quietRoom: true,
	accessibilityNotes: '',
	childrenWelcome: true
};

/** Staff saving the session's form with only the capacity changed. */
async function setCapacity(db: Db, sessionId: number, capacity: number) {
	const s = await getSessionRow(db, sessionId);
	return await updateSession(db, sessionId, { ...(s ? inputOf(s) : input), capacity }, NOW);
}

describe('sessions', () => {
	it('closes booking at 6pm UK time the evening before by default', async () => {
		const { db, consultationId } = await testDb();
		const session = await createSession(db, consultationId, input, NOW);
		expect(session.bookingClosesAt.toISOString()).toBe('2026-06-06T17:00:00.000Z');
		const winter = await createSession(
			db,
			consultationId,
			{ ...input, startsAt: new Date('2026-12-03T10:00:00Z'), endsAt: null },
			NOW
		);
		expect(winter.bookingClosesAt.toISOString()).toBe('2026-12-02T18:00:00.000Z');
	});

	it('lists sessions by date with confirmed places and waiting counts', async () => {
		const { db, consultationId } = await testDb();
		const later = await addSession(db, consultationId, {
			capacity: 3,
			startsAt: new Date('2026-06-20T10:00:00Z')
		});
		const sooner = await addSession(db, consultationId, { capacity: 10 });
		await createBooking(db, bookingInput(later.id, { adults: 2, children: 1 }), NOW);
		await joinWaitingList(db, bookingInput(later.id), NOW);
		await joinWaitingList(db, bookingInput(later.id), NOW);
		const list = await listSessionsForConsultation(db, consultationId);
		expect(list.map((s) => [s.id, s.confirmedPlaces, s.waitingCount])).toEqual([
			[sooner.id, 0, 0],
			[later.id, 3, 2]
		]);
		expect(await getSessionWithCounts(db, later.id)).toMatchObject({
			confirmedPlaces: 3,
			waitingCount: 2
		});
		expect(await getSessionWithCounts(db, 9999)).toBeUndefined();
	});

	it('will not set capacity below the places confirmed', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 10 });
		await createBooking(db, bookingInput(session.id, { adults: 3, children: 2 }), NOW);
		expect(await setCapacity(db, session.id, 4)).toEqual({
			kind: 'below_confirmed',
			confirmedPlaces: 5
		});
		expect(await updateSession(db, session.id, { ...input, capacity: 4 }, NOW)).toEqual({
			kind: 'below_confirmed',
			confirmedPlaces: 5
		});
		expect((await setCapacity(db, session.id, 5)).kind).toBe('updated');
		expect((await setCapacity(db, 9999, 5)).kind).toBe('not_found');
	});

	it('promotes from the waiting list when capacity is raised', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 2 });
		await createBooking(db, bookingInput(session.id, { adults: 2, children: 0 }), NOW);
		const big = await joinWaitingList(
			db,
			bookingInput(session.id, { adults: 2, children: 2 }),
			NOW
		);
		const small = await joinWaitingList(
			db,
			bookingInput(session.id, { adults: 1, children: 0 }),
			NOW
		);
		if (big.kind !== 'booked' || small.kind !== 'booked') throw new Error('not booked');
		const raised = await setCapacity(db, session.id, 4);
		expect(raised.kind === 'updated' && raised.promoted.map((b) => b.id)).toEqual([
			small.booking.id
		]);
		const again = await setCapacity(db, session.id, 7);
		expect(again.kind === 'updated' && again.promoted.map((b) => b.id)).toEqual([big.booking.id]);
	});

	it('cancels a session and returns everyone booked or waiting to tell', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 2 });
		await createBooking(db, bookingInput(session.id, { adults: 2, children: 0 }), NOW);
		await joinWaitingList(db, bookingInput(session.id), NOW);
		const result = await cancelSession(db, session.id, 'The venue flooded', NOW);
		expect(result.kind).toBe('cancelled');
		if (result.kind !== 'cancelled') return;
		expect(result.session.cancelledAt).toEqual(NOW);
		expect(result.session.cancellationReason).toBe('The venue flooded');
		expect(result.notify.map((b) => b.status)).toEqual(['confirmed', 'waiting']);
		expect((await cancelSession(db, session.id, '', NOW)).kind).toBe('already_cancelled');
		expect((await setCapacity(db, session.id, 5)).kind).toBe('session_cancelled');
		expect((await createBooking(db, bookingInput(session.id), NOW)).kind).toBe('session_cancelled');
	});

	it('lists upcoming sessions across consultations with their counts, leaving out cancelled ones', async () => {
		const { db, consultationId } = await testDb();
		const past = await addSession(db, consultationId, {
			startsAt: new Date('2026-05-20T16:00:00Z')
		});
		const later = await addSession(db, consultationId, {
			startsAt: new Date('2026-06-20T16:00:00Z'),
			capacity: 2
		});
		const sooner = await addSession(db, consultationId, {
			startsAt: new Date('2026-06-05T16:00:00Z')
		});
		const cancelled = await addSession(db, consultationId, {
			startsAt: new Date('2026-06-06T16:00:00Z')
		});
		await cancelSession(db, cancelled.id, '', NOW);
		await createBooking(db, bookingInput(later.id, { adults: 2, children: 0 }), NOW);
		await joinWaitingList(db, bookingInput(later.id), NOW);
		const list = await listUpcomingSessions(db, NOW);
		expect(list.map((s) => s.id)).toEqual([sooner.id, later.id]);
		expect(list[1]).toMatchObject({
			consultationTitle: 'SEND strategy',
			confirmedPlaces: 2,
			waitingCount: 1
		});
		expect(list.some((s) => s.id === past.id)).toBe(false);
	});
});

describe('audit of staff changes to sessions', () => {
	it('records who added, changed and cancelled a session, with each change', async () => {
		const { db, consultationId } = await testDb();
		const staffUserId = await insertStaff(db, {
			email: 'lead@example.org',
			password: 'a long passphrase'
		});
		const actor = { staffUserId, ip: '127.0.0.1' };
		const session = await createSession(db, consultationId, input, NOW, actor);
		await updateSession(db, session.id, { ...input, title: 'Renamed' }, NOW, actor);
		await cancelSession(db, session.id, 'Venue flooded', NOW, actor);
		const events = (await listAuditEvents(db)).events;
		expect(events.map((e) => e.action)).toEqual([
			'roadshow_session.cancelled',
			'roadshow_session.updated',
			'roadshow_session.created'
		]);
		expect(events[1].summary).toBe('Changed roadshow session "Renamed"');
		expect(events.every((e) => e.actorStaffUserId === staffUserId)).toBe(true);
	});

	it('records nothing for the demo seed, which has no actor', async () => {
		const { db, consultationId } = await testDb();
		await createSession(db, consultationId, input, NOW);
		expect((await listAuditEvents(db)).total).toBe(0);
	});
});
