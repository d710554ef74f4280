// Prepared queries for placing a booking, the hot path (many families pressing "Confirm booking"
// at once). They take the database, and inside a caller's transaction run in it: better-sqlite3
// has one connection.
import { and, eq, sql } from 'drizzle-orm';
import { preparedPerDatabase } from '../db';
import { booking, roadshowSession } from '../db/schema';

const p = (name: string) => sql.placeholder(name);

// Every column a new booking is given; placeholders keep each column's mapping (JSON, dates, booleans).
const insertColumns = [
	'roadshowSessionId',
	'reference',
	'manageTokenHash',
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
	'createdAt',
	'updatedAt'
] as const;

export const bookingStatements = preparedPerDatabase((db) => ({
	sessionById: db
		.select()
		.from(roadshowSession)
		.where(eq(roadshowSession.id, p('sessionId')))
		.prepare(),
	byIdempotencyKey: db
		.select()
		.from(booking)
		.where(and(eq(booking.roadshowSessionId, p('sessionId')), eq(booking.idempotencyKey, p('key'))))
		.prepare(),
	confirmedPlaces: db
		.select({ places: sql<number>`coalesce(sum(${booking.adults} + ${booking.children}), 0)` })
		.from(booking)
		.where(and(eq(booking.roadshowSessionId, p('sessionId')), eq(booking.status, 'confirmed')))
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
			// Drizzle maps placeholder dates but trips on null: this nullable one takes epoch milliseconds.
			waitingSince: sql`${p('waitingSinceMs')}`
		})
		.returning()
		.prepare()
}));
