import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createBooking, joinWaitingList } from './bookings';
import { checkInBooking, getSessionRegister } from './register';
import { REGISTER_CSV_COLUMNS, registerCsv } from './registerCsv';
import { csvSafe } from '../shared/csv';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

/** Reads the file back as a spreadsheet would: csv-parse, strict about quoting and row lengths. */
const parse = (csv: string): string[][] => parseCsv(csv, { record_delimiter: '\r\n' });

describe('register CSV', () => {
	it('has a header row, then confirmed and waiting bookings', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 3 });
		const sam = await createBooking(
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
		await joinWaitingList(
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
		await checkInBooking(db, session.id, sam.booking.id, NOW);

		const rows = parse(registerCsv((await getSessionRegister(db, session.id))!)) as string[][];
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

	it('reads back record for record when names and needs hold line breaks, quotes and formulas', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 10 });
		const awkward = [
			'Needs a quiet room\nand a ramp',
			"Hearing loop\r\n=cmd|' /C calc'!A0",
			'Says "please", with a comma',
			'\r\n+SUM(A1)'
		];
		for (const other of awkward)
			await createBooking(
				db,
				bookingInput(session.id, { accessNeeds: ['other'], accessNeedsOther: other }),
				NOW
			);
		const register = (await getSessionRegister(db, session.id))!;
		const rows = parse(registerCsv(register));
		expect(rows).toHaveLength(1 + register.confirmed.length);
		const stored = register.confirmed.map((b) => b.accessNeedsOther ?? '');
		expect(rows.slice(1).map((r) => r[7])).toEqual(stored.map(csvSafe));
		for (const r of rows.slice(1)) expect(r).toHaveLength(REGISTER_CSV_COLUMNS.length);
		// What was typed reached the file (not trimmed into something else on the way).
		expect(stored.some((s) => s.includes('\n'))).toBe(true);
	});
});
