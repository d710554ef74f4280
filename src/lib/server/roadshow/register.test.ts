import { describe, expect, it } from 'vitest';
import { joinWaitingList } from './bookings';
import { cancelBooking, createBooking as book } from './bookings';
import { checkInBooking, getLiveBooking, getSessionRegister, undoCheckIn } from './register';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

describe('session register', () => {
	it('lists confirmed and waiting people with access-need totals, and checks people in', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { capacity: 5 });
		const other = addSession(db, consultationId);
		const zoe = book(
			db,
			bookingInput(session.id, {
				contactName: 'Zoe',
				adults: 2,
				children: 1,
				accessNeeds: ['wheelchair', 'bsl']
			}),
			NOW
		);
		book(
			db,
			bookingInput(session.id, {
				contactName: 'amir',
				adults: 2,
				children: 0,
				accessNeeds: ['bsl']
			}),
			NOW
		);
		joinWaitingList(
			db,
			bookingInput(session.id, { contactName: 'Wen', adults: 1, children: 1 }),
			NOW
		);
		if (zoe.kind !== 'booked') throw new Error('not booked');

		const register = getSessionRegister(db, session.id)!;
		expect(register.confirmed.map((b) => b.contactName)).toEqual(['amir', 'Zoe']);
		expect(register.waiting.map((b) => b.contactName)).toEqual(['Wen']);
		expect(register).toMatchObject({ confirmedPlaces: 5, waitingPlaces: 2, checkedInPlaces: 0 });
		expect(register.accessNeedTotals).toMatchObject({ bsl: 2, wheelchair: 1, quiet_space: 0 });

		expect(checkInBooking(db, other.id, zoe.booking.id, NOW)).toBeUndefined();
		expect(checkInBooking(db, session.id, zoe.booking.id, NOW)?.attendedAt).toEqual(NOW);
		// Checking in twice keeps the first arrival time.
		expect(
			checkInBooking(db, session.id, zoe.booking.id, new Date(NOW.getTime() + 60_000))?.attendedAt
		).toEqual(NOW);
		expect(getSessionRegister(db, session.id)?.checkedInPlaces).toBe(3);
		expect(undoCheckIn(db, session.id, zoe.booking.id, NOW)?.attendedAt).toBeNull();
		expect(getSessionRegister(db, 9999)).toBeUndefined();
	});

	it('finds a live booking only in its own session', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const other = addSession(db, consultationId);
		const result = book(db, bookingInput(session.id), NOW);
		if (result.kind !== 'booked') throw new Error('not booked');
		expect(getLiveBooking(db, session.id, result.booking.id)?.id).toBe(result.booking.id);
		expect(getLiveBooking(db, other.id, result.booking.id)).toBeUndefined();
		cancelBooking(db, result.manageToken!, NOW);
		expect(getLiveBooking(db, session.id, result.booking.id)).toBeUndefined();
	});
});
