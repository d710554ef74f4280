import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { auditEvent, booking, bookingManageLink, roadshowSession } from '../db/schema';
import {
	cancelBooking,
	cancelBookingByStaff,
	cancelBookingsByStaff,
	changeBookingPlaces,
	createBooking,
	findBookingByManageToken,
	joinWaitingList,
	reissueManageLinks
} from './bookings';
import { insertStaff } from '../auth/testing';
import { hashManageToken } from './references';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';
import { firstRow } from '../db';

function booked<T extends { kind: string }>(result: T) {
	if (result.kind !== 'booked') throw new Error(`expected booked, got ${result.kind}`);
	return result as Extract<T, { kind: 'booked' }>;
}

describe('createBooking', () => {
	it('confirms a party that fits and stores only the token hash', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const result = booked(
			await createBooking(db, bookingInput(session.id, { adults: 2, children: 1 }), NOW)
		);
		expect(result.booking.status).toBe('confirmed');
		expect(result.booking.reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		expect(result.manageToken).toBeTruthy();
		const links = await db.select().from(bookingManageLink);
		expect(links).toMatchObject([
			{ bookingId: result.booking.id, tokenHash: hashManageToken(result.manageToken!) }
		]);
		const stored = JSON.stringify([await db.select().from(booking), links]);
		expect(stored).not.toContain(result.manageToken!);
		expect((await findBookingByManageToken(db, result.manageToken!, NOW))?.booking.id).toBe(
			result.booking.id
		);
		expect(await findBookingByManageToken(db, 'forged-token', NOW)).toBeUndefined();
		expect(await findBookingByManageToken(db, '', NOW)).toBeUndefined();
	});

	it('returns the same booking for the same idempotency key, with one row', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const input = bookingInput(session.id);
		const first = booked(await createBooking(db, input, NOW));
		const again = booked(await createBooking(db, input, NOW));
		expect(again.repeat).toBe(true);
		expect(again.manageToken).toBeNull();
		expect(again.booking.reference).toBe(first.booking.reference);
		expect(await db.select().from(booking)).toHaveLength(1);
		// Even after booking closes, the resubmission shows the same confirmation.
		expect(
			booked(await createBooking(db, input, new Date('2026-06-09T18:00:00Z'))).booking.id
		).toBe(first.booking.id);
	});

	it('stores nothing and reports full when the whole party does not fit', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 4 });
		booked(await createBooking(db, bookingInput(session.id, { adults: 2, children: 1 }), NOW));
		const result = await createBooking(
			db,
			bookingInput(session.id, { adults: 1, children: 1 }),
			NOW
		);
		expect(result).toMatchObject({ kind: 'full', placesLeft: 1 });
		expect(await db.select().from(booking)).toHaveLength(1);
		// One place left still takes a party of one.
		expect(
			booked(await createBooking(db, bookingInput(session.id, { adults: 1, children: 0 }), NOW))
				.booking.status
		).toBe('confirmed');
	});

	it('refuses missing, cancelled and closed sessions with typed results', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const cancelled = await addSession(db, consultationId, { cancelledAt: NOW });
		expect((await createBooking(db, bookingInput(9999), NOW)).kind).toBe('session_not_found');
		expect((await createBooking(db, bookingInput(cancelled.id), NOW)).kind).toBe(
			'session_cancelled'
		);
		expect((await createBooking(db, bookingInput(session.id), session.bookingClosesAt)).kind).toBe(
			'booking_closed'
		);
		expect(
			(await joinWaitingList(db, bookingInput(session.id), session.bookingClosesAt)).kind
		).toBe('booking_closed');
		expect(
			(
				await createBooking(
					db,
					bookingInput(session.id),
					new Date(session.bookingClosesAt.getTime() - 1)
				)
			).kind
		).toBe('booked');
	});

	it('refuses empty, negative and huge parties even if validation was bypassed', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 100 });
		for (const [adults, children] of [
			[0, 0],
			[-1, 3],
			[5, 5],
			[1.5, 0]
		])
			expect(
				(await createBooking(db, bookingInput(session.id, { adults, children }), NOW)).kind
			).toBe('invalid_party');
		expect(await db.select().from(booking)).toHaveLength(0);
	});
});

describe('joinWaitingList', () => {
	it('queues a party that does not fit, in join order', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 2 });
		booked(await createBooking(db, bookingInput(session.id, { adults: 2, children: 0 }), NOW));
		const input = bookingInput(session.id);
		const waiting = booked(await joinWaitingList(db, input, NOW));
		expect(waiting.booking.status).toBe('waiting');
		expect(waiting.booking.waitingSince).toEqual(NOW);
		expect(booked(await joinWaitingList(db, input, NOW)).booking.id).toBe(waiting.booking.id);
	});

	it('confirms instead when places freed up meanwhile', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 5 });
		expect(booked(await joinWaitingList(db, bookingInput(session.id), NOW)).booking.status).toBe(
			'confirmed'
		);
	});
});

describe('changing and cancelling with the manage link', () => {
	async function fullSessionWithQueue() {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 4 });
		const family = booked(
			await createBooking(
				db,
				bookingInput(session.id, { adults: 2, children: 2, email: 'sam@example.com' }),
				NOW
			)
		);
		const big = booked(
			await joinWaitingList(db, bookingInput(session.id, { adults: 2, children: 1 }), NOW)
		);
		const small = booked(
			await joinWaitingList(
				db,
				bookingInput(session.id, { adults: 1, children: 0 }),
				new Date(NOW.getTime() + 1000)
			)
		);
		return { db, consultationId, session, family, big, small };
	}

	it('promotes the first waiting entry that fits on cancel; a bigger party keeps its place', async () => {
		const { db, family, big, small } = await fullSessionWithQueue();
		// Shrinking 4 → 2 frees 2 places: the party of 3 does not fit and is skipped, the party of 1 is promoted.
		const changed = await changeBookingPlaces(
			db,
			family.manageToken!,
			{ adults: 1, children: 1 },
			NOW
		);
		expect(changed.kind).toBe('changed');
		if (changed.kind !== 'changed') return;
		expect(changed.promoted.map((b) => b.id)).toEqual([small.booking.id]);
		expect(changed.promoted[0].promotedAt).toEqual(NOW);
		expect(
			firstRow(await db.select().from(booking).where(eq(booking.id, big.booking.id)).limit(1))
				?.status
		).toBe('waiting');

		// Cancelling frees 2 more: now 3 are free and the party of 3, still first in line, is promoted.
		const cancelled = await cancelBooking(db, family.manageToken!, NOW);
		expect(cancelled.kind).toBe('cancelled');
		if (cancelled.kind !== 'cancelled') return;
		expect(cancelled.booking.status).toBe('cancelled');
		expect(cancelled.promoted.map((b) => b.id)).toEqual([big.booking.id]);
	});

	it('allows more places only within what is free', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 5 });
		const mine = booked(
			await createBooking(db, bookingInput(session.id, { adults: 1, children: 1 }), NOW)
		);
		booked(await createBooking(db, bookingInput(session.id, { adults: 2, children: 0 }), NOW));
		expect(
			await changeBookingPlaces(db, mine.manageToken!, { adults: 2, children: 2 }, NOW)
		).toMatchObject({
			kind: 'not_enough_places',
			mostPlaces: 3
		});
		expect(
			(await changeBookingPlaces(db, mine.manageToken!, { adults: 2, children: 1 }, NOW)).kind
		).toBe('changed');
		expect((await changeBookingPlaces(db, 'forged', { adults: 1, children: 0 }, NOW)).kind).toBe(
			'not_found'
		);
	});

	it('refuses self-cancellation after booking closes, but staff can still cancel', async () => {
		const { db, session, family, big } = await fullSessionWithQueue();
		const late = session.bookingClosesAt;
		expect((await cancelBooking(db, family.manageToken!, late)).kind).toBe('booking_closed');
		expect(
			(await changeBookingPlaces(db, family.manageToken!, { adults: 1, children: 0 }, late)).kind
		).toBe('booking_closed');
		// Leaving the waiting list is always allowed.
		expect((await cancelBooking(db, big.manageToken!, late)).kind).toBe('cancelled');
		const byStaff = await cancelBookingByStaff(db, session.id, family.booking.id, late);
		expect(byStaff.kind).toBe('cancelled');
		expect((await cancelBookingByStaff(db, session.id, family.booking.id, late)).kind).toBe(
			'booking_cancelled'
		);
		expect((await cancelBooking(db, family.manageToken!, NOW)).kind).toBe('booking_cancelled');
	});

	it('re-issues manage links for an email address, and the old links keep working', async () => {
		const { db, consultationId, family } = await fullSessionWithQueue();
		const other = await addSession(db, consultationId);
		booked(await createBooking(db, bookingInput(other.id, { email: 'sam@example.com' }), NOW));
		const links = await reissueManageLinks(db, 'SAM@example.com', NOW);
		expect(links).toHaveLength(2);
		const mine = links.find((l) => l.booking.id === family.booking.id)!;
		// Re-sent again by a stranger who knows the address: every link still opens the booking.
		const again = await reissueManageLinks(db, 'sam@example.com', new Date(NOW.getTime() + 60_000));
		const third = again.find((l) => l.booking.id === family.booking.id)!;
		for (const token of [family.manageToken!, mine.manageToken, third.manageToken])
			expect((await findBookingByManageToken(db, token, NOW))?.booking.id).toBe(family.booking.id);
		expect(new Set([family.manageToken, mine.manageToken, third.manageToken]).size).toBe(3);
		expect(await reissueManageLinks(db, 'nobody@example.com', NOW)).toEqual([]);
	});

	it('ends a link at its own expiry, a year after it was sent, without ending newer ones', async () => {
		const { db, family } = await fullSessionWithQueue();
		const later = new Date(NOW.getTime() + 3_600_000);
		const resent = (await reissueManageLinks(db, 'sam@example.com', later)).find(
			(l) => l.booking.id === family.booking.id
		)!;
		const yearOn = new Date(NOW.getTime() + 365 * 86_400_000);
		expect(
			await findBookingByManageToken(db, family.manageToken!, new Date(yearOn.getTime() - 1))
		).toBeDefined();
		expect(await findBookingByManageToken(db, family.manageToken!, yearOn)).toBeUndefined();
		expect((await findBookingByManageToken(db, resent.manageToken, yearOn))?.booking.id).toBe(
			family.booking.id
		);
	});

	it('cancelling with one link ends what every link can do', async () => {
		const { db, family } = await fullSessionWithQueue();
		const resent = (await reissueManageLinks(db, 'sam@example.com', NOW)).find(
			(l) => l.booking.id === family.booking.id
		)!;
		expect((await cancelBooking(db, resent.manageToken, NOW)).kind).toBe('cancelled');
		for (const token of [family.manageToken!, resent.manageToken]) {
			expect((await cancelBooking(db, token, NOW)).kind).toBe('booking_cancelled');
			expect((await changeBookingPlaces(db, token, { adults: 1, children: 0 }, NOW)).kind).toBe(
				'booking_cancelled'
			);
		}
	});

	it('lets staff cancel only a booking of the session in the address, and records who did it', async () => {
		const { db, consultationId, session, family } = await fullSessionWithQueue();
		const staffUserId = await insertStaff(db, {
			email: 'lead@example.org',
			password: 'a long passphrase'
		});
		const other = await addSession(db, consultationId);
		expect(
			(await cancelBookingByStaff(db, other.id, family.booking.id, NOW, { staffUserId })).kind
		).toBe('not_found');
		expect(
			firstRow(await db.select().from(booking).where(eq(booking.id, family.booking.id)).limit(1))
				?.status
		).toBe('confirmed');

		const result = await cancelBookingByStaff(db, session.id, family.booking.id, NOW, {
			staffUserId,
			ip: '10.0.0.1'
		});
		expect(result.kind).toBe('cancelled');
		const audit = await db.select().from(auditEvent);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'booking.cancelled_by_staff',
			subjectId: String(family.booking.id),
			ip: '10.0.0.1'
		});
		expect(audit[0].summary).toContain(family.booking.reference);
		expect(audit[0].summary).not.toContain('Sam');
	});

	it('refuses staff cancellation on a cancelled session, whose people have already been told', async () => {
		const { db, session, family } = await fullSessionWithQueue();
		await db
			.update(roadshowSession)
			.set({ cancelledAt: NOW })
			.where(eq(roadshowSession.id, session.id));
		expect((await cancelBookingByStaff(db, session.id, family.booking.id, NOW)).kind).toBe(
			'session_cancelled'
		);
	});
});

describe('adults-only sessions', () => {
	it('refuses children on a new booking or the waiting list', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { childrenWelcome: false, capacity: 1 });
		expect(
			await createBooking(db, bookingInput(session.id, { adults: 1, children: 1 }), NOW)
		).toEqual({
			kind: 'invalid_party',
			problem: 'children_not_welcome'
		});
		expect(
			await joinWaitingList(db, bookingInput(session.id, { adults: 1, children: 1 }), NOW)
		).toEqual({
			kind: 'invalid_party',
			problem: 'children_not_welcome'
		});
		expect(
			booked(await createBooking(db, bookingInput(session.id, { adults: 1, children: 0 }), NOW))
				.booking.status
		).toBe('confirmed');
	});

	it('lets an earlier booking keep or lower its children, but not add more', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const mine = booked(
			await createBooking(db, bookingInput(session.id, { adults: 1, children: 2 }), NOW)
		);
		await db
			.update(roadshowSession)
			.set({ childrenWelcome: false })
			.where(eq(roadshowSession.id, session.id));
		expect(
			await changeBookingPlaces(db, mine.manageToken!, { adults: 1, children: 3 }, NOW)
		).toEqual({
			kind: 'invalid_party',
			problem: 'children_not_welcome'
		});
		expect(
			(await changeBookingPlaces(db, mine.manageToken!, { adults: 2, children: 2 }, NOW)).kind
		).toBe('changed');
		expect(
			(await changeBookingPlaces(db, mine.manageToken!, { adults: 1, children: 0 }, NOW)).kind
		).toBe('changed');
		expect(
			await changeBookingPlaces(db, mine.manageToken!, { adults: 1, children: 1 }, NOW)
		).toEqual({
			kind: 'invalid_party',
			problem: 'children_not_welcome'
		});
	});
});

describe('cancelBookingsByStaff (a burst of fake bookings)', () => {
	async function burst() {
		const { db, consultationId } = await testDb();
		const staffUserId = await insertStaff(db, {
			email: 'lead@example.org',
			password: 'a long passphrase'
		});
		const session = await addSession(db, consultationId, { capacity: 4 });
		const from = (address: string, values: Parameters<typeof bookingInput>[1] = {}) =>
			bookingInput(session.id, { adults: 1, children: 0, clientAddress: address, ...values });
		const fakes = await Promise.all(
			[0, 1, 2].map(async (i) =>
				booked(await createBooking(db, from('203.0.113.9'), new Date(NOW.getTime() + i * 60_000)))
			)
		);
		const real = booked(await createBooking(db, from('198.51.100.1'), NOW));
		// A fake entry queued first, then a real family of two behind it.
		const fakeWaiting = booked(await joinWaitingList(db, from('203.0.113.9'), NOW));
		const realWaiting = booked(
			await joinWaitingList(
				db,
				from('198.51.100.2', { adults: 2 }),
				new Date(NOW.getTime() + 5 * 60_000)
			)
		);
		return { db, consultationId, session, staffUserId, fakes, real, fakeWaiting, realWaiting };
	}

	it('stores only a hash of the address each booking came from', async () => {
		const { db, fakes } = await burst();
		const stored = firstRow(
			await db.select().from(booking).where(eq(booking.id, fakes[0].booking.id)).limit(1)
		)!;
		expect(stored.clientAddressHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(await db.select().from(booking))).not.toContain('203.0.113.9');
	});

	it('cancels all selected at once, then promotes real families past the fake waiting entry', async () => {
		const { db, session, staffUserId, fakes, real, fakeWaiting, realWaiting } = await burst();
		const selected = [...fakes, fakeWaiting].map((f) => f.booking.id);
		const result = await cancelBookingsByStaff(db, session.id, selected, NOW, {
			staffUserId,
			ip: '10.0.0.1'
		});
		if (result.kind !== 'cancelled') throw new Error(result.kind);
		expect(result.cancelled.map((b) => [b.id, b.status])).toEqual(
			selected.toSorted((a, b) => a - b).map((id) => [id, 'cancelled'])
		);
		expect(result.promoted.map((b) => b.id)).toEqual([realWaiting.booking.id]);
		const statuses = Object.fromEntries(
			(await db.select({ id: booking.id, status: booking.status }).from(booking)).map((b) => [
				b.id,
				b.status
			])
		);
		expect(statuses[real.booking.id]).toBe('confirmed');
		expect(statuses[realWaiting.booking.id]).toBe('confirmed');
		const audit = await db.select().from(auditEvent).orderBy(asc(auditEvent.id));
		expect(audit.map((a) => [a.action, a.subjectId, a.actorStaffUserId])).toEqual(
			selected
				.toSorted((a, b) => a - b)
				.map((id) => ['booking.cancelled_by_staff', String(id), staffUserId])
		);
		expect(audit[0].summary).toContain(
			'one of 4 cancelled together (1 moved from the waiting list)'
		);
		expect(audit.map((a) => a.summary).join()).not.toContain('@');
	});

	it('changes nothing when any selected booking is no longer live or not of this session', async () => {
		const { db, consultationId, session, staffUserId, fakes, real } = await burst();
		const actor = { staffUserId };
		const other = await addSession(db, consultationId);
		const elsewhere = booked(await createBooking(db, bookingInput(other.id), NOW));
		const ids = fakes.map((f) => f.booking.id);
		expect(
			(await cancelBookingsByStaff(db, session.id, [...ids, elsewhere.booking.id], NOW, actor)).kind
		).toBe('not_live');
		expect((await cancelBookingsByStaff(db, session.id, [], NOW, actor)).kind).toBe('not_live');
		expect((await cancelBooking(db, real.manageToken!, NOW)).kind).toBe('cancelled');
		expect(
			(await cancelBookingsByStaff(db, session.id, [...ids, real.booking.id], NOW, actor)).kind
		).toBe('not_live');
		expect(
			(await db.select().from(booking)).filter((b) => b.status === 'cancelled').map((b) => b.id)
		).toEqual([real.booking.id]);
		expect(await db.select().from(auditEvent)).toEqual([]);
		// The same selection sent twice (a double click): the second changes nothing.
		expect((await cancelBookingsByStaff(db, session.id, ids, NOW, actor)).kind).toBe('cancelled');
		expect((await cancelBookingsByStaff(db, session.id, ids, NOW, actor)).kind).toBe('not_live');
		expect(await db.select().from(auditEvent)).toHaveLength(3);
	});
});
