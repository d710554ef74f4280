// Email through a real SMTP server (smtp-server, in this process): a booking's confirmation from
// the production server and its reminder arrive with the right headers, text and calendar file;
// a server that refuses leaves the message queued with its error, and it is retried.
import { arrived, refuse, smtpEnv, smtpServer } from './smtp-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { booking, emailOutbox, roadshowSession, staffUser } from '../../src/lib/server/db/schema';
import { openTestDatabase } from '../../src/lib/server/db/testDatabase';
import { closeDatabase, type Db, firstRow } from '../../src/lib/server/db';
import { sendDueReminders } from '../../src/lib/server/roadshow/emails';
import {
	allocateMeeting,
	notifySchool,
	registerSchool,
	registrationSchema,
	upcomingTerms
} from '../../src/lib/server/coreConsultations';
import { ukToday } from '../../src/lib/format';
import { deliverPending, sendEmails } from '../../src/lib/server/notify';
import { startServer, type RunningServer } from './server';
import { addBookableSession, openFixtureDatabase, postConfirm } from './booking-fixture';
import { eventually, prepareJourneyWith } from './journeys';

let server: RunningServer;
let db: Db;

beforeAll(async () => {
	server = await startServer(smtpEnv);
	db = await openFixtureDatabase(server.databaseUrl);
});

afterAll(async () => {
	if (db) await closeDatabase(db);
	await server?.stop();
	await new Promise<void>((resolve) => smtpServer.close(() => resolve()));
});

const to = (address: string) => arrived.filter((a) => a.envelopeTo.includes(address));

describe('SMTP', () => {
	it('delivers a booking confirmation from the server and its reminder, with headers, text and a calendar file', async () => {
		const { slug, sessionId } = await addBookableSession(db, 10);
		const journey = await prepareJourneyWith(db, sessionId, {
			contactName: 'Sam Parent',
			email: 'sam.smtp@example.com'
		});
		expect(await postConfirm(server.url, slug, sessionId, journey, 'book')).toBe(200);
		const b = firstRow(
			await db.select().from(booking).where(eq(booking.idempotencyKey, journey.draftId)).limit(1)
		)!;

		const [confirmation] = await eventually(() => {
			const got = to('sam.smtp@example.com');
			return got.length ? got : null;
		});
		const mail = confirmation.mail;
		expect(mail.from?.value).toEqual([
			{ address: 'send.consultation@example.org', name: 'Liverpool SEND team' }
		]);
		expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : null).toBe(
			'sam.smtp@example.com'
		);
		expect(mail.subject).toMatch(/^Booking confirmed: Race session, \w+day \d+ \w+ \d{4}$/);
		expect(mail.messageId).toBeTruthy();
		expect(mail.date).toBeInstanceOf(Date);
		expect(mail.html).toBe(false);
		expect(mail.text).toContain('Dear Sam Parent,');
		expect(mail.text).toContain(`Booking reference: ${b.reference}`);
		expect(mail.text).toMatch(/https:\/\/consult\.example\.org\/bookings\/manage\/[\w-]{40,}/);
		// The calendar file: the session, confirmed, with no secret link in it.
		const ics = mail.attachments.find((a) => a.contentType === 'text/calendar');
		expect(ics?.filename).toBe('session.ics');
		const calendar = ics!.content.toString('utf8');
		expect(calendar).toContain('BEGIN:VEVENT');
		expect(calendar).toContain(`UID:booking-${b.reference}@coproduce`);
		expect(calendar).toContain('STATUS:CONFIRMED');
		expect(calendar).toContain('Bridge Chapel');
		expect(calendar).not.toContain('/bookings/manage/');
		// Once sent, the outbox keeps only a copy without the secret link.
		const row = await eventually(async () =>
			(await db.select().from(emailOutbox).where(eq(emailOutbox.bookingId, b.id))).find(
				(r) => r.status === 'sent'
			)
		);
		expect(row.transport).toBe('smtp');
		expect(row.textBody).not.toMatch(/\/bookings\/manage\/[\w-]{40,}/);

		// The reminder, a day before the session.
		const session = firstRow(
			await db.select().from(roadshowSession).where(eq(roadshowSession.id, sessionId)).limit(1)
		)!;
		expect(await sendDueReminders(db, new Date(session.startsAt.getTime() - 24 * 3_600_000))).toBe(
			1
		);
		const reminder = await eventually(() =>
			to('sam.smtp@example.com').find((a) => a.mail.subject?.startsWith('Reminder:'))
		);
		expect(reminder.mail.text).toContain('This is a reminder about the session you booked.');
		expect(reminder.mail.text).toContain(`Booking reference: ${b.reference}`);
		// A reminder carries no secret: it points to "lost your link?".
		expect(reminder.mail.text).not.toContain('/bookings/manage/');
		expect(reminder.mail.text).toContain('https://consult.example.org/bookings/lost-link');
		expect(reminder.mail.attachments.some((a) => a.contentType === 'text/calendar')).toBe(true);
	});
});

describe('SMTP to schools', () => {
	it('sends a school its booked core consultation with the calendar file attached', async () => {
		const own = await openTestDatabase();
		const epoch = new Date(0);
		const [lead] = await own
			.insert(staffUser)
			.values({
				email: 'l@x.org',
				name: 'L',
				role: 'lead',
				passwordHash: 'x',
				createdAt: epoch,
				updatedAt: epoch
			})
			.returning({ id: staffUser.id });
		const terms = upcomingTerms(ukToday());
		const reg = await registerSchool(
			own,
			registrationSchema(terms).parse({
				schoolName: 'Swanton Morley Primary',
				schoolType: 'primary',
				contactName: 'Jane Holmes',
				contactRole: 'SENCo',
				contactEmail: 'senco@swanton.example.org',
				strand: 'special',
				term: terms[0],
				themes: 'semh'
			})
		);
		if (!reg.ok) throw new Error('not registered');
		const booked = await allocateMeeting(
			own,
			reg.registration.id,
			{
				specialistName: 'Tom Wright',
				meetingAt: new Date(Date.now() + 14 * 86_400_000),
				meetingPlace: 'Online'
			},
			{ staffUserId: lead.id }
		);
		if (!booked.ok) throw new Error('not booked');
		expect(await notifySchool(own, 'allocated', booked.registration, booked.manageToken)).toBe(1);
		const mail = (
			await eventually(() => to('senco@swanton.example.org').find((a) => a.mail.subject))
		).mail;
		expect(mail.text).toContain('Specialist: Tom Wright');
		const ics = mail.attachments.find((a) => a.contentType === 'text/calendar');
		const calendar = ics!.content.toString('utf8');
		expect(calendar).toContain('BEGIN:VEVENT');
		expect(calendar).toContain(`UID:core-consultation-${reg.registration.reference}@coproduce`);
		expect(calendar).toContain('Core Consultations Special');
		expect(calendar).not.toContain('/core-consultations/manage/');
	});
});

describe('SMTP failures', () => {
	let own: Db;
	beforeAll(async () => {
		// A database of this process's own, so the server's delivery job cannot race these tries.
		own = await openTestDatabase();
	});
	afterAll(() => {
		refuse.code = null;
	});

	const row = async (address: string) =>
		firstRow(
			await own.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).limit(1)
		)!;

	it('keeps a refused email queued with its error, and sends it once the server takes it again', async () => {
		refuse.code = 451;
		refuse.message = 'Mailbox busy, try again later';
		await sendEmails(own, [
			{
				to: 'later@example.com',
				subject: 'Try later',
				text: 'Hello',
				template: 'test',
				bookingId: null
			}
		]);
		expect(await row('later@example.com')).toMatchObject({
			status: 'queued',
			attempts: 1,
			sentAt: null
		});
		expect((await row('later@example.com')).error).toContain('451');
		expect(to('later@example.com')).toEqual([]);

		refuse.code = null;
		// Not before its back-off...
		expect(await deliverPending(own)).toBe(0);
		// ...and after it, once.
		expect(await deliverPending(own, () => new Date(Date.now() + 2 * 60_000))).toBe(1);
		expect(await row('later@example.com')).toMatchObject({
			status: 'sent',
			attempts: 2,
			error: null
		});
		expect(to('later@example.com')).toHaveLength(1);
	});

	it('fails an email the server refuses for good (550) at once, for staff to see', async () => {
		refuse.code = 550;
		refuse.message = 'No such user here';
		await sendEmails(own, [
			{
				to: 'nobody@example.com',
				subject: 'Nobody',
				text: 'Hello',
				template: 'test',
				bookingId: null
			}
		]);
		refuse.code = null;
		expect(await row('nobody@example.com')).toMatchObject({ status: 'failed', attempts: 1 });
		expect((await row('nobody@example.com')).error).toContain('No such user here');
		expect(await deliverPending(own, () => new Date(Date.now() + 86_400_000))).toBe(0);
	});
});
