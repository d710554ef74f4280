import { describe, expect, it } from 'vitest';
import { emailOutbox } from '../db/schema';
import { createBooking } from './bookings';
import { cancelSession } from './sessions';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';
import { notifyBooked, notifySessionCancelled, sendDueReminders } from './emails';
import { renderText, TEXT_MAX_LENGTH, textRecipient } from './textTemplates';
import { templateNames } from './emailTemplates';
import {
	bookingDetailsSchema,
	contactSchema,
	MOBILE_FORMAT_MESSAGE,
	MOBILE_REQUIRED_MESSAGE
} from './validation';
import type { Booking, RoadshowSession } from '../db/schema';
import type { Db } from '../db';

const texts = async (db: Db) =>
	(await db.select().from(emailOutbox)).filter((r) => r.channel === 'sms');

describe('text message answers at booking', () => {
	const contact = { contactName: 'Sam', email: 'sam@example.com' };
	it('keeps a ticked UK mobile number normalised', () => {
		const r = contactSchema.safeParse({ ...contact, textMessages: 'yes', mobile: '07700 900 982' });
		expect(r.success && r.data).toMatchObject({ textMessages: true, mobile: '+447700900982' });
	});
	it('asks for a number when texts are ticked, and refuses one that is not a UK mobile', () => {
		const missing = contactSchema.safeParse({ ...contact, textMessages: 'yes', mobile: '' });
		expect(missing.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
			['mobile', MOBILE_REQUIRED_MESSAGE]
		]);
		const landline = contactSchema.safeParse({
			...contact,
			textMessages: 'yes',
			mobile: '01632 960 001'
		});
		expect(landline.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
			['mobile', MOBILE_FORMAT_MESSAGE]
		]);
	});
	it('keeps no number without the tick, and answers saved before texts existed still book', () => {
		const r = contactSchema.safeParse({ ...contact, textMessages: '', mobile: '07700 900 982' });
		expect(r.success && r.data).toMatchObject({ textMessages: false, mobile: null });
		const old = bookingDetailsSchema().safeParse({
			bookedBy: 'family',
			adults: '1',
			children: '0',
			...contact,
			phone: '',
			accessNeeds: 'none',
			consentToContact: 'yes',
			idempotencyKey: 'k'.repeat(20)
		});
		expect(old.success && old.data).toMatchObject({ textMessages: false, mobile: null });
	});
});

describe('text templates', () => {
	const session = {
		title: 'A'.repeat(400),
		startsAt: NOW,
		mode: 'in_person',
		venueName: 'Bridge Chapel',
		postcode: 'L1 1JD',
		cancellationReason: null
	} as unknown as RoadshowSession;
	const b = { reference: 'K7PM-3XQD' } as Booking;
	it('are short, carry the reference and never a manage link', () => {
		for (const t of templateNames) {
			const text = renderText(t, { booking: b, session, baseUrl: 'https://x.example' });
			if (text === null) continue;
			expect(text.length).toBeLessThanOrEqual(TEXT_MAX_LENGTH);
			expect(text).not.toContain('/bookings/manage/');
		}
		expect(
			renderText('booking_confirmed', { booking: b, session, baseUrl: 'https://x.example' })
		).toBeNull();
		expect(
			renderText('reminder', {
				booking: b,
				session: { ...session, title: 'Drop-in' },
				baseUrl: 'https://x.example'
			})
		).toContain('K7PM-3XQD');
	});
	it('go only to people who agreed and gave a number', () => {
		expect(textRecipient({ mobile: '+447700900982', textMessages: true })).toBe('+447700900982');
		expect(textRecipient({ mobile: '+447700900982', textMessages: false })).toBeNull();
		expect(textRecipient({ mobile: null, textMessages: true })).toBeNull();
	});
});

describe('texts with booking emails', () => {
	it('texts reminders and changes to a family who agreed, and nothing to one who did not', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const yes = await createBooking(
			db,
			bookingInput(session.id, { mobile: '+447700900982', textMessages: true }),
			NOW
		);
		const no = await createBooking(
			db,
			bookingInput(session.id, {
				email: 'no@example.com',
				mobile: '+447700900111',
				textMessages: false
			}),
			NOW
		);
		if (yes.kind !== 'booked' || no.kind !== 'booked') throw new Error('set-up');
		await notifyBooked(db, yes);
		expect(await texts(db)).toEqual([]);
		await sendDueReminders(db, new Date(session.startsAt.getTime() - 3_600_000));
		expect((await texts(db)).map((t) => [t.template, t.toAddress, t.bookingId])).toEqual([
			['reminder', '+447700900982', yes.booking.id]
		]);
		const cancelled = await cancelSession(db, session.id, 'Venue closed', NOW);
		if (cancelled.kind === 'cancelled')
			await notifySessionCancelled(db, cancelled.session, cancelled.notify);
		expect((await texts(db)).map((t) => t.template)).toEqual(['reminder', 'session_cancelled']);
		// Kept in the outbox (no provider here), like every message.
		expect((await texts(db)).every((t) => t.status === 'kept' && t.transport === 'outbox')).toBe(
			true
		);
	});
});
