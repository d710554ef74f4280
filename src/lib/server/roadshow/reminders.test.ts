import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db';
import { createBooking, joinWaitingList, type BookingInput } from './bookings';
import { claimDueReminders } from './reminders';
import { sendDueReminders } from './emails';
import { booking, consultation, emailOutbox } from '../db/schema';
import { cancelSession } from './sessions';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY);

function book(db: Db, input: BookingInput) {
	const result = createBooking(db, input, NOW);
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
		const c = a
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
			.get();
		const session = addSession(a, c.id, { startsAt: inDays(1), bookingClosesAt: inDays(0.5) });
		for (let i = 0; i < bookings; i++)
			book(a, bookingInput(session.id, { adults: 1, children: 0 }));
		await test(a, b);
	} finally {
		a.$client.close();
		b.$client.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('reminders', () => {
	it('claims each confirmed booking for a live session within the lead time, once, even when run twice', () => {
		const { db, consultationId } = testDb();
		const soon = addSession(db, consultationId, {
			capacity: 2,
			startsAt: inDays(1),
			bookingClosesAt: inDays(0.5)
		});
		const later = addSession(db, consultationId, {
			startsAt: inDays(5),
			bookingClosesAt: inDays(4)
		});
		const cancelled = addSession(db, consultationId, {
			startsAt: inDays(1),
			bookingClosesAt: inDays(0.5)
		});
		const due = book(db, bookingInput(soon.id, { adults: 2, children: 0 }));
		joinWaitingList(db, bookingInput(soon.id), NOW);
		const notYet = book(db, bookingInput(later.id));
		book(db, bookingInput(cancelled.id));
		cancelSession(db, cancelled.id, '', NOW);

		const first = claimDueReminders(db, NOW, 2 * DAY);
		expect(first.map((r) => r.booking.id)).toEqual([due.id]);
		expect(first[0].session.id).toBe(soon.id);
		expect(first[0].booking.reminderSentAt).toEqual(NOW);
		expect(claimDueReminders(db, new Date(NOW.getTime() + 1000), 2 * DAY)).toEqual([]);

		// Four days on, the later session is due; the first has started and is left alone.
		expect(claimDueReminders(db, inDays(4), 2 * DAY).map((r) => r.booking.id)).toEqual([notYet.id]);
		expect(claimDueReminders(db, inDays(4), 2 * DAY)).toEqual([]);
	});

	it('claims at most once across two connections to the same database file', async () => {
		await withTwoConnections(5, async (a, b) => {
			const claimed = [
				...claimDueReminders(a, NOW, 2 * DAY),
				...claimDueReminders(b, NOW, 2 * DAY)
			];
			expect(claimed).toHaveLength(5);
			expect(new Set(claimed.map((r) => r.booking.id)).size).toBe(5);
		});
	});

	it('marks no reminder sent unless its email is queued in the same transaction', async () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId, {
			startsAt: inDays(1),
			bookingClosesAt: inDays(0.5)
		});
		const b = book(db, bookingInput(session.id));
		db.$client.exec(
			`CREATE TEMP TRIGGER outbox_down BEFORE INSERT ON email_outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END`
		);
		await expect(sendDueReminders(db, NOW)).rejects.toThrow(/disk full/);
		expect(db.select().from(booking).get()!.reminderSentAt).toBeNull();
		expect(db.select().from(emailOutbox).all()).toEqual([]);
		// Once the outbox works again, the next run sends it, once.
		db.$client.exec('DROP TRIGGER outbox_down');
		expect(await sendDueReminders(db, NOW)).toBe(1);
		expect(await sendDueReminders(db, NOW)).toBe(0);
		const sent = db.select().from(emailOutbox).all();
		expect(sent.map((m) => [m.bookingId, m.template])).toEqual([[b.id, 'reminder']]);
		expect(db.select().from(booking).get()!.reminderSentAt).toEqual(NOW);
	});

	it('queues each reminder once when two connections run housekeeping at the same time', async () => {
		await withTwoConnections(8, async (a, b) => {
			const counts = await Promise.all([
				sendDueReminders(a, NOW),
				sendDueReminders(b, NOW),
				sendDueReminders(a, NOW),
				sendDueReminders(b, NOW)
			]);
			expect(counts.reduce((x, y) => x + y, 0)).toBe(8);
			const reminders = b
				.select()
				.from(emailOutbox)
				.all()
				.filter((m) => m.template === 'reminder');
			expect(reminders).toHaveLength(8);
			expect(new Set(reminders.map((m) => m.bookingId)).size).toBe(8);
		});
	});
});
