// Prepared queries for placing a booking, the hot path (many families pressing "Confirm booking"
// at once). Built per handle: inside a transaction, on its handle.
import { and, eq, ne, sql } from 'drizzle-orm';
import { lockForUpdate, placeholderFor, preparedPerDatabase } from '../db';
import {
	booking,
	bookingDraft,
	bookingManageLink,
	consultation,
	roadshowSession
} from '../db/schema';
import { confirmedPlacesSql } from './queries';

const p = (name: string) => sql.placeholder(name);

// Every column a new booking is given; placeholders keep each column's mapping (JSON, dates, booleans).
const insertColumns = [
	'roadshowSessionId',
	'reference',
	'idempotencyKey',
	'status',
	'adults',
	'children',
	'bookedBy',
	'organisationName',
	'organisationRole',
	'contactName',
	'email',
	'phone',
	'familyName',
	'familyEmail',
	'familyPhone',
	'accessNeeds',
	'accessNeedsOther',
	'consentToContact',
	'mobile',
	'textMessages',
	'clientAddressHash',
	'createdAt',
	'updatedAt'
] as const;

export const bookingStatements = preparedPerDatabase((db) => ({
	/**
	 * The session with what its consultation's status needs (closing early ends booking), its
	 * row locked: every change to a session's bookings reads it first, so they take turns.
	 */
	sessionById: lockForUpdate(
		db,
		db
			.select({
				session: roadshowSession,
				consultation: {
					opensOn: consultation.opensOn,
					closesOn: consultation.closesOn,
					publishedAt: consultation.publishedAt,
					closedEarlyAt: consultation.closedEarlyAt,
					responsePublishedAt: consultation.responsePublishedAt
				}
			})
			.from(roadshowSession)
			.innerJoin(consultation, eq(consultation.id, roadshowSession.consultationId))
			.where(eq(roadshowSession.id, p('sessionId'))),
		roadshowSession
	).prepare(),
	byIdempotencyKey: db
		.select()
		.from(booking)
		.where(and(eq(booking.roadshowSessionId, p('sessionId')), eq(booking.idempotencyKey, p('key'))))
		.prepare(),
	confirmedPlaces: db
		.select({ places: confirmedPlacesSql })
		.from(booking)
		.where(eq(booking.roadshowSessionId, p('sessionId')))
		.prepare(),
	/** A live booking of this session for the same family: their own email, or the one a school gave for them. */
	liveBookingForFamily: db
		.select()
		.from(booking)
		.where(
			and(
				eq(booking.roadshowSessionId, p('sessionId')),
				ne(booking.status, 'cancelled'),
				sql`lower(case when ${booking.bookedBy} = 'family' then ${booking.email} else ${booking.familyEmail} end) = lower(${p('familyEmail')})`
			)
		)
		.prepare(),
	referenceTaken: db
		.select({ id: booking.id })
		.from(booking)
		.where(eq(booking.reference, p('reference')))
		.prepare(),
	insertBooking: db
		.insert(booking)
		.values({
			...(Object.fromEntries(
				insertColumns.map((c) => [c, p(c)])
			) as unknown as typeof booking.$inferInsert),
			waitingSince: placeholderFor('waitingSince', booking.waitingSince)
		})
		.returning()
		.prepare(),
	/** A confirmed journey's draft, consumed with its booking. */
	deleteDraft: db
		.delete(bookingDraft)
		.where(eq(bookingDraft.id, p('draftId')))
		.prepare(),
	insertManageLink: db
		.insert(bookingManageLink)
		.values({
			bookingId: p('bookingId'),
			tokenHash: p('tokenHash'),
			expiresAt: p('expiresAt'),
			createdAt: p('createdAt')
		})
		.prepare()
}));
