// Booking places on a roadshow session. Every write is one synchronous immediate transaction:
// the capacity check and the insert or update happen under the write lock, so a session never
// holds more people than its capacity. Writes return what the caller needs to email people;
// emails are sent after commit, never inside a transaction.
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { recordAudit, type Actor } from '../audit';
import { booking, roadshowSession, type Booking, type RoadshowSession } from '../db/schema';
import { childrenAllowed, hasStarted, isBookingClosed, partyFits, placesLeft } from './capacity';
import { generateManageToken, hashManageToken } from './references';
import { bookingStatements } from './statements';
import type { BookingDetails, Places } from './validation';
import {
	countConfirmedPlaces,
	isValidParty,
	newReference,
	partyOf,
	promoteFromWaitingList,
	type Queryable
} from './queries';

// Text-message answers are optional here so callers that never ask (on-behalf and staff
// bookings, tests) need not say so.
export type BookingInput = Omit<BookingDetails, 'mobile' | 'textMessages'> &
	Partial<Pick<BookingDetails, 'mobile' | 'textMessages'>> & { sessionId: number };

export type SessionRefusal =
	| { kind: 'session_not_found' }
	| { kind: 'session_cancelled'; session: RoadshowSession }
	| { kind: 'booking_closed'; session: RoadshowSession };

export type CreateBookingResult =
	/**
	 * booking.status is 'confirmed' or 'waiting' (or, for a resubmitted old form, whatever the
	 * booking is now). manageToken is only known when the booking was made by this call: a
	 * repeat gets null, as only the token's hash is stored.
	 */
	| {
			kind: 'booked';
			booking: Booking;
			session: RoadshowSession;
			manageToken: string | null;
			repeat: boolean;
	  }
	/** Nothing was stored: offer the waiting list with the same details. */
	| { kind: 'full'; session: RoadshowSession; placesLeft: number }
	| { kind: 'invalid_party' }
	/** Children asked for on an adults-only session (only a tampered form can do this). */
	| { kind: 'children_not_welcome' }
	| SessionRefusal;

const immediate = { behavior: 'immediate' } as const;

function placeBooking(
	db: Db,
	input: BookingInput,
	now: Date,
	orWait: boolean
): CreateBookingResult {
	const q = bookingStatements(db);
	return db.transaction(() => {
		const session = q.sessionById.get({ sessionId: input.sessionId });
		if (!session) return { kind: 'session_not_found' } as const;
		const existing = q.byIdempotencyKey.get({ sessionId: session.id, key: input.idempotencyKey });
		if (existing)
			return {
				kind: 'booked',
				booking: existing,
				session,
				manageToken: null,
				repeat: true
			} as const;
		if (session.cancelledAt) return { kind: 'session_cancelled', session } as const;
		if (isBookingClosed(session, now) || hasStarted(session, now))
			return { kind: 'booking_closed', session } as const;
		if (!isValidParty(input.adults, input.children)) return { kind: 'invalid_party' } as const;
		if (!childrenAllowed(session, input.children)) return { kind: 'children_not_welcome' } as const;

		const confirmedPlaces = Number(q.confirmedPlaces.get({ sessionId: session.id })?.places ?? 0);
		const fits = partyFits(input.adults + input.children, session.capacity, confirmedPlaces);
		const left = placesLeft(session.capacity, confirmedPlaces);
		if (!fits && !orWait) return { kind: 'full', session, placesLeft: left } as const;

		const manageToken = generateManageToken();
		const row = q.insertBooking.get({
			roadshowSessionId: session.id,
			reference: newReference((reference) => q.referenceTaken.get({ reference }) !== undefined),
			manageTokenHash: hashManageToken(manageToken),
			idempotencyKey: input.idempotencyKey,
			status: fits ? 'confirmed' : 'waiting',
			adults: input.adults,
			children: input.children,
			bookedBy: input.bookedBy,
			organisationName: input.organisationName,
			organisationRole: input.organisationRole,
			contactName: input.contactName,
			email: input.email,
			phone: input.phone,
			familyName: input.familyName,
			familyEmail: input.familyEmail,
			familyPhone: input.familyPhone,
			accessNeeds: input.accessNeeds,
			accessNeedsOther: input.accessNeedsOther,
			consentToContact: input.consentToContact,
			mobile: input.textMessages ? (input.mobile ?? null) : null,
			textMessages: Boolean(input.textMessages && input.mobile),
			waitingSinceMs: fits ? null : now.getTime(),
			createdAt: now,
			updatedAt: now
		})!;
		return { kind: 'booked', booking: row, session, manageToken, repeat: false } as const;
	}, immediate);
}

/** Confirms the booking if the whole party fits; otherwise stores nothing and returns 'full'. */
export function createBooking(db: Db, input: BookingInput, now: Date): CreateBookingResult {
	return placeBooking(db, input, now, false);
}

/**
 * Adds the party to the waiting list. If places have freed up since the visitor saw "full",
 * the booking is confirmed instead (the same automatic promotion the queue would give it).
 */
export function joinWaitingList(db: Db, input: BookingInput, now: Date): CreateBookingResult {
	return placeBooking(db, input, now, true);
}

export type ManagedBooking = { booking: Booking; session: RoadshowSession };

export function findBookingByManageToken(db: Db, token: string): ManagedBooking | undefined {
	return token ? findForManage(db, token) : undefined;
}

type ManageRefusal =
	| { kind: 'not_found' }
	| { kind: 'booking_cancelled'; booking: Booking; session: RoadshowSession }
	| { kind: 'session_cancelled'; booking: Booking; session: RoadshowSession }
	| { kind: 'booking_closed'; booking: Booking; session: RoadshowSession };

export type ChangePlacesResult =
	| { kind: 'changed'; booking: Booking; session: RoadshowSession; promoted: Booking[] }
	/** mostPlaces: the largest party this booking could have now. */
	| { kind: 'not_enough_places'; booking: Booking; session: RoadshowSession; mostPlaces: number }
	| { kind: 'invalid_party' }
	| { kind: 'children_not_welcome' }
	| ManageRefusal;

function findForManage(q: Queryable, token: string) {
	return q
		.select({ booking, session: roadshowSession })
		.from(booking)
		.innerJoin(roadshowSession, eq(roadshowSession.id, booking.roadshowSessionId))
		.where(eq(booking.manageTokenHash, hashManageToken(token)))
		.get();
}

/** Changes a party's size within the places free; a smaller party frees places for the waiting list. */
export function changeBookingPlaces(
	db: Db,
	token: string,
	places: Places,
	now: Date
): ChangePlacesResult {
	return db.transaction((tx) => {
		const found = token ? findForManage(tx, token) : undefined;
		if (!found) return { kind: 'not_found' } as const;
		const { booking: current, session } = found;
		if (current.status === 'cancelled') return { kind: 'booking_cancelled', ...found } as const;
		if (session.cancelledAt) return { kind: 'session_cancelled', ...found } as const;
		if (isBookingClosed(session, now) || hasStarted(session, now))
			return { kind: 'booking_closed', ...found } as const;
		if (!isValidParty(places.adults, places.children)) return { kind: 'invalid_party' } as const;
		if (!childrenAllowed(session, places.children, current.children))
			return { kind: 'children_not_welcome' } as const;

		if (current.status === 'confirmed') {
			const othersConfirmed = countConfirmedPlaces(tx, session.id) - partyOf(current);
			const mostPlaces = placesLeft(session.capacity, othersConfirmed);
			if (places.adults + places.children > mostPlaces)
				return { kind: 'not_enough_places', ...found, mostPlaces } as const;
		}
		const updated = tx
			.update(booking)
			.set({ adults: places.adults, children: places.children, updatedAt: now })
			.where(eq(booking.id, current.id))
			.returning()
			.get();
		// A smaller confirmed party frees places; a smaller waiting party may now fit.
		const promoted = promoteFromWaitingList(tx, session, now);
		const self = promoted.find((b) => b.id === updated.id);
		return { kind: 'changed', booking: self ?? updated, session, promoted } as const;
	}, immediate);
}

export type CancelBookingResult =
	| { kind: 'cancelled'; booking: Booking; session: RoadshowSession; promoted: Booking[] }
	| ManageRefusal;

function cancelRow(q: Queryable, found: ManagedBooking, now: Date) {
	const cancelled = q
		.update(booking)
		.set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
		.where(eq(booking.id, found.booking.id))
		.returning()
		.get();
	const promoted =
		found.booking.status === 'confirmed' ? promoteFromWaitingList(q, found.session, now) : [];
	return { kind: 'cancelled', booking: cancelled, session: found.session, promoted } as const;
}

/**
 * Self-service cancellation with the manage link. A confirmed booking can be cancelled until
 * booking closes (organisers plan from the final numbers); leaving the waiting list is always allowed.
 */
export function cancelBooking(db: Db, token: string, now: Date): CancelBookingResult {
	return db.transaction((tx) => {
		const found = token ? findForManage(tx, token) : undefined;
		if (!found) return { kind: 'not_found' } as const;
		if (found.booking.status === 'cancelled')
			return { kind: 'booking_cancelled', ...found } as const;
		if (found.session.cancelledAt) return { kind: 'session_cancelled', ...found } as const;
		if (
			found.booking.status === 'confirmed' &&
			(isBookingClosed(found.session, now) || hasStarted(found.session, now))
		)
			return { kind: 'booking_closed', ...found } as const;
		return cancelRow(tx, found, now);
	}, immediate);
}

/**
 * Staff may cancel a live booking of a session at any time (not of a cancelled session: everyone
 * there has already been told). Freed places still go to the waiting list.
 */
export function cancelBookingByStaff(
	db: Db,
	sessionId: number,
	bookingId: number,
	now: Date,
	actor?: Actor
): CancelBookingResult {
	return db.transaction((tx) => {
		const found = tx
			.select({ booking, session: roadshowSession })
			.from(booking)
			.innerJoin(roadshowSession, eq(roadshowSession.id, booking.roadshowSessionId))
			.where(and(eq(booking.id, bookingId), eq(booking.roadshowSessionId, sessionId)))
			.get();
		if (!found) return { kind: 'not_found' } as const;
		if (found.booking.status === 'cancelled')
			return { kind: 'booking_cancelled', ...found } as const;
		if (found.session.cancelledAt) return { kind: 'session_cancelled', ...found } as const;
		const result = cancelRow(tx, found, now);
		if (actor) {
			const moved = result.promoted.length
				? ` (${result.promoted.length} moved from the waiting list)`
				: '';
			recordAudit(
				tx,
				{
					actorStaffUserId: actor.staffUserId,
					action: 'booking.cancelled_by_staff',
					subjectType: 'booking',
					subjectId: found.booking.id,
					// The reference only: the audit log is no place for names or contact details.
					summary: `Cancelled booking ${found.booking.reference} for roadshow session "${found.session.title}"${moved}`,
					ip: actor.ip
				},
				now
			);
		}
		return result;
	}, immediate);
}

/**
 * For "I've lost my link": gives each live booking made with this email address a new manage
 * token (the old link stops working, as only hashes are stored). The caller emails the links
 * and shows the same page whether or not anything was found.
 */
export function reissueManageLinks(
	db: Db,
	email: string,
	now: Date
): Array<ManagedBooking & { manageToken: string }> {
	return db.transaction((tx) => {
		const rows = tx
			.select({ booking, session: roadshowSession })
			.from(booking)
			.innerJoin(roadshowSession, eq(roadshowSession.id, booking.roadshowSessionId))
			.where(
				and(
					sql`lower(${booking.email}) = lower(${email.trim()})`,
					ne(booking.status, 'cancelled'),
					isNull(roadshowSession.cancelledAt),
					gt(roadshowSession.startsAt, now)
				)
			)
			.all();
		return rows.map((row) => {
			const manageToken = generateManageToken();
			const updated = tx
				.update(booking)
				.set({ manageTokenHash: hashManageToken(manageToken), updatedAt: now })
				.where(eq(booking.id, row.booking.id))
				.returning()
				.get();
			return { booking: updated, session: row.session, manageToken };
		});
	}, immediate);
}
