// Moving a session (its date, time or place) tells everyone booked or waiting, and arms their
// reminders again for the new time, all in the one transaction that moves it.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { type Db, firstRow } from '../db';
import { booking, emailOutbox, roadshowSession } from '../db/schema';
import { cancelBooking, createBooking, joinWaitingList, type BookingInput } from './bookings';
import { claimDueReminders } from './reminders';
import { updateSession } from './sessions';
import { NOW, addSession, bookingInput, inputOf, testDb } from './testFixtures';
import { testEngine } from '../db/testDatabase';

// SQLite's own: connections to one file, or its triggers and SQL; PostgreSQL's equivalents
// are in db/postgres.test.ts and the limits and db-copy tests.
const sqliteOnly = testEngine === 'postgres';

const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

async function book(db: Db, input: BookingInput) {
	const r = await createBooking(db, input, NOW);
	if (r.kind !== 'booked') throw new Error(r.kind);
	return r.booking;
}

const outbox = async (db: Db) => await db.select().from(emailOutbox).orderBy(emailOutbox.id);
const moved = async (db: Db) => (await outbox(db)).filter((m) => m.template === 'session_moved');
const movedEmails = async (db: Db) => (await moved(db)).filter((m) => m.channel === 'email');
const bookingRow = async (db: Db, id: number) =>
	firstRow(await db.select().from(booking).where(eq(booking.id, id)).limit(1))!;

// A session on Wednesday 10 June 2026, 5:30pm (BST), full after two families, with a waiting list.
async function bookedSession() {
	const { db, consultationId } = await testDb();
	const session = await addSession(db, consultationId, {
		capacity: 4,
		startsAt: at(9 * DAY + 7.5 * 3_600_000),
		endsAt: at(9 * DAY + 8.5 * 3_600_000),
		bookingClosesAt: at(8 * DAY)
	});
	const first = await book(db, bookingInput(session.id, { adults: 1, children: 1 }));
	const school = await book(
		db,
		bookingInput(session.id, {
			adults: 1,
			children: 1,
			bookedBy: 'on_behalf',
			organisationName: 'Hope School',
			email: 'senco@hope.example',
			familyName: 'Alex Family',
			familyEmail: 'alex@example.com',
			mobile: '+447700900982',
			textMessages: true
		})
	);
	const waiting = await joinWaitingList(
		db,
		bookingInput(session.id, { adults: 1, children: 0 }),
		NOW
	);
	if (waiting.kind !== 'booked') throw new Error(waiting.kind);
	const left = await joinWaitingList(db, bookingInput(session.id, { adults: 1, children: 0 }), NOW);
	if (left.kind !== 'booked') throw new Error(left.kind);
	const gone = left.booking;
	const cancelled = await cancelBooking(db, left.manageToken!, NOW);
	expect(cancelled.kind).toBe('cancelled');
	return { db, session, first, school, waiting: waiting.booking, gone };
}

describe('moving a session', () => {
	it('emails every confirmed and waiting family what changed, with the new details, and nobody cancelled', async () => {
		const { db, session, first, school, waiting, gone } = await bookedSession();
		const before = (await outbox(db)).length;
		const result = await updateSession(
			db,
			session.id,
			{
				...inputOf(session),
				startsAt: at(10 * DAY + 7.5 * 3_600_000),
				endsAt: at(10 * DAY + 8.5 * 3_600_000),
				bookingClosesAt: null,
				venueName: 'Toxteth Library',
				address: 'Windsor Street',
				postcode: 'L8 1XF'
			},
			NOW
		);
		expect(result.kind === 'updated' && result.moved).toBe(3);
		const emails = (await moved(db)).filter((m) => m.channel === 'email');
		expect((await outbox(db)).length - before).toBe(emails.length + 1); // one text, below
		// The school and the family it gave get one each; the cancelled entry gets nothing.
		expect(emails.map((m) => [m.bookingId, m.toAddress])).toEqual([
			[first.id, first.email],
			[school.id, 'senco@hope.example'],
			[school.id, 'alex@example.com'],
			[waiting.id, waiting.email]
		]);
		expect(emails.some((m) => m.bookingId === gone.id)).toBe(false);
		const text = emails[0].textBody;
		expect(emails[0].subject).toBe(
			'Session changed: Parents and practitioners, now Thursday 11 June 2026'
		);
		expect(text).toContain('It was: Wednesday 10 June 2026, 5:30pm to 6:30pm');
		expect(text).toContain('It is now: Thursday 11 June 2026, 5:30pm to 6:30pm');
		expect(text).toContain('The place was: Bridge Chapel, 1 Chapel Road, Liverpool, L1 1JD');
		expect(text).toContain('The place is now: Toxteth Library, Windsor Street, L8 1XF');
		expect(text).toContain(`Booking reference: ${first.reference}`);
		expect(emails[3].textBody).toContain('You keep your place on the waiting list');
		expect(emails[2].textBody).toContain('Dear Alex Family,');
		// The family that agreed to texts gets one, without a secret link.
		const texts = (await moved(db)).filter((m) => m.channel === 'sms');
		expect(texts.map((t) => t.bookingId)).toEqual([school.id]);
		expect(texts[0].textBody).toContain('It is now Thursday 11 June 2026 at 5:30pm');
		expect(texts[0].textBody).not.toContain('/bookings/manage/');
	});

	it('says only what changed: a new time alone, or a new place alone', async () => {
		const { db, session } = await bookedSession();
		await updateSession(
			db,
			session.id,
			{ ...inputOf(session), startsAt: at(9 * DAY + 8 * 3_600_000) },
			NOW
		);
		const [timeOnly] = await movedEmails(db);
		expect(timeOnly.textBody).toContain('It is now: Wednesday 10 June 2026, 6pm to 6:30pm');
		expect(timeOnly.textBody).not.toContain('The place was');
		const now = firstRow(
			await db.select().from(roadshowSession).where(eq(roadshowSession.id, session.id)).limit(1)
		)!;
		await updateSession(db, session.id, { ...inputOf(now), postcode: 'L1 1JE' }, NOW);
		const placeOnly = (await movedEmails(db)).at(-1)!;
		expect(placeOnly.textBody).toContain(
			'The place is now: Bridge Chapel, 1 Chapel Road, Liverpool, L1 1JE'
		);
		expect(placeOnly.textBody).not.toContain('It was:');
	});

	it('tells nobody and keeps reminders as they were when only the title, capacity or notes change', async () => {
		const { db, session, first } = await bookedSession();
		await db.update(booking).set({ reminderSentAt: NOW }).where(eq(booking.id, first.id));
		const result = await updateSession(
			db,
			session.id,
			{
				...inputOf(session),
				title: 'Renamed',
				capacity: 6,
				accessibilityNotes: 'Lift at the back'
			},
			NOW
		);
		expect(result.kind === 'updated' && result.moved).toBe(0);
		expect(await moved(db)).toEqual([]);
		expect((await bookingRow(db, first.id)).reminderSentAt).toEqual(NOW);
	});

	it('sends again a reminder already sent for the old time, at the right time before the new one', async () => {
		const { db, session, first, school } = await bookedSession();
		const lead = 2 * DAY;
		// Eight days on, the reminders for the 10 June session went out.
		const sentAt = at(8 * DAY);
		expect((await claimDueReminders(db, sentAt, lead)).map((r) => r.booking.id)).toEqual([
			first.id,
			school.id
		]);
		// Staff move it a week later.
		await updateSession(
			db,
			session.id,
			{
				...inputOf(session),
				startsAt: at(16 * DAY + 7.5 * 3_600_000),
				endsAt: at(16 * DAY + 8.5 * 3_600_000),
				bookingClosesAt: null
			},
			sentAt
		);
		expect((await bookingRow(db, first.id)).reminderSentAt).toBeNull();
		// Not again straight away: the new session is a week off.
		expect(await claimDueReminders(db, at(8 * DAY + 60_000), lead)).toEqual([]);
		expect(await claimDueReminders(db, at(14 * DAY), lead)).toEqual([]);
		// Two days before the new time, once each.
		expect((await claimDueReminders(db, at(15 * DAY), lead)).map((r) => r.booking.id)).toEqual([
			first.id,
			school.id
		]);
		expect(await claimDueReminders(db, at(15 * DAY + 60_000), lead)).toEqual([]);
	});

	it('brings forward a reminder not yet due when the session moves earlier', async () => {
		const { db, session, first, school } = await bookedSession();
		const lead = 2 * DAY;
		expect(await claimDueReminders(db, at(3 * DAY), lead)).toEqual([]);
		await updateSession(
			db,
			session.id,
			{
				...inputOf(session),
				startsAt: at(4 * DAY + 7.5 * 3_600_000),
				endsAt: at(4 * DAY + 8.5 * 3_600_000),
				bookingClosesAt: null
			},
			at(3 * DAY)
		);
		expect((await claimDueReminders(db, at(3 * DAY), lead)).map((r) => r.booking.id)).toEqual([
			first.id,
			school.id
		]);
	});

	it.skipIf(sqliteOnly)(
		'moves nothing and tells nobody if the emails cannot be stored',
		async () => {
			const { db, session, first } = await bookedSession();
			await db.update(booking).set({ reminderSentAt: NOW }).where(eq(booking.id, first.id));
			const before = (await outbox(db)).length;
			db.$client.exec(
				`CREATE TEMP TRIGGER outbox_down BEFORE INSERT ON email_outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END`
			);
			await expect(
				async () =>
					await updateSession(
						db,
						session.id,
						{ ...inputOf(session), startsAt: at(12 * DAY), endsAt: null },
						NOW
					)
			).rejects.toThrow(/disk full/);
			const still = firstRow(
				await db.select().from(roadshowSession).where(eq(roadshowSession.id, session.id)).limit(1)
			)!;
			expect(still.startsAt).toEqual(session.startsAt);
			expect((await bookingRow(db, first.id)).reminderSentAt).toEqual(NOW);
			expect((await outbox(db)).length).toBe(before);
		}
	);

	it('tells each family once when staff save the same move twice (a double click)', async () => {
		const { db, session } = await bookedSession();
		const move = {
			...inputOf(session),
			startsAt: at(12 * DAY),
			endsAt: null,
			bookingClosesAt: null
		};
		await updateSession(db, session.id, move, NOW);
		const second = await updateSession(db, session.id, move, NOW);
		expect(second.kind === 'updated' && second.moved).toBe(0);
		expect((await moved(db)).filter((m) => m.channel === 'email')).toHaveLength(4);
	});
});
