import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applyRetention, REMOVED_NAME } from '.';
import {
	booking,
	bookingDraft,
	consultation,
	emailOutbox,
	response,
	responseContact
} from '../db/schema';
import { addSession, bookingInput, testDb } from '../roadshow/testFixtures';
import { testDb as questionnaireDb } from '../questionnaires/testFixtures';
import { createBooking } from '../roadshow/bookings';
import { startDraft } from '../roadshow/drafts';
import { queueEmails } from '../notify/outbox';
import { createQuestionnaire, publishVersion } from '../questionnaires/authoring';
import { saveContactDetails, startResponse } from '../questionnaires/answering/responses';

const DAY = 86_400_000;

describe('applyRetention', () => {
	it('removes booking contact details 30 days after the session, keeping the numbers', async () => {
		const { db, consultationId } = await testDb();
		const booked = new Date('2026-05-01T09:00:00Z');
		const old = await addSession(db, consultationId, {
			startsAt: new Date('2026-05-10T16:00:00Z'),
			bookingClosesAt: new Date('2026-05-09T17:00:00Z')
		});
		const recent = await addSession(db, consultationId, {
			startsAt: new Date('2026-05-30T16:00:00Z'),
			bookingClosesAt: new Date('2026-05-29T17:00:00Z')
		});
		await createBooking(
			db,
			bookingInput(old.id, {
				adults: 2,
				phone: '07700 900982',
				accessNeeds: ['other'],
				accessNeedsOther: 'My son uses a wheelchair'
			}),
			booked
		);
		await createBooking(db, bookingInput(recent.id), booked);

		const now = new Date('2026-06-12T09:00:00Z'); // 33 days after the old session, 13 after the recent one
		expect((await applyRetention(db, now)).bookings).toBe(1);
		const [gone, kept] = await db.select().from(booking).orderBy(booking.id);
		expect(gone).toMatchObject({
			contactName: REMOVED_NAME,
			email: '',
			phone: null,
			accessNeedsOther: null,
			adults: 2,
			accessNeeds: ['other']
		});
		expect(kept.email).not.toBe('');
		// Running again changes nothing more.
		expect((await applyRetention(db, now)).bookings).toBe(0);
	});

	it('deletes questionnaire contact details 30 days after the consultation closes, not the answers', async () => {
		const { db, consultationId } = await questionnaireDb();
		const now = new Date('2026-06-01T09:00:00Z');
		const created = await createQuestionnaire(db, consultationId, 'parents_carers', {
			useStarter: true,
			now
		});
		if (!created.ok) throw new Error('questionnaire');
		await publishVersion(db, created.versionId, { now });
		const started = await startResponse(db, created.questionnaireId, 'online', now);
		if (!started.ok) throw new Error('response');
		await saveContactDetails(
			db,
			started.responseId,
			{ name: 'Sam', email: 'sam@example.org', phone: null },
			now
		);

		// The consultation closes at the end of 31 July, UK time (23:00 UTC in summer): kept until
		// the end of 30 August UK time, gone from midnight, while it is still 30 August in UTC.
		expect((await applyRetention(db, new Date('2026-08-29T09:00:00Z'))).contactDetails).toBe(0);
		expect((await applyRetention(db, new Date('2026-08-30T22:59:00Z'))).contactDetails).toBe(0);
		expect((await applyRetention(db, new Date('2026-08-30T23:30:00Z'))).contactDetails).toBe(1);
		expect(await db.select().from(responseContact)).toEqual([]);
		expect(await db.select().from(response)).toHaveLength(1);

		// Closing early starts the 30 days from that day.
		const again = await startResponse(db, created.questionnaireId, 'online', now);
		if (!again.ok) throw new Error('response');
		await saveContactDetails(
			db,
			again.responseId,
			{ name: 'Ali', email: null, phone: '07700 900111' },
			now
		);
		await db
			.update(consultation)
			.set({ closedEarlyAt: new Date('2026-06-02T09:00:00Z') })
			.where(eq(consultation.id, consultationId));
		expect((await applyRetention(db, new Date('2026-07-03T09:00:00Z'))).contactDetails).toBe(1);
	});

	it('clears expired booking drafts and copies of emails older than 30 days', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const now = new Date('2026-06-05T09:00:00Z');
		await startDraft(db, session.id, 'who', { bookedBy: 'family' }, now);
		await startDraft(
			db,
			session.id,
			'who',
			{ bookedBy: 'family' },
			new Date(now.getTime() - 2 * DAY)
		);
		const email = {
			to: 'a@example.org',
			subject: 'Booked',
			text: 'Hello',
			template: 'booking_confirmed' as const,
			bookingId: null
		};
		await queueEmails(db, [email], new Date(now.getTime() - 31 * DAY), false);
		await queueEmails(db, [email], new Date(now.getTime() - 29 * DAY), false);

		expect(await applyRetention(db, now)).toMatchObject({ drafts: 1, emails: 1 });
		expect(await db.select().from(bookingDraft)).toHaveLength(1);
		expect(await db.select().from(emailOutbox)).toHaveLength(1);
	});
});
