// Messages through GOV.UK Notify's official client, against a stand-in that checks each request
// as the real API would (see fake-notify.ts): a booking's confirmation from the real server, its
// reminder by email and text, delivery receipts by callback and by polling, a failing provider.
import { CALLBACK_TOKEN, fakeNotify, notifyEnv } from './notify-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { booking, emailOutbox } from '../../src/lib/server/db/schema';
import { closeDatabase, type Db, firstRow } from '../../src/lib/server/db';
import { openTestDatabase } from '../../src/lib/server/db/testDatabase';
import { sendDueReminders } from '../../src/lib/server/roadshow/emails';
import {
	deliverPending,
	pollDeliveryStatus,
	sendEmails,
	sendLetter,
	sendTexts
} from '../../src/lib/server/notify';
import { startServer, type RunningServer } from './server';
import { addBookableSession, openFixtureDatabase, postConfirm } from './booking-fixture';
import { EMAIL_TEMPLATE_ID, SMS_TEMPLATE_ID, SERVICE_ID } from './fake-notify';
import { eventually, prepareJourneyWith } from './journeys';

let server: RunningServer;
let db: Db;

beforeAll(async () => {
	server = await startServer(notifyEnv);
	db = await openFixtureDatabase(server.databaseUrl);
});

afterAll(async () => {
	if (db) await closeDatabase(db);
	await server?.stop();
	await fakeNotify.close();
});

const rowsFor = async (d: Db, bookingId: number) =>
	await d
		.select()
		.from(emailOutbox)
		.where(eq(emailOutbox.bookingId, bookingId))
		.orderBy(emailOutbox.id);

const postReceipt = (body: unknown, token = CALLBACK_TOKEN) =>
	fetch(`${server.url}/notify/delivery-receipts`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});

describe('GOV.UK Notify', () => {
	it('sends a booking confirmation from the server, and its reminder by email and text; receipts update the status', async () => {
		const { slug, sessionId } = await addBookableSession(db, 10);
		const journey = await prepareJourneyWith(db, sessionId, {
			contactName: 'Sam Parent',
			email: 'sam.notify@example.com',
			mobile: '07700 900 982'
		});
		expect(await postConfirm(server.url, slug, sessionId, journey, 'book')).toBe(200);
		const b = firstRow(
			await db.select().from(booking).where(eq(booking.idempotencyKey, journey.draftId)).limit(1)
		)!;
		expect(b).toMatchObject({ mobile: '+447700900982', textMessages: true });

		// The confirmation: an email through the one email template, with the booking in it.
		const [confirmation] = await eventually(() => {
			const sent = fakeNotify
				.sent('/v2/notifications/email')
				.filter((r) => r.body?.email_address === 'sam.notify@example.com');
			return sent.length ? sent : null;
		});
		expect(confirmation.claims?.iss).toBe(SERVICE_ID);
		expect(confirmation.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
		expect(confirmation.body?.template_id).toBe(EMAIL_TEMPLATE_ID);
		const personalisation = confirmation.body?.personalisation as Record<string, string>;
		expect(personalisation.subject).toMatch(/^Booking confirmed: Race session/);
		expect(personalisation.body).toContain(`Booking reference: ${b.reference}`);
		expect(personalisation.body).toMatch(/\/bookings\/manage\/[\w-]{40,}/);
		// The reference is the outbox id and nothing else: no name, address or booking reference.
		const [row] = await eventually(async () => {
			const rows = (await rowsFor(db, b.id)).filter((r) => r.status === 'sent');
			return rows.length ? rows : null;
		});
		expect(confirmation.body?.reference).toBe(String(row.id));
		expect(row).toMatchObject({ transport: 'notify', providerId: confirmation.notificationId });
		// No confirmation text: texts are for reminders and changes.
		expect(
			fakeNotify
				.sent('/v2/notifications/sms')
				.filter((r) => r.body?.phone_number === '+447700900982')
		).toEqual([]);

		// A delivery receipt, as Notify posts it, marks the email delivered.
		const receipt = {
			id: confirmation.notificationId,
			reference: String(row.id),
			to: 'sam.notify@example.com',
			status: 'delivered',
			created_at: new Date().toISOString(),
			completed_at: new Date().toISOString(),
			sent_at: new Date().toISOString(),
			notification_type: 'email',
			template_id: EMAIL_TEMPLATE_ID,
			template_version: 1
		};
		// Without the right token nothing changes.
		expect((await postReceipt(receipt, 'wrong-token-0123456789abcdef')).status).toBe(401);
		expect((await postReceipt(receipt, '')).status).toBe(401);
		expect(
			(
				await fetch(`${server.url}/notify/delivery-receipts`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(receipt)
				})
			).status
		).toBe(401);
		expect((await rowsFor(db, b.id))[0].status).toBe('sent');
		expect((await postReceipt('{not json')).status).toBe(400);
		expect((await postReceipt({ hello: 'world' })).status).toBe(400);
		// A receipt naming another message's reference is not applied to this one.
		await postReceipt({ ...receipt, reference: String(row.id + 1000) });
		expect((await rowsFor(db, b.id))[0].status).toBe('sent');
		const ok = await postReceipt(receipt);
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ result: 'recorded' });
		expect((await rowsFor(db, b.id))[0]).toMatchObject({
			status: 'delivered',
			providerStatus: 'delivered'
		});
		// A late or repeated receipt never undoes a final status.
		await postReceipt({ ...receipt, status: 'sending' });
		expect((await rowsFor(db, b.id))[0].status).toBe('delivered');

		// The reminder, a day before: by email and, as the family agreed, by text.
		const session = await db.query.roadshowSession.findFirst({
			where: (s, { eq }) => eq(s.id, sessionId)
		});
		const startsAt = session!.startsAt;
		expect(await sendDueReminders(db, new Date(startsAt.getTime() - 24 * 3_600_000))).toBe(1);
		const reminderEmail = fakeNotify
			.sent('/v2/notifications/email')
			.find(
				(r) =>
					(r.body?.personalisation as Record<string, string>).subject.startsWith('Reminder:') &&
					r.body?.email_address === 'sam.notify@example.com'
			);
		expect(reminderEmail).toBeDefined();
		const text = await eventually(() =>
			fakeNotify.sent('/v2/notifications/sms').find((r) => r.body?.phone_number === '+447700900982')
		);
		expect(text.body?.template_id).toBe(SMS_TEMPLATE_ID);
		const textBody = (text.body?.personalisation as Record<string, string>).body;
		expect(textBody).toContain(b.reference);
		expect(textBody).toContain('Race session');
		// Short, and no secret link: it says where to find the booking instead.
		expect(textBody.length).toBeLessThanOrEqual(306);
		expect(textBody).not.toContain('/bookings/manage/');
		expect(textBody).toContain('https://consult.example.org/bookings/lost-link');
		const textRow = (await rowsFor(db, b.id)).find((r) => r.channel === 'sms')!;
		expect(text.body?.reference).toBe(String(textRow.id));
		expect(textRow).toMatchObject({ toAddress: '+447700900982', status: 'sent' });

		// Without callbacks, the polling job asks Notify: the text is reported delivered.
		fakeNotify.setStatus(text.notificationId!, 'delivered');
		expect(await pollDeliveryStatus(db)).toBeGreaterThanOrEqual(1);
		expect((await rowsFor(db, b.id)).find((r) => r.channel === 'sms')!.status).toBe('delivered');
	});

	it('the booking page refuses a mobile number that is not a UK mobile, with a GOV.UK error', async () => {
		const { slug, sessionId } = await addBookableSession(db, 10);
		const journey = await prepareJourneyWith(db, sessionId, {
			contactName: 'A',
			email: 'a@example.com'
		});
		const post = (values: Record<string, string>) =>
			fetch(
				`${server.url}/consultations/${slug}/sessions/${sessionId}/book/${journey.draftId}/contact`,
				{
					method: 'POST',
					redirect: 'manual',
					headers: {
						origin: server.url,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: new URLSearchParams({
						contactName: 'Sam Parent',
						email: 'sam@example.com',
						...values
					})
				}
			);
		const landline = await post({ textMessages: 'yes', mobile: '01632 960 001' });
		expect(landline.status).toBe(400);
		const page = await landline.text();
		expect(page).toContain('govuk-error-summary');
		expect(page).toContain('Enter a UK mobile number, like 07700 900 982');
		// The other answers are kept.
		expect(page).toContain('value="Sam Parent"');
		const missing = await post({ textMessages: 'yes', mobile: '' });
		expect(await missing.text()).toContain('Enter a UK mobile number to get text messages');
		// A number without the tick is not kept: no texts anyone did not ask for.
		expect((await post({ mobile: '07700 900 982' })).status).toBe(303);
		const ok = await post({ textMessages: 'yes', mobile: '+44 (0)7700 900982' });
		expect(ok.status).toBe(303);
	});
});

describe('GOV.UK Notify failures and letters', () => {
	let own: Db;
	beforeAll(async () => {
		// A database of this process's own, so the server's delivery job cannot race these tries.
		own = await openTestDatabase();
	});

	it('keeps a message queued with its error when Notify fails, retries it after the back-off, and sends it once', async () => {
		fakeNotify.failNext(1, { status: 500, error: 'Exception', message: 'Internal server error' });
		await sendEmails(own, [
			{
				to: 'retry@example.com',
				subject: 'Retry me',
				text: 'Hello',
				template: 'test',
				bookingId: null
			}
		]);
		let [row] = await own
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.toAddress, 'retry@example.com'));
		expect(row).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
		expect(row.error).toContain('GOV.UK Notify answered 500');
		expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());

		// Before the back-off has passed nothing is tried.
		expect(await deliverPending(own)).toBe(0);
		// After it, the message goes, once, however many senders run.
		const later = () => new Date(Date.now() + 2 * 60_000);
		const [one, two] = await Promise.all([deliverPending(own, later), deliverPending(own, later)]);
		expect(one + two).toBe(1);
		[row] = await own
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.toAddress, 'retry@example.com'));
		expect(row).toMatchObject({ status: 'sent', attempts: 2, error: null });
		expect(
			fakeNotify
				.sent('/v2/notifications/email')
				.filter((r) => r.body?.email_address === 'retry@example.com')
		).toHaveLength(1);
	});

	it('fails a message Notify refuses (400) at once, for staff to see, and retries rate limits', async () => {
		fakeNotify.failNext(1, {
			status: 400,
			error: 'BadRequestError',
			message: "Can't send to this recipient using a team-only API key"
		});
		await sendTexts(own, [{ to: '07700900111', text: 'Hello', template: 'test', bookingId: null }]);
		const [refused] = await own
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.toAddress, '+447700900111'));
		expect(refused).toMatchObject({ status: 'failed', channel: 'sms' });
		expect(refused.error).toContain('team-only API key');

		fakeNotify.failNext(1, {
			status: 429,
			error: 'RateLimitError',
			message: 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds'
		});
		await sendTexts(own, [{ to: '07700900222', text: 'Hello', template: 'test', bookingId: null }]);
		const [limited] = await own
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.toAddress, '+447700900222'));
		expect(limited).toMatchObject({ status: 'queued', attempts: 1 });

		// A number that is not a UK mobile is never queued or sent.
		expect(
			await sendTexts(own, [
				{ to: '01632 960 001', text: 'Hello', template: 'test', bookingId: null }
			])
		).toBe(0);
	});

	it('sends a precompiled PDF letter with the message id as its only reference', async () => {
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
		expect(
			await sendLetter(own, {
				to: 'The Parent family, L1 1JD',
				title: 'Your outcome letter',
				pdf,
				template: 'outcome_letter',
				bookingId: null
			})
		).toBe(1);
		const [row] = await own.select().from(emailOutbox).where(eq(emailOutbox.channel, 'letter'));
		const request = fakeNotify.sent('/v2/notifications/letter').at(-1)!;
		expect(request.body).toEqual({
			reference: String(row.id),
			content: pdf.toString('base64'),
			postage: 'second'
		});
		expect(row).toMatchObject({ status: 'sent', providerId: request.notificationId });
		// Notify then reports the letter printed and posted.
		fakeNotify.setStatus(request.notificationId!, 'received');
		await pollDeliveryStatus(own);
		expect(
			firstRow(await own.select().from(emailOutbox).where(eq(emailOutbox.id, row.id)).limit(1))!
				.status
		).toBe('delivered');
	});
});
