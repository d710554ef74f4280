import { describe, expect, it } from 'vitest';
import { createBooking, joinWaitingList } from './bookings';
import { getManageView } from './manage';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

function token(result: ReturnType<typeof createBooking>): string {
	if (result.kind !== 'booked' || !result.manageToken) throw new Error(result.kind);
	return result.manageToken;
}

describe('getManageView', () => {
	it('offers changes within the places free, and nothing for an unknown link', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { capacity: 5 });
		const mine = token(
			createBooking(db, bookingInput(session.id, { adults: 2, children: 0 }), NOW)
		);
		createBooking(db, bookingInput(session.id, { adults: 2, children: 0 }), NOW);
		const view = getManageView(db, mine, NOW)!;
		expect(view).toMatchObject({ state: 'open', canChange: true, canCancel: true, mostPlaces: 3 });
		expect(view.consultation.slug).toBe('send-strategy');
		expect(getManageView(db, 'forged', NOW)).toBeUndefined();
	});

	it('refuses changes after booking closes, but still lets a waiting entry leave', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { capacity: 1 });
		const confirmed = token(
			createBooking(db, bookingInput(session.id, { adults: 1, children: 0 }), NOW)
		);
		const waiting = token(joinWaitingList(db, bookingInput(session.id), NOW));
		const afterClose = new Date(session.bookingClosesAt.getTime() + 1);
		expect(getManageView(db, confirmed, afterClose)).toMatchObject({
			state: 'closed',
			canChange: false,
			canCancel: false
		});
		expect(getManageView(db, waiting, afterClose)).toMatchObject({
			state: 'closed',
			canChange: false,
			canCancel: true,
			mostPlaces: 6
		});
	});
});
