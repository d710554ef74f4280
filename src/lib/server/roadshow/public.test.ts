import { describe, expect, it } from 'vitest';
import { createBooking } from './bookings';
import { findPublicSession, listPublicSessions } from './public';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

describe('public sessions', () => {
	it('lists upcoming, live sessions by date with places left and no joining link', async () => {
		const { db, consultationId } = await testDb();
		const open = { id: consultationId, closed: false };
		const later = await addSession(db, consultationId, {
			startsAt: new Date('2026-06-20T16:30:00Z'),
			bookingClosesAt: new Date('2026-06-19T17:00:00Z'),
			area: 'Walton',
			audienceLabel: 'Young people'
		});
		const full = await addSession(db, consultationId, {
			capacity: 2,
			area: 'Toxteth',
			mode: 'online',
			joiningLink: 'https://meet.example.org/x'
		});
		await addSession(db, consultationId, { cancelledAt: NOW });
		await addSession(db, consultationId, {
			startsAt: new Date('2026-05-20T16:30:00Z'),
			bookingClosesAt: new Date('2026-05-19T17:00:00Z')
		});
		await createBooking(db, bookingInput(full.id, { adults: 2, children: 0 }), NOW);

		const list = await listPublicSessions(db, open, NOW);
		expect(list.sessions.map((s) => [s.id, s.availabilityLabel])).toEqual([
			[full.id, 'Fully booked: join the waiting list'],
			[later.id, '10 places left']
		]);
		expect(JSON.stringify(list)).not.toContain('meet.example.org');
		expect(list.audiences).toEqual(['Parents/Practitioners', 'Young people']);
		expect(list.areas).toEqual(['Toxteth', 'Walton']);
		expect(
			(await listPublicSessions(db, open, NOW, { area: 'Walton' })).sessions.map((s) => s.id)
		).toEqual([later.id]);
		expect(
			(await listPublicSessions(db, open, NOW, { audience: 'Young people', area: 'Toxteth' }))
				.sessions
		).toEqual([]);
	});

	it('finds a session only within its consultation, closed and cancelled ones included', async () => {
		const { db, consultationId } = await testDb();
		const open = { id: consultationId, closed: false };
		const s = await addSession(db, consultationId, {
			cancelledAt: NOW,
			cancellationReason: 'Venue flooded'
		});
		expect((await findPublicSession(db, open, s.id, NOW))?.availability).toEqual({
			kind: 'cancelled'
		});
		expect((await findPublicSession(db, open, s.id, NOW))?.cancellationReason).toBe(
			'Venue flooded'
		);
		expect(
			await findPublicSession(db, { id: consultationId + 1, closed: false }, s.id, NOW)
		).toBeUndefined();
		expect(await findPublicSession(db, open, Number.NaN, NOW)).toBeUndefined();
		const closed = await addSession(db, consultationId, {
			bookingClosesAt: new Date(NOW.getTime() - 1)
		});
		expect((await findPublicSession(db, open, closed.id, NOW))?.availabilityLabel).toBe(
			'Booking closed'
		);
	});
});
