// Shared set-up for the roadshow unit tests: an in-memory database with one consultation.
import { type Db, onlyRow } from '../db';
import { consultation, roadshowSession, type RoadshowSession } from '../db/schema';
import type { BookingInput } from './bookings';
import type { SessionInput } from './sessionValidation';
import { openTestDatabase } from '../db/testDatabase';

export const NOW = new Date('2026-06-01T09:00:00Z');
let keys = 0;

export async function testDb(): Promise<{ db: Db; consultationId: number }> {
	const db = await openTestDatabase();
	const row = onlyRow(
		await db
			.insert(consultation)
			.values({
				slug: 'send-strategy',
				title: 'SEND strategy',
				summary: 'Have your say',
				contactEmail: 'send@example.org',
				opensOn: '2026-05-01',
				closesOn: '2026-07-31',
				createdAt: NOW,
				updatedAt: NOW
			})
			.returning()
	);
	return { db, consultationId: row.id };
}

export async function addSession(
	db: Db,
	consultationId: number,
	values: Partial<typeof roadshowSession.$inferInsert> = {}
): Promise<RoadshowSession> {
	return onlyRow(
		await db
			.insert(roadshowSession)
			.values({
				consultationId,
				title: 'Parents and practitioners',
				audienceLabel: 'Parents/Practitioners',
				venueName: 'Bridge Chapel',
				address: '1 Chapel Road\nLiverpool',
				postcode: 'L1 1JD',
				startsAt: new Date('2026-06-10T16:30:00Z'),
				bookingClosesAt: new Date('2026-06-09T17:00:00Z'),
				capacity: 10,
				createdAt: NOW,
				updatedAt: NOW,
				...values
			})
			.returning()
	);
}

export function bookingInput(sessionId: number, values: Partial<BookingInput> = {}): BookingInput {
	const n = ++keys;
	return {
		sessionId,
		idempotencyKey: `key-${String(n).padStart(16, '0')}`,
		bookedBy: 'family',
		organisationName: null,
		organisationRole: null,
		adults: 1,
		children: 1,
		contactName: 'Sam Parent',
		// One family per booking: a second live booking for the same family is refused.
		email: `sam.${n}@example.com`,
		phone: null,
		familyName: null,
		familyEmail: null,
		familyPhone: null,
		accessNeeds: ['none'],
		accessNeedsOther: null,
		consentToContact: true,
		...values
	};
}

/** The staff form's answers that would save the session exactly as it is. */
export function inputOf(s: RoadshowSession): SessionInput {
	return {
		title: s.title,
		audienceLabel: s.audienceLabel,
		mode: s.mode,
		venueName: s.venueName,
		address: s.address,
		postcode: s.postcode,
		area: s.area,
		joiningLink: s.joiningLink,
		startsAt: s.startsAt,
		endsAt: s.endsAt,
		capacity: s.capacity,
		bookingClosesAt: s.bookingClosesAt,
		stepFreeAccess: s.stepFreeAccess,
		hearingLoop: s.hearingLoop,
		parking: s.parking,
		quietRoom: s.quietRoom,
		accessibilityNotes: s.accessibilityNotes,
		childrenWelcome: s.childrenWelcome
	};
}
