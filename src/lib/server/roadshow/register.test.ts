import { describe, expect, it } from 'vitest';
import { joinWaitingList } from './bookings';
import { cancelBooking, createBooking as book } from './bookings';
import { checkInBooking, getLiveBooking, getSessionRegister, undoCheckIn } from './register';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

describe('session register', () => {
	it('lists confirmed and waiting people with access-need totals, and checks people in', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 5 });
		const other = await addSession(db, consultationId);
		const zoe = await book(
			db,
			bookingInput(session.id, {
				contactName: 'Zoe',
				adults: 2,
				children: 1,
				accessNeeds: ['wheelchair', 'bsl']
			}),
			NOW
		);
		await book(
			db,
			bookingInput(session.id, {
				contactName: 'amir',
				adults: 2,
				children: 0,
				accessNeeds: ['bsl']
			}),
			NOW
		);
		await joinWaitingList(
			db,
			bookingInput(session.id, { contactName: 'Wen', adults: 1, children: 1 }),
			NOW
		);
		if (zoe.kind !== 'booked') throw new Error('not booked');

		const register = (await getSessionRegister(db, session.id))!;
		expect(register.confirmed.map((b) => b.contactName)).toEqual(['amir', 'Zoe']);
		expect(register.waiting.map((b) => b.contactName)).toEqual(['Wen']);
		expect(register).toMatchObject({ confirmedPlaces: 5, waitingPlaces: 2, checkedInPlaces: 0 });
		expect(register.accessNeedTotals).toMatchObject({ bsl: 2, wheelchair: 1, quiet_space: 0 });

		expect(await checkInBooking(db, other.id, zoe.booking.id, NOW)).toBeUndefined();
		expect((await checkInBooking(db, session.id, zoe.booking.id, NOW))?.attendedAt).toEqual(NOW);
		// Checking in twice keeps the first arrival time.
		expect(
			(await checkInBooking(db, session.id, zoe.booking.id, new Date(NOW.getTime() + 60_000)))
				?.attendedAt
		).toEqual(NOW);
		expect((await getSessionRegister(db, session.id))?.checkedInPlaces).toBe(3);
		expect((await undoCheckIn(db, session.id, zoe.booking.id, NOW))?.attendedAt).toBeNull();
		expect(await getSessionRegister(db, 9999)).toBeUndefined();
	});

	it('finds a live booking only in its own session', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const other = await addSession(db, consultationId);
		const result = await book(db, bookingInput(session.id), NOW);
		if (result.kind !== 'booked') throw new Error('not booked');
		expect((await getLiveBooking(db, session.id, result.booking.id))?.id).toBe(result.booking.id);
		expect(await getLiveBooking(db, other.id, result.booking.id)).toBeUndefined();
		await cancelBooking(db, result.manageToken!, NOW);
		expect(await getLiveBooking(db, session.id, result.booking.id)).toBeUndefined();
	});
});
