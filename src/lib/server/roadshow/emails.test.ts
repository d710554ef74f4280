import { describe, expect, it } from 'vitest';
import { emailOutbox } from '../db/schema';
import {
	cancelBooking,
	changeBookingPlaces,
	createBooking,
	joinWaitingList,
	reissueManageLinks
} from './bookings';
import { cancelSession } from './sessions';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';
import type { Db } from '../db';
import { getOutboxEmail, listOutbox, queueEmails } from '../notify';
import {
	notifyBooked,
	notifyCancelled,
	notifyChanged,
	notifyManageLinks,
	notifySessionCancelled,
	sendDueReminders
} from './emails';
import { claimQueued, withoutSecrets } from '../notify/outbox';
import { deliverPending, setTransport } from '../notify/send';
import type { Transporter } from 'nodemailer';

function booked<T extends { kind: string }>(result: T) {
	if (result.kind !== 'booked') throw new Error(`expected booked, got ${result.kind}`);
	return result as Extract<T, { kind: 'booked' }>;
}

const outbox = async (db: Db) => await db.select().from(emailOutbox).orderBy(emailOutbox.id);

describe('notify', () => {
	it('emails a confirmation once, with the manage link, straight into the outbox without SMTP', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const input = bookingInput(session.id, { email: 'sam@example.com' });
		const first = booked(await createBooking(db, input, NOW));
		expect(await notifyBooked(db, first)).toBe(1);
		// A resubmitted form: no second email.
		expect(await notifyBooked(db, booked(await createBooking(db, input, NOW)))).toBe(0);
		const rows = await outbox(db);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			template: 'booking_confirmed',
			toAddress: 'sam@example.com',
			transport: 'outbox',
			bookingId: first.booking.id
		});
		expect(rows[0].sentAt).toBeInstanceOf(Date);
		expect(rows[0].textBody).toContain(`/bookings/manage/${first.manageToken}`);
		expect(rows[0].subject).not.toContain(first.manageToken!);
	});

	it('sends the family their own confirmation and manage link when a school booked for them', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const onBehalf = {
			bookedBy: 'on_behalf' as const,
			organisationName: 'Oak Primary School',
			organisationRole: 'SENCO',
			contactName: 'Jo Teacher',
			email: 'jo@oak.sch.uk'
		};
		const result = booked(
			await createBooking(
				db,
				bookingInput(session.id, {
					...onBehalf,
					familyName: 'Alex Carer',
					familyEmail: 'alex@example.com'
				}),
				NOW
			)
		);
		expect(await notifyBooked(db, result)).toBe(2);
		const [school, family] = await outbox(db);
		expect([school.toAddress, family.toAddress]).toEqual(['jo@oak.sch.uk', 'alex@example.com']);
		expect(family.template).toBe('booking_confirmed');
		expect(family.subject).toBe(school.subject);
		expect(school.textBody).toMatch(/^Dear Jo Teacher,/);
		expect(family.textBody).toMatch(
			/^Dear Alex Carer,\n\nJo Teacher from Oak Primary School booked this session for you/
		);
		for (const row of [school, family])
			expect(row.textBody).toContain(`/bookings/manage/${result.manageToken}`);

		// No family email, or the booker's own address again: one email only.
		for (const familyEmail of [null, 'JO@oak.sch.uk']) {
			const before = (await outbox(db)).length;
			const again = booked(
				await createBooking(db, bookingInput(session.id, { ...onBehalf, familyEmail }), NOW)
			);
			expect(await notifyBooked(db, again)).toBe(1);
			expect((await outbox(db)).length).toBe(before + 1);
		}
		// A family booking for itself never gets a second copy, whatever is in the family fields.
		const self = booked(
			await createBooking(db, bookingInput(session.id, { familyEmail: 'other@example.com' }), NOW)
		);
		expect(await notifyBooked(db, self)).toBe(1);
	});

	it('emails the waiting list, the promoted entry on cancellation, and the cancelled family', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 2 });
		const first = booked(
			await createBooking(
				db,
				bookingInput(session.id, { adults: 2, children: 0, email: 'sam@example.com' }),
				NOW
			)
		);
		expect(
			(await createBooking(db, bookingInput(session.id, { email: 'wait@example.com' }), NOW)).kind
		).toBe('full');
		const waiting = booked(
			await joinWaitingList(db, bookingInput(session.id, { email: 'wait@example.com' }), NOW)
		);
		await notifyBooked(db, waiting);
		const cancelled = await cancelBooking(db, first.manageToken!, NOW);
		if (cancelled.kind !== 'cancelled') throw new Error(cancelled.kind);
		expect(await notifyCancelled(db, cancelled)).toBe(2);
		expect((await outbox(db)).map((r) => [r.template, r.toAddress])).toEqual([
			['waiting_list_joined', 'wait@example.com'],
			['booking_cancelled', 'sam@example.com'],
			['promoted_from_waiting_list', 'wait@example.com']
		]);
	});

	it('tells a family their change, with the link when known', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const b = booked(await createBooking(db, bookingInput(session.id), NOW));
		const changed = await changeBookingPlaces(db, b.manageToken!, { adults: 3, children: 0 }, NOW);
		if (changed.kind !== 'changed') throw new Error(changed.kind);
		await notifyChanged(db, changed, b.manageToken);
		const [row] = await outbox(db);
		expect(row.template).toBe('booking_changed');
		expect(row.textBody).toContain('Places: 3 places (3 adults)');
		expect(row.textBody).toContain(`/bookings/manage/${b.manageToken}`);
	});

	it('tells everyone booked or waiting that a session is cancelled', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, { capacity: 1 });
		booked(await createBooking(db, bookingInput(session.id, { adults: 1, children: 0 }), NOW));
		booked(await joinWaitingList(db, bookingInput(session.id, { email: 'w@example.com' }), NOW));
		const result = await cancelSession(db, session.id, 'Venue closed', NOW);
		if (result.kind !== 'cancelled') throw new Error(result.kind);
		expect(await notifySessionCancelled(db, result.session, result.notify)).toBe(2);
		expect(
			(await outbox(db)).every(
				(r) => r.template === 'session_cancelled' && r.textBody.includes('Reason: Venue closed')
			)
		).toBe(true);
	});

	it('sends new manage links', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		booked(await createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW));
		const reissued = await reissueManageLinks(db, 'SAM@example.com', NOW);
		expect(await notifyManageLinks(db, reissued)).toBe(1);
		expect((await outbox(db))[0].textBody).toContain(`/bookings/manage/${reissued[0].manageToken}`);
		expect(await notifyManageLinks(db, [])).toBe(0);
	});

	it('sends each due reminder once, even when run twice', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId, {
			startsAt: new Date(NOW.getTime() + 86_400_000),
			bookingClosesAt: new Date(NOW.getTime() + 3_600_000)
		});
		booked(await createBooking(db, bookingInput(session.id), NOW));
		const [a, b] = await Promise.all([sendDueReminders(db, NOW), sendDueReminders(db, NOW)]);
		expect(a + b).toBe(1);
		expect((await outbox(db)).map((r) => r.template)).toEqual(['reminder']);
	});

	it('pages the outbox newest first', async () => {
		const { db } = await testDb();
		const emails = Array.from({ length: 30 }, (_, i) => ({
			to: `p${i}@example.com`,
			subject: `Email ${i}`,
			text: 'Hello',
			template: 'reminder' as const,
			bookingId: null
		}));
		await queueEmails(db, emails, NOW);
		const first = await listOutbox(db, { page: 1 });
		expect(first).toMatchObject({ total: 30, pageCount: 2, page: 1 });
		expect(first.emails[0].subject).toBe('Email 29');
		expect((await listOutbox(db, { page: 99 })).emails).toHaveLength(5);
		const [id] = await queueEmails(db, [{ ...emails[0], subject: 'One to read' }], NOW);
		expect((await getOutboxEmail(db, id))?.subject).toBe('One to read');
		expect(await getOutboxEmail(db, id + 1)).toBeUndefined();
	});
});

describe('SMTP delivery', () => {
	it('claims queued emails once, sends them, and records failures', async () => {
		const { db } = await testDb();
		const sent: string[] = [];
		setTransport({
			sendMail: async (m: { to: string }) => {
				if (m.to === 'bad@example.com') throw new Error('Mailbox unavailable');
				sent.push(m.to);
				return {};
			}
		} as unknown as Transporter);
		try {
			const email = {
				subject: 'Hi',
				text: 'Hello',
				template: 'reminder' as const,
				bookingId: null
			};
			await queueEmails(
				db,
				[
					{ ...email, to: 'a@example.com' },
					{ ...email, to: 'bad@example.com' }
				],
				NOW,
				true
			);
			expect((await outbox(db)).every((r) => r.transport === 'smtp' && r.sentAt === null)).toBe(
				true
			);
			const [one, two] = await Promise.all([deliverPending(db), deliverPending(db)]);
			expect(one + two).toBe(1);
			expect(sent).toEqual(['a@example.com']);
			const rows = await outbox(db);
			expect(rows[0].sentAt).toBeInstanceOf(Date);
			expect(rows[1]).toMatchObject({ sentAt: null, error: 'Mailbox unavailable' });
			expect(await claimQueued(db, NOW)).toEqual([]);
		} finally {
			setTransport(undefined);
		}
	});

	it('keeps only a copy without the secret link once an email has gone', async () => {
		const { db } = await testDb();
		const bodies: string[] = [];
		setTransport({
			sendMail: async (m: { text: string }) => {
				bodies.push(m.text);
				return {};
			}
		} as unknown as Transporter);
		try {
			const token = 'Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA';
			const text = `Change or cancel your booking: http://localhost:3000/bookings/manage/${token}\nThanks`;
			await queueEmails(
				db,
				[
					{
						to: 'a@example.com',
						subject: 'Booked',
						text,
						template: 'booking_confirmed',
						bookingId: null
					}
				],
				NOW,
				true
			);
			await deliverPending(db);
			expect(bodies[0]).toContain(token);
			const kept = (await outbox(db))[0].textBody;
			expect(kept).not.toContain(token);
			expect(kept).toContain('/bookings/manage/… (link removed once the email was sent)');
			expect(kept).toContain('Thanks');
		} finally {
			setTransport(undefined);
		}
	});
});

describe('withoutSecrets', () => {
	it('cuts manage and resume links, and nothing else', () => {
		const text = [
			'Manage: https://x.example/bookings/manage/abcdefghijklmnopqrstuvwxyz0123456789',
			'Resume: https://x.example/consultations/send/questionnaires/parents-carers/r/abcdefghijklmnopqrstuvwxyz012345',
			'Read more: https://x.example/consultations/send'
		].join('\n');
		const out = withoutSecrets(text);
		expect(out).not.toMatch(/abcdefghijklmnop/);
		expect(out).toContain('Read more: https://x.example/consultations/send');
	});
});
