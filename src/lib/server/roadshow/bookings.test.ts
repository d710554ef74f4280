import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvent, booking, roadshowSession } from '../db/schema';
import {
	cancelBooking,
	cancelBookingByStaff,
	changeBookingPlaces,
	createBooking,
	findBookingByManageToken,
	joinWaitingList,
	reissueManageLinks
} from './bookings';
import { insertStaff } from '../auth/testing';
import { hashManageToken } from './references';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

function booked<T extends { kind: string }>(result: T) {
	if (result.kind !== 'booked') throw new Error(`expected booked, got ${result.kind}`);
	return result as Extract<T, { kind: 'booked' }>;
}

describe('createBooking', () => {
	it('confirms a party that fits and stores only the token hash', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const result = booked(
			createBooking(db, bookingInput(session.id, { adults: 2, children: 1 }), NOW)
		);
		expect(result.booking.status).toBe('confirmed');
		expect(result.booking.reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		expect(result.manageToken).toBeTruthy();
		expect(result.booking.manageTokenHash).toBe(hashManageToken(result.manageToken!));
		const stored = JSON.stringify(db.select().from(booking).all());
		expect(stored).not.toContain(result.manageToken!);
		expect(findBookingByManageToken(db, result.manageToken!)?.booking.id).toBe(result.booking.id);
		expect(findBookingByManageToken(db, 'forged-token')).toBeUndefined();
		expect(findBookingByManageToken(db, '')).toBeUndefined();
	});

	it('returns the same booking for the same idempotency key, with one row', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const input = bookingInput(session.id);
		const first = booked(createBooking(db, input, NOW));
		const again = booked(createBooking(db, input, NOW));
		expect(again.repeat).toBe(true);
		expect(again.manageToken).toBeNull();
		expect(again.booking.reference).toBe(first.booking.reference);
		expect(db.select().from(booking).all()).toHaveLength(1);
		// Even after booking closes, the resubmission shows the same confirmation.
		expect(booked(createBooking(db, input, new Date('2026-06-09T18:00:00Z'))).booking.id).toBe(
			first.booking.id
		);
	});

	it('stores nothing and reports full when the whole party does not fit', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { capacity: 4 });
		booked(createBooking(db, bookingInput(session.id, { adults: 2, children: 1 }), NOW));
		const result = createBooking(db, bookingInput(session.id, { adults: 1, children: 1 }), NOW);
		expect(result).toMatchObject({ kind: 'full', placesLeft: 1 });
		expect(db.select().from(booking).all()).toHaveLength(1);
		// One place left still takes a party of one.
		expect(
			booked(createBooking(db, bookingInput(session.id, { adults: 1, children: 0 }), NOW)).booking
				.status
		).toBe('confirmed');
	});

	it('refuses missing, cancelled and closed sessions with typed results', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const cancelled = addSession(db, consultationId, { cancelledAt: NOW });
		expect(createBooking(db, bookingInput(9999), NOW).kind).toBe('session_not_found');
		expect(createBooking(db, bookingInput(cancelled.id), NOW).kind).toBe('session_cancelled');
		expect(createBooking(db, bookingInput(session.id), session.bookingClosesAt).kind).toBe(
			'booking_closed'
		);
		expect(joinWaitingList(db, bookingInput(session.id), session.bookingClosesAt).kind).toBe(
			'booking_closed'
		);
		expect(
			createBooking(db, bookingInput(session.id), new Date(session.bookingClosesAt.getTime() - 1))
				.kind
		).toBe('booked');
	});

	it('refuses empty, negative and huge parties even if validation was bypassed', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { capacity: 100 });
		for (const [adults, children] of [
			[0, 0],
			[-1, 3],
			[5, 5],
			[1.5, 0]
		])
			expect(createBooking(db, bookingInput(session.id, { adults, children }), NOW).kind).toBe(
				'invalid_party'
			);
		expect(db.select().from(booking).all()).toHaveLength(0);
	});
});

describe('joinWaitingList', () => {
	it('queues a party that does not fit, in join order', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { capacity: 2 });
		booked(createBooking(db, bookingInput(session.id, { adults: 2, children: 0 }), NOW));
		const input = bookingInput(session.id);
		const waiting = booked(joinWaitingList(db, input, NOW));
		expect(waiting.booking.status).toBe('waiting');
		expect(waiting.booking.waitingSince).toEqual(NOW);
		expect(booked(joinWaitingList(db, input, NOW)).booking.id).toBe(waiting.booking.id);
	});

	it('confirms instead when places freed up meanwhile', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { capacity: 5 });
		expect(booked(joinWaitingList(db, bookingInput(session.id), NOW)).booking.status).toBe(
			'confirmed'
		);
	});
});

describe('changing and cancelling with the manage link', () => {
	function fullSessionWithQueue() {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { capacity: 4 });
		const family = booked(
			createBooking(
				db,
				bookingInput(session.id, { adults: 2, children: 2, email: 'sam@example.com' }),
				NOW
			)
		);
		const big = booked(
			joinWaitingList(db, bookingInput(session.id, { adults: 2, children: 1 }), NOW)
		);
		const small = booked(
			joinWaitingList(
				db,
				bookingInput(session.id, { adults: 1, children: 0 }),
				new Date(NOW.getTime() + 1000)
			)
		);
		return { db, consultationId, session, family, big, small };
	}

	it('promotes the first waiting entry that fits on cancel; a bigger party keeps its place', () => {
		const { db, family, big, small } = fullSessionWithQueue();
		// Shrinking 4 → 2 frees 2 places: the party of 3 does not fit and is skipped, the party of 1 is promoted.
		const changed = changeBookingPlaces(db, family.manageToken!, { adults: 1, children: 1 }, NOW);
		expect(changed.kind).toBe('changed');
		if (changed.kind !== 'changed') return;
		expect(changed.promoted.map((b) => b.id)).toEqual([small.booking.id]);
		expect(changed.promoted[0].promotedAt).toEqual(NOW);
		expect(db.select().from(booking).where(eq(booking.id, big.booking.id)).get()?.status).toBe(
			'waiting'
		);

		// Cancelling frees 2 more: now 3 are free and the party of 3, still first in line, is promoted.
		const cancelled = cancelBooking(db, family.manageToken!, NOW);
		expect(cancelled.kind).toBe('cancelled');
		if (cancelled.kind !== 'cancelled') return;
		expect(cancelled.booking.status).toBe('cancelled');
		expect(cancelled.promoted.map((b) => b.id)).toEqual([big.booking.id]);
	});

	it('allows more places only within what is free', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { capacity: 5 });
		const mine = booked(
			createBooking(db, bookingInput(session.id, { adults: 1, children: 1 }), NOW)
		);
		booked(createBooking(db, bookingInput(session.id, { adults: 2, children: 0 }), NOW));
		expect(
			changeBookingPlaces(db, mine.manageToken!, { adults: 2, children: 2 }, NOW)
		).toMatchObject({
			kind: 'not_enough_places',
			mostPlaces: 3
		});
		expect(changeBookingPlaces(db, mine.manageToken!, { adults: 2, children: 1 }, NOW).kind).toBe(
			'changed'
		);
		expect(changeBookingPlaces(db, 'forged', { adults: 1, children: 0 }, NOW).kind).toBe(
			'not_found'
		);
	});

	it('refuses self-cancellation after booking closes, but staff can still cancel', () => {
		const { db, session, family, big } = fullSessionWithQueue();
		const late = session.bookingClosesAt;
		expect(cancelBooking(db, family.manageToken!, late).kind).toBe('booking_closed');
		expect(
			changeBookingPlaces(db, family.manageToken!, { adults: 1, children: 0 }, late).kind
		).toBe('booking_closed');
		// Leaving the waiting list is always allowed.
		expect(cancelBooking(db, big.manageToken!, late).kind).toBe('cancelled');
		const byStaff = cancelBookingByStaff(db, session.id, family.booking.id, late);
		expect(byStaff.kind).toBe('cancelled');
		expect(cancelBookingByStaff(db, session.id, family.booking.id, late).kind).toBe(
			'booking_cancelled'
		);
		expect(cancelBooking(db, family.manageToken!, NOW).kind).toBe('booking_cancelled');
	});

	it('re-issues manage links for an email address, invalidating the old link', () => {
		const { db, consultationId, family } = fullSessionWithQueue();
		const other = addSession(db, consultationId);
		booked(createBooking(db, bookingInput(other.id, { email: 'sam@example.com' }), NOW));
		const links = reissueManageLinks(db, 'SAM@example.com', NOW);
		expect(links).toHaveLength(2);
		const mine = links.find((l) => l.booking.id === family.booking.id)!;
		expect(findBookingByManageToken(db, mine.manageToken)?.booking.id).toBe(family.booking.id);
		expect(findBookingByManageToken(db, family.manageToken!)).toBeUndefined();
		expect(reissueManageLinks(db, 'nobody@example.com', NOW)).toEqual([]);
	});

	it('lets staff cancel only a booking of the session in the address, and records who did it', async () => {
		const { db, consultationId, session, family } = fullSessionWithQueue();
		const staffUserId = await insertStaff(db, {
			email: 'lead@example.org',
			password: 'a long passphrase'
		});
		const other = addSession(db, consultationId);
		expect(cancelBookingByStaff(db, other.id, family.booking.id, NOW, { staffUserId }).kind).toBe(
			'not_found'
		);
		expect(db.select().from(booking).where(eq(booking.id, family.booking.id)).get()?.status).toBe(
			'confirmed'
		);

		const result = cancelBookingByStaff(db, session.id, family.booking.id, NOW, {
			staffUserId,
			ip: '10.0.0.1'
		});
		expect(result.kind).toBe('cancelled');
		const audit = db.select().from(auditEvent).all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'booking.cancelled_by_staff',
			subjectId: String(family.booking.id),
			ip: '10.0.0.1'
		});
		expect(audit[0].summary).toContain(family.booking.reference);
		expect(audit[0].summary).not.toContain('Sam');
	});

	it('refuses staff cancellation on a cancelled session, whose people have already been told', () => {
		const { db, session, family } = fullSessionWithQueue();
		db.update(roadshowSession)
			.set({ cancelledAt: NOW })
			.where(eq(roadshowSession.id, session.id))
			.run();
		expect(cancelBookingByStaff(db, session.id, family.booking.id, NOW).kind).toBe(
			'session_cancelled'
		);
	});
});

describe('adults-only sessions', () => {
	it('refuses children on a new booking or the waiting list', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { childrenWelcome: false, capacity: 1 });
		expect(createBooking(db, bookingInput(session.id, { adults: 1, children: 1 }), NOW)).toEqual({
			kind: 'invalid_party',
			problem: 'children_not_welcome'
		});
		expect(joinWaitingList(db, bookingInput(session.id, { adults: 1, children: 1 }), NOW)).toEqual({
			kind: 'invalid_party',
			problem: 'children_not_welcome'
		});
		expect(
			booked(createBooking(db, bookingInput(session.id, { adults: 1, children: 0 }), NOW)).booking
				.status
		).toBe('confirmed');
	});

	it('lets an earlier booking keep or lower its children, but not add more', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const mine = booked(
			createBooking(db, bookingInput(session.id, { adults: 1, children: 2 }), NOW)
		);
		db.update(roadshowSession)
			.set({ childrenWelcome: false })
			.where(eq(roadshowSession.id, session.id))
			.run();
		expect(changeBookingPlaces(db, mine.manageToken!, { adults: 1, children: 3 }, NOW)).toEqual({
			kind: 'invalid_party',
			problem: 'children_not_welcome'
		});
		expect(changeBookingPlaces(db, mine.manageToken!, { adults: 2, children: 2 }, NOW).kind).toBe(
			'changed'
		);
		expect(changeBookingPlaces(db, mine.manageToken!, { adults: 1, children: 0 }, NOW).kind).toBe(
			'changed'
		);
		expect(changeBookingPlaces(db, mine.manageToken!, { adults: 1, children: 1 }, NOW)).toEqual({
			kind: 'invalid_party',
			problem: 'children_not_welcome'
		});
	});
});
