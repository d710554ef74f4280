// Booking places on a roadshow session. Every write is one write transaction (withWriteTransaction):
// the capacity check and the insert or update happen under the write lock, so a session never
// holds more people than its capacity. Writes return what the caller needs to email people;
// emails are sent after commit, never inside a transaction.
import { and, asc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import { type Db, firstRow, lockForUpdate, onlyRow, withWriteTransaction } from '../db';
import { recordAudit, type Actor } from '../audit';
import { getConfig } from '../config';
import { ukToday } from '../../format';
import { consultationStatus, isClosedStatus } from '../consultations/status';
import {
	booking,
	bookingManageLink,
	consultation,
	roadshowSession,
	type Booking,
	type RoadshowSession
} from '../db/schema';
import { isBookingClosed, mostPlacesForBooking, partyFits, placesLeft } from './capacity';
import { DRAFT_LIFETIME_MS, getDraftAnswers } from './drafts';
import { partyOf, partyProblem, type PartyProblem, type Places } from './party';
import {
	generateManageToken,
	hashClientAddress,
	hashManageToken,
	manageLinkExpiresAt
} from './references';
import { bookingStatements } from './statements';
import { bookingDetailsSchema, type BookingDetails } from './validation';
import {
	countConfirmedPlaces,
	getSessionRow,
	newReference,
	promoteFromWaitingList,
	type Queryable
} from './queries';

// Text-message answers are optional here so callers that never ask (on-behalf and staff
// bookings, tests) need not say so. idempotencyKey: a resubmission with the same key finds the
// same booking (the public journey uses its draft id).
export type BookingInput = Omit<BookingDetails, 'mobile' | 'textMessages'> &
	Partial<Pick<BookingDetails, 'mobile' | 'textMessages'>> & {
		sessionId: number;
		idempotencyKey: string;
		/** Where the request came from (hashed before it is stored), for spotting bursts of fake bookings. */
		clientAddress?: string | null;
	};

export type SessionRefusal =
	| { kind: 'session_not_found' }
	| { kind: 'session_cancelled'; session: RoadshowSession }
	| { kind: 'booking_closed'; session: RoadshowSession };

export type CreateBookingResult =
	/**
	 * booking.status is 'confirmed' or 'waiting' (or, for a resubmission, whatever the booking is
	 * now). manageToken is only known when the booking was made by this call: a repeat gets null,
	 * as only the token's hash is stored.
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
	| { kind: 'invalid_party'; problem: PartyProblem }
	/** The family already has a live booking for this session: offer its manage link instead. */
	| { kind: 'already_booked'; session: RoadshowSession; booking: Booking }
	| SessionRefusal;

type DatedConsultation = Parameters<typeof consultationStatus>[0];

/** Closing a consultation (early or by date) ends booking on all its sessions at once. */
function consultationClosed(c: DatedConsultation, now: Date): boolean {
	return isClosedStatus(consultationStatus(c, ukToday(now)));
}

/** The family a booking is for: their own email, or the one a school gave on their behalf. */
function familyEmailOf(b: Pick<BookingDetails, 'bookedBy' | 'email' | 'familyEmail'>) {
	return b.bookedBy === 'family' ? b.email : b.familyEmail;
}

/**
 * The first step of every booking, inside the caller's transaction: the session, locked against
 * other bookings for it until the commit (on PostgreSQL; SQLite's writer is alone anyway), and
 * any booking this journey's idempotency key already made.
 */
async function lockSessionForBooking(db: Db, sessionId: number, idempotencyKey: string) {
	const q = bookingStatements(db);
	const found = firstRow(await q.sessionById.execute({ sessionId }));
	const existing = found
		? firstRow(await q.byIdempotencyKey.execute({ sessionId, key: idempotencyKey }))
		: undefined;
	return { found, existing };
}

type LockedSession = Awaited<ReturnType<typeof lockSessionForBooking>>;

/** Runs inside the caller's immediate transaction. */
async function placeIn(
	db: Db,
	input: BookingInput,
	now: Date,
	orWait: boolean,
	locked?: LockedSession
): Promise<CreateBookingResult> {
	const q = bookingStatements(db);
	const { found, existing } =
		locked ?? (await lockSessionForBooking(db, input.sessionId, input.idempotencyKey));
	if (!found) return { kind: 'session_not_found' } as const;
	const { session } = found;
	if (existing)
		return { kind: 'booked', booking: existing, session, manageToken: null, repeat: true } as const;
	if (session.cancelledAt) return { kind: 'session_cancelled', session } as const;
	if (isBookingClosed(session, now) || consultationClosed(found.consultation, now))
		return { kind: 'booking_closed', session } as const;
	const problem = partyProblem(input, {
		maxParty: getConfig().BOOKING_MAX_PARTY,
		childrenWelcome: session.childrenWelcome
	});
	if (problem) return { kind: 'invalid_party', problem } as const;
	const familyEmail = familyEmailOf(input);
	const twin = familyEmail
		? firstRow(await q.liveBookingForFamily.execute({ sessionId: session.id, familyEmail }))
		: undefined;
	if (twin) return { kind: 'already_booked', session, booking: twin } as const;

	const confirmedPlaces = Number(
		firstRow(await q.confirmedPlaces.execute({ sessionId: session.id }))?.places ?? 0
	);
	const fits = partyFits(partyOf(input), session.capacity, confirmedPlaces);
	const left = placesLeft(session.capacity, confirmedPlaces);
	if (!fits && !orWait) return { kind: 'full', session, placesLeft: left } as const;

	const row = onlyRow(
		await q.insertBooking.execute({
			roadshowSessionId: session.id,
			reference: await newReference(
				async (reference) => firstRow(await q.referenceTaken.execute({ reference })) !== undefined
			),
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
			clientAddressHash: input.clientAddress ? hashClientAddress(input.clientAddress) : null,
			waitingSince: fits ? null : now,
			createdAt: now,
			updatedAt: now
		})
	);
	const manageToken = await issueManageLink(db, row.id, now);
	return { kind: 'booked', booking: row, session, manageToken, repeat: false } as const;
}

/** A new manage link for a booking, inside the caller's transaction; older links keep working. */
async function issueManageLink(q: Db, bookingId: number, now: Date): Promise<string> {
	const manageToken = generateManageToken();
	await bookingStatements(q).insertManageLink.execute({
		bookingId,
		tokenHash: hashManageToken(manageToken),
		expiresAt: manageLinkExpiresAt(now),
		createdAt: now
	});
	return manageToken;
}

/** Confirms the booking if the whole party fits; otherwise stores nothing and returns 'full'. */
export async function createBooking(
	db: Db,
	input: BookingInput,
	now: Date
): Promise<CreateBookingResult> {
	return await withWriteTransaction(db, async (tx) => await placeIn(tx, input, now, false));
}

/**
 * Adds the party to the waiting list. If places have freed up since the visitor saw "full",
 * the booking is confirmed instead (the same automatic promotion the queue would give it).
 */
export async function joinWaitingList(
	db: Db,
	input: BookingInput,
	now: Date
): Promise<CreateBookingResult> {
	return await withWriteTransaction(db, async (tx) => await placeIn(tx, input, now, true));
}

export type ConfirmDraftResult =
	| CreateBookingResult
	/** The draft has gone (expired, or never existed) and made no booking. */
	| { kind: 'draft_expired' }
	/** A stored answer no longer passes (a tampered draft): the first field to fix. */
	| { kind: 'invalid_answers'; field: string };

/**
 * "Confirm booking" (or "Join the waiting list") for a booking journey. The draft's id is the
 * idempotency key, issued by the server with the draft, and the draft is consumed in the same
 * transaction as the booking: Back, reload, a second tab or a double click on the same journey
 * all find that one booking.
 */
export async function confirmBookingDraft(
	db: Db,
	draftId: string,
	sessionId: number,
	now: Date,
	orWait: boolean,
	clientAddress: string | null = null
): Promise<ConfirmDraftResult> {
	return await withWriteTransaction(db, async (tx) => {
		const locked = await lockSessionForBooking(tx, sessionId, draftId);
		if (locked.found && locked.existing)
			return {
				kind: 'booked',
				booking: locked.existing,
				session: locked.found.session,
				manageToken: null,
				repeat: true
			};
		const answers = await getDraftAnswers(tx, draftId, sessionId, now);
		if (!answers) return { kind: 'draft_expired' };
		const parsed = bookingDetailsSchema().safeParse(answers);
		if (!parsed.success)
			return { kind: 'invalid_answers', field: String(parsed.error.issues[0].path[0]) };
		const result = await placeIn(
			tx,
			{ ...parsed.data, sessionId, idempotencyKey: draftId, clientAddress },
			now,
			orWait,
			locked
		);
		if (result.kind === 'booked') await bookingStatements(tx).deleteDraft.execute({ draftId });
		return result;
	});
}

/**
 * The booking a journey made, for showing its confirmation again at the journey's addresses. Only
 * for as long as the draft itself would have lasted: the address is no lasting key to a booking.
 */
export async function findBookingOfDraft(
	db: Db,
	draftId: string,
	sessionId: number,
	now: Date
): Promise<Booking | undefined> {
	const found = firstRow(
		await bookingStatements(db).byIdempotencyKey.execute({ sessionId, key: draftId })
	);
	return found && now.getTime() - found.createdAt.getTime() < DRAFT_LIFETIME_MS ? found : undefined;
}

export type ManagedBooking = { booking: Booking; session: RoadshowSession };

export async function findBookingByManageToken(
	db: Db,
	token: string,
	now: Date
): Promise<ManagedBooking | undefined> {
	return token ? await findForManage(db, token, now) : undefined;
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
	| { kind: 'invalid_party'; problem: PartyProblem }
	| ManageRefusal;

/** The booking a manage link opens (any of its links, until that link expires), inside the caller's transaction. */
/** The booking a manage link opens, and its session; inside a change, both rows locked. */
export async function findForManage(
	q: Queryable,
	token: string,
	now: Date,
	{ forUpdate = false } = {}
) {
	const query = q
		.select({ booking, session: roadshowSession })
		.from(bookingManageLink)
		.innerJoin(booking, eq(booking.id, bookingManageLink.bookingId))
		.innerJoin(roadshowSession, eq(roadshowSession.id, booking.roadshowSessionId))
		.where(
			and(
				eq(bookingManageLink.tokenHash, hashManageToken(token)),
				gt(bookingManageLink.expiresAt, now)
			)
		)
		.limit(1);
	return firstRow(await (forUpdate ? lockForUpdate(q, query, [booking, roadshowSession]) : query));
}

/** Whether this booking's places can still be changed: the booking window, and the consultation still open. */
export async function canChangePlaces(
	q: Queryable,
	session: RoadshowSession,
	now: Date
): Promise<boolean> {
	if (isBookingClosed(session, now)) return false;
	const c = firstRow(
		await q
			.select({
				opensOn: consultation.opensOn,
				closesOn: consultation.closesOn,
				publishedAt: consultation.publishedAt,
				closedEarlyAt: consultation.closedEarlyAt,
				responsePublishedAt: consultation.responsePublishedAt
			})
			.from(consultation)
			.where(eq(consultation.id, session.consultationId))
			.limit(1)
	);
	return c !== undefined && !consultationClosed(c, now);
}

/** Changes a party's size within the places free; a smaller party frees places for the waiting list. */
export async function changeBookingPlaces(
	db: Db,
	token: string,
	places: Places,
	now: Date
): Promise<ChangePlacesResult> {
	return await withWriteTransaction(db, async (tx) => {
		const found = token ? await findForManage(tx, token, now, { forUpdate: true }) : undefined;
		if (!found) return { kind: 'not_found' } as const;
		const { booking: current, session } = found;
		if (current.status === 'cancelled') return { kind: 'booking_cancelled', ...found } as const;
		if (session.cancelledAt) return { kind: 'session_cancelled', ...found } as const;
		if (!(await canChangePlaces(tx, session, now)))
			return { kind: 'booking_closed', ...found } as const;
		const problem = partyProblem(places, {
			maxParty: getConfig().BOOKING_MAX_PARTY,
			childrenWelcome: session.childrenWelcome,
			childrenAlreadyBooked: current.children
		});
		if (problem) return { kind: 'invalid_party', problem } as const;

		const mostPlaces = mostPlacesForBooking(
			current,
			session.capacity,
			await countConfirmedPlaces(tx, session.id),
			getConfig().BOOKING_MAX_PARTY
		);
		if (partyOf(places) > mostPlaces)
			return { kind: 'not_enough_places', ...found, mostPlaces } as const;
		const updated = onlyRow(
			await tx
				.update(booking)
				.set({ adults: places.adults, children: places.children, updatedAt: now })
				.where(eq(booking.id, current.id))
				.returning()
		);
		// A smaller confirmed party frees places; a smaller waiting party may now fit.
		const promoted = await promoteFromWaitingList(tx, session, now);
		const self = promoted.find((b) => b.id === updated.id);
		return { kind: 'changed', booking: self ?? updated, session, promoted } as const;
	});
}

export type CancelBookingResult =
	| { kind: 'cancelled'; booking: Booking; session: RoadshowSession; promoted: Booking[] }
	| ManageRefusal;

async function cancelRow(q: Queryable, found: ManagedBooking, now: Date) {
	const cancelled = onlyRow(
		await q
			.update(booking)
			.set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
			.where(eq(booking.id, found.booking.id))
			.returning()
	);
	const promoted =
		found.booking.status === 'confirmed' ? await promoteFromWaitingList(q, found.session, now) : [];
	return { kind: 'cancelled', booking: cancelled, session: found.session, promoted } as const;
}

/**
 * Self-service cancellation with the manage link. A confirmed booking can be cancelled until
 * booking closes (organisers plan from the final numbers); leaving the waiting list is always allowed.
 */
export async function cancelBooking(
	db: Db,
	token: string,
	now: Date
): Promise<CancelBookingResult> {
	return await withWriteTransaction(db, async (tx) => {
		const found = token ? await findForManage(tx, token, now, { forUpdate: true }) : undefined;
		if (!found) return { kind: 'not_found' } as const;
		if (found.booking.status === 'cancelled')
			return { kind: 'booking_cancelled', ...found } as const;
		if (found.session.cancelledAt) return { kind: 'session_cancelled', ...found } as const;
		if (found.booking.status === 'confirmed' && isBookingClosed(found.session, now))
			return { kind: 'booking_closed', ...found } as const;
		return await cancelRow(tx, found, now);
	});
}

/**
 * Staff may cancel a live booking of a session at any time (not of a cancelled session: everyone
 * there has already been told). Freed places still go to the waiting list.
 */
export async function cancelBookingByStaff(
	db: Db,
	sessionId: number,
	bookingId: number,
	now: Date,
	actor?: Actor
): Promise<CancelBookingResult> {
	return await withWriteTransaction(db, async (tx) => {
		const found = firstRow(
			await lockForUpdate(
				tx,
				tx
					.select({ booking, session: roadshowSession })
					.from(booking)
					.innerJoin(roadshowSession, eq(roadshowSession.id, booking.roadshowSessionId))
					.where(and(eq(booking.id, bookingId), eq(booking.roadshowSessionId, sessionId)))
					.limit(1),
				[booking, roadshowSession]
			)
		);
		if (!found) return { kind: 'not_found' } as const;
		if (found.booking.status === 'cancelled')
			return { kind: 'booking_cancelled', ...found } as const;
		if (found.session.cancelledAt) return { kind: 'session_cancelled', ...found } as const;
		const result = await cancelRow(tx, found, now);
		if (actor) {
			const moved = result.promoted.length
				? ` (${result.promoted.length} moved from the waiting list)`
				: '';
			await recordAudit(
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
	});
}

export type CancelSelectedResult =
	| { kind: 'cancelled'; session: RoadshowSession; cancelled: Booking[]; promoted: Booking[] }
	/** Nothing changed: one of them is no longer a live booking of this session (a stale page). */
	| { kind: 'not_live' }
	| { kind: 'session_cancelled' };

/**
 * Staff cancel several bookings at once (a burst of fake bookings). All of them or none; places
 * go to the waiting list only after every selected booking has gone, so a fake entry waiting
 * behind the fake bookings is never promoted in their place. Each is audited.
 */
export async function cancelBookingsByStaff(
	db: Db,
	sessionId: number,
	bookingIds: number[],
	now: Date,
	actor: Actor
): Promise<CancelSelectedResult> {
	return await withWriteTransaction(db, async (tx) => {
		const session = await getSessionRow(tx, sessionId, { forUpdate: true });
		if (!session) return { kind: 'not_live' } as const;
		if (session.cancelledAt) return { kind: 'session_cancelled' } as const;
		const ids = [...new Set(bookingIds)];
		const live = ids.length
			? await tx
					.select()
					.from(booking)
					.where(
						and(
							inArray(booking.id, ids),
							eq(booking.roadshowSessionId, sessionId),
							ne(booking.status, 'cancelled')
						)
					)
					.orderBy(asc(booking.id))
			: [];
		if (ids.length === 0 || live.length !== ids.length) return { kind: 'not_live' } as const;
		const cancelled = [];
		for (const b of live)
			cancelled.push(
				onlyRow(
					await tx
						.update(booking)
						.set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
						.where(eq(booking.id, b.id))
						.returning()
				)
			);
		const promoted = live.some((b) => b.status === 'confirmed')
			? await promoteFromWaitingList(tx, session, now)
			: [];
		for (const b of live)
			await recordAudit(
				tx,
				{
					actorStaffUserId: actor.staffUserId,
					action: 'booking.cancelled_by_staff',
					subjectType: 'booking',
					subjectId: b.id,
					summary: `Cancelled booking ${b.reference} for roadshow session "${session.title}", one of ${live.length} cancelled together${promoted.length ? ` (${promoted.length} moved from the waiting list)` : ''}`,
					ip: actor.ip
				},
				now
			);
		return { kind: 'cancelled', session, cancelled, promoted } as const;
	});
}

/**
 * For "I've lost my link": gives each live booking made with this email address a new manage
 * link; the older links keep working, so someone who knows a family's email cannot break the
 * link they have. The caller emails the links and shows the same page whether or not anything
 * was found.
 */
export async function reissueManageLinks(
	db: Db,
	email: string,
	now: Date
): Promise<Array<ManagedBooking & { manageToken: string }>> {
	return await withWriteTransaction(db, async (tx) => {
		const rows = await tx
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
			);
		const reissued = [];
		for (const row of rows)
			reissued.push({ ...row, manageToken: await issueManageLink(tx, row.booking.id, now) });
		return reissued;
	});
}
