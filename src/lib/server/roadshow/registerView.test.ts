import { describe, expect, it } from 'vitest';
import { createBooking } from './bookings';
import { getSessionRegister } from './register';
import { accessNeedSummary, partyLabel, registerEntry } from './registerView';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

describe('register view', () => {
	it('describes parties, who booked and access needs in plain words', async () => {
		expect(partyLabel({ adults: 2, children: 1 })).toBe('2 adults, 1 child');
		expect(partyLabel({ adults: 1, children: 0 })).toBe('1 adult');
		expect(partyLabel({ adults: 0, children: 3 })).toBe('3 children');

		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		await createBooking(
			db,
			bookingInput(session.id, {
				bookedBy: 'on_behalf',
				contactName: 'Pat Teacher',
				organisationName: 'Hope School',
				organisationRole: 'SENCo',
				email: 'sam@example.com',
				familyName: 'Ali family',
				familyPhone: '07700 900982',
				accessNeeds: ['bsl', 'other'],
				accessNeedsOther: 'Large print'
			}),
			NOW
		);
		await createBooking(db, bookingInput(session.id, { accessNeeds: ['bsl'] }), NOW);
		const register = (await getSessionRegister(db, session.id))!;
		const entry = registerEntry(register.confirmed.find((b) => b.bookedBy === 'on_behalf')!);
		expect(entry).toMatchObject({
			name: 'Ali family',
			bookedBy: 'Pat Teacher (Hope School, SENCo)',
			party: '1 adult, 1 child',
			accessNeeds: ['British Sign Language (BSL) interpreter', 'Other: Large print'],
			contact: ['sam@example.com', '07700 900982'],
			arrived: false
		});
		expect(registerEntry(register.confirmed.find((b) => b.bookedBy === 'family')!).bookedBy).toBe(
			'Family'
		);
		expect(accessNeedSummary(register.accessNeedTotals)).toEqual([
			{ need: 'British Sign Language (BSL) interpreter', bookings: 2 },
			{ need: 'Other', bookings: 1 }
		]);
	});
});
