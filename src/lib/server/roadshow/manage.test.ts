import { describe, expect, it } from 'vitest';
import { createBooking, joinWaitingList } from './bookings';
import { getManageView } from './manage';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

function token(result: Awaited<ReturnType<typeof createBooking>>): string {
	if (result.kind !== 'booked' || !result.manageToken) throw new Error(result.kind);
	return result.manageToken;
}

describe('getManageView', () => {
	it('offers changes within the places free, and nothing for an unknown link', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 5 });
		const mine = token(
			await createBooking(db, bookingInput(session.id, { adults: 2, children: 0 }), NOW)
		);
		await createBooking(db, bookingInput(session.id, { adults: 2, children: 0 }), NOW);
		const view = (await getManageView(db, mine, NOW))!;
		expect(view).toMatchObject({ state: 'open', canChange: true, canCancel: true, mostPlaces: 3 });
		expect(view.consultation.slug).toBe('send-strategy');
		expect(await getManageView(db, 'forged', NOW)).toBeUndefined();
	});

	it('refuses changes after booking closes, but still lets a waiting entry leave', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 1 });
		const confirmed = token(
			await createBooking(db, bookingInput(session.id, { adults: 1, children: 0 }), NOW)
		);
		const waiting = token(await joinWaitingList(db, bookingInput(session.id), NOW));
		const afterClose = new Date(session.bookingClosesAt.getTime() + 1);
		expect(await getManageView(db, confirmed, afterClose)).toMatchObject({
			state: 'closed',
			canChange: false,
			canCancel: false
		});
		expect(await getManageView(db, waiting, afterClose)).toMatchObject({
			state: 'closed',
			canChange: false,
			canCancel: true,
			mostPlaces: 6
		});
	});
});
