import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db, firstRow, onlyRow } from '../db';
import { createBooking, joinWaitingList, type BookingInput } from './bookings';
import { claimDueReminders } from './reminders';
import { sendDueReminders } from './emails';
import { booking, consultation, emailOutbox } from '../db/schema';
import { cancelSession } from './sessions';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';
import { testEngine } from '../db/testDatabase';

// SQLite's own: connections to one file, or its triggers and SQL; PostgreSQL's equivalents
// are in db/postgres.test.ts and the limits and db-copy tests.
const sqliteOnly = testEngine === 'postgres';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY);

async function book(db: Db, input: BookingInput) {
	const result = await createBooking(db, input, NOW);
	if (result.kind !== 'booked') throw new Error(result.kind);
	return result.booking;
}

/**
 * Two connections to one database file (as two server processes have), with `bookings` confirmed
 * bookings for a session starting tomorrow; the file is removed afterwards.
 */
async function withTwoConnections(bookings: number, test: (a: Db, b: Db) => Promise<void> | void) {
	const dir = mkdtempSync(join(tmpdir(), 'reminders-'));
	const a = openDatabase(join(dir, 'test.db'));
	const b = openDatabase(join(dir, 'test.db'));
	try {
		const c = onlyRow(
			await a
				.insert(consultation)
				.values({
					slug: 's',
					title: 'T',
					summary: '',
					contactEmail: 'x@example.org',
					opensOn: '2026-05-01',
					closesOn: '2026-07-31',
					createdAt: NOW,
					updatedAt: NOW
				})
				.returning()
		);
		const session = await addSession(a, c.id, {
			startsAt: inDays(1),
			bookingClosesAt: inDays(0.5)
		});
		for (let i = 0; i < bookings; i++)
			await book(a, bookingInput(session.id, { adults: 1, children: 0 }));
		await test(a, b);
	} finally {
		a.$client.close();
		b.$client.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('reminders', () => {
	it('claims each confirmed booking for a live session within the lead time, once, even when run twice', async () => {
		const { db, consultationId } = await testDb();
		const soon = await addSession(db, consultationId, {
			capacity: 2,
			startsAt: inDays(1),
			bookingClosesAt: inDays(0.5)
		});
		const later = await addSession(db, consultationId, {
			startsAt: inDays(5),
			bookingClosesAt: inDays(4)
		});
		const cancelled = await addSession(db, consultationId, {
			startsAt: inDays(1),
			bookingClosesAt: inDays(0.5)
		});
		const due = await book(db, bookingInput(soon.id, { adults: 2, children: 0 }));
		await joinWaitingList(db, bookingInput(soon.id), NOW);
		const notYet = await book(db, bookingInput(later.id));
		await book(db, bookingInput(cancelled.id));
		await cancelSession(db, cancelled.id, '', NOW);

		const first = await claimDueReminders(db, NOW, 2 * DAY);
		expect(first.map((r) => r.booking.id)).toEqual([due.id]);
		expect(first[0].session.id).toBe(soon.id);
		expect(first[0].booking.reminderSentAt).toEqual(NOW);
		expect(await claimDueReminders(db, new Date(NOW.getTime() + 1000), 2 * DAY)).toEqual([]);

		// Four days on, the later session is due; the first has started and is left alone.
		expect((await claimDueReminders(db, inDays(4), 2 * DAY)).map((r) => r.booking.id)).toEqual([
			notYet.id
		]);
		expect(await claimDueReminders(db, inDays(4), 2 * DAY)).toEqual([]);
	});

	it.skipIf(sqliteOnly)(
		'claims at most once across two connections to the same database file',
		async () => {
			await withTwoConnections(5, async (a, b) => {
				const claimed = [
					...(await claimDueReminders(a, NOW, 2 * DAY)),
					...(await claimDueReminders(b, NOW, 2 * DAY))
				];
				expect(claimed).toHaveLength(5);
				expect(new Set(claimed.map((r) => r.booking.id)).size).toBe(5);
			});
		}
	);

	it.skipIf(sqliteOnly)(
		'marks no reminder sent unless its email is queued in the same transaction',
		async () => {
			const { db, consultationId } = await testDb();
			const session = await addSession(db, consultationId, {
				startsAt: inDays(1),
				bookingClosesAt: inDays(0.5)
			});
			const b = await book(db, bookingInput(session.id));
			db.$client.exec(
				`CREATE TEMP TRIGGER outbox_down BEFORE INSERT ON email_outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END`
			);
			await expect(sendDueReminders(db, NOW)).rejects.toThrow(/disk full/);
			expect(firstRow(await db.select().from(booking).limit(1))!.reminderSentAt).toBeNull();
			expect(await db.select().from(emailOutbox)).toEqual([]);
			// Once the outbox works again, the next run sends it, once.
			db.$client.exec('DROP TRIGGER outbox_down');
			expect(await sendDueReminders(db, NOW)).toBe(1);
			expect(await sendDueReminders(db, NOW)).toBe(0);
			const sent = await db.select().from(emailOutbox);
			expect(sent.map((m) => [m.bookingId, m.template])).toEqual([[b.id, 'reminder']]);
			expect(firstRow(await db.select().from(booking).limit(1))!.reminderSentAt).toEqual(NOW);
		}
	);

	it.skipIf(sqliteOnly)(
		'queues each reminder once when two connections run housekeeping at the same time',
		async () => {
			await withTwoConnections(8, async (a, b) => {
				const counts = await Promise.all([
					sendDueReminders(a, NOW),
					sendDueReminders(b, NOW),
					sendDueReminders(a, NOW),
					sendDueReminders(b, NOW)
				]);
				expect(counts.reduce((x, y) => x + y, 0)).toBe(8);
				const reminders = (await b.select().from(emailOutbox)).filter(
					(m) => m.template === 'reminder'
				);
				expect(reminders).toHaveLength(8);
				expect(new Set(reminders.map((m) => m.bookingId)).size).toBe(8);
			});
		}
	);
});
