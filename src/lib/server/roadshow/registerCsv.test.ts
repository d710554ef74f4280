import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createBooking, joinWaitingList } from './bookings';
import { checkInBooking, getSessionRegister } from './register';
import { registerCsv } from './registerCsv';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

/** Reads the file back as a spreadsheet would: csv-parse, strict about quoting and row lengths. */
const parse = (csv: string): string[][] => parseCsv(csv, { record_delimiter: '\r\n' });

describe('register CSV', () => {
	it('has a header row, then confirmed and waiting bookings', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, { capacity: 3 });
		const sam = createBooking(
			db,
			bookingInput(session.id, {
				contactName: '=HYPERLINK("http://evil")',
				adults: 2,
				children: 1,
				accessNeeds: ['wheelchair', 'other'],
				accessNeedsOther: 'A chair near the door',
				phone: '07700 900982',
				email: 'sam@example.com'
			}),
			NOW
		);
		joinWaitingList(
			db,
			bookingInput(session.id, {
				bookedBy: 'on_behalf',
				contactName: 'Pat Teacher',
				organisationName: 'Hope School',
				organisationRole: 'SENCo',
				familyName: 'Ali family'
			}),
			NOW
		);
		if (sam.kind !== 'booked') throw new Error('not booked');
		checkInBooking(db, session.id, sam.booking.id, NOW);

		const rows = parse(registerCsv(getSessionRegister(db, session.id)!)) as string[][];
		expect(rows[0]).toEqual([
			'reference',
			'status',
			'name',
			'organisation',
			'adults',
			'children',
			'access needs',
			'other access needs',
			'phone',
			'email',
			'arrived'
		]);
		expect(rows[1]).toEqual([
			sam.booking.reference,
			'confirmed',
			`'=HYPERLINK("http://evil")`,
			'',
			'2',
			'1',
			'Wheelchair access; Other',
			'A chair near the door',
			'07700 900982',
			'sam@example.com',
			'yes'
		]);
		expect(rows[2].slice(1, 4)).toEqual([
			'waiting',
			'Ali family (booked by Pat Teacher)',
			'Hope School'
		]);
		expect(rows[2][10]).toBe('no');
		expect(rows).toHaveLength(3);
	});
});
