// Roadshow sessions: staff set-up, capacity changes, cancellation, and lists with live counts.
import { and, asc, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import {
	preparedPerDatabase,
	type Db,
	withWriteTransaction,
	firstRow,
	onlyRow,
	countWhere
} from '../db';
import { recordAudit, type Actor } from '../audit';
import {
	booking,
	consultation,
	roadshowSession,
	type Booking,
	type RoadshowSession
} from '../db/schema';
import { defaultBookingClosesAt } from './schedule';
import { sessionMoveBetween } from './sessionChanges';
import { queueSessionMoved } from './emails';
import type { SessionInput } from './sessionValidation';
import {
	confirmedPlacesSql,
	countConfirmedPlaces,
	getSessionRow,
	promoteFromWaitingList,
	type Queryable
} from './queries';

export type SessionWithCounts = RoadshowSession & { confirmedPlaces: number; waitingCount: number };

function sessionValues(input: SessionInput) {
	return {
		...input,
		bookingClosesAt: input.bookingClosesAt ?? defaultBookingClosesAt(input.startsAt)
	};
}

/** Staff changes record who made them; the demo seed passes no actor. */
async function audit(
	q: Queryable,
	actor: Actor | undefined,
	action: string,
	session: RoadshowSession,
	summary: string,
	now: Date
): Promise<void> {
	if (!actor) return;
	await recordAudit(
		q,
		{
			actorStaffUserId: actor.staffUserId,
			action,
			subjectType: 'roadshow_session',
			subjectId: session.id,
			summary,
			ip: actor.ip
		},
		now
	);
}

export async function createSession(
	db: Db,
	consultationId: number,
	input: SessionInput,
	now: Date,
	actor?: Actor
): Promise<RoadshowSession> {
	return await withWriteTransaction(db, async (tx) => {
		const session = onlyRow(
			await tx
				.insert(roadshowSession)
				.values({ ...sessionValues(input), consultationId, createdAt: now, updatedAt: now })
				.returning()
		);
		await audit(
			tx,
			actor,
			'roadshow_session.created',
			session,
			`Added roadshow session "${session.title}"`,
			now
		);
		return session;
	});
}

export type UpdateSessionResult =
	/** moved: families told of a new time or place (their messages are queued; see updateSession). */
	| { kind: 'updated'; session: RoadshowSession; promoted: Booking[]; moved: number }
	/** Capacity may not drop below the places already confirmed. */
	| { kind: 'below_confirmed'; confirmedPlaces: number }
	| { kind: 'not_found' }
	| { kind: 'session_cancelled' };

type Updated = Extract<UpdateSessionResult, { kind: 'updated' }>;

async function applyUpdate(
	q: Queryable,
	sessionId: number,
	changes: Partial<typeof roadshowSession.$inferInsert> & { capacity: number },
	now: Date
): Promise<
	Exclude<UpdateSessionResult, { kind: 'updated' }> | (Updated & { previous: RoadshowSession })
> {
	const current = await getSessionRow(q, sessionId, { forUpdate: true });
	if (!current) return { kind: 'not_found' };
	if (current.cancelledAt) return { kind: 'session_cancelled' };
	const confirmedPlaces = await countConfirmedPlaces(q, sessionId);
	if (changes.capacity < confirmedPlaces) return { kind: 'below_confirmed', confirmedPlaces };
	const session = onlyRow(
		await q
			.update(roadshowSession)
			.set({ ...changes, updatedAt: now })
			.where(eq(roadshowSession.id, sessionId))
			.returning()
	);
	// Raised capacity goes to the waiting list in the same transaction.
	return {
		kind: 'updated',
		session,
		promoted: await promoteFromWaitingList(q, session, now),
		moved: 0,
		previous: current
	};
}

/**
 * A session's time or place changed: every live booking's reminder is armed again (one already
 * sent spoke of the old time or place; one not yet due follows the new start time by itself).
 * Returns those bookings, confirmed and waiting, to be told.
 */
async function rearmReminders(q: Queryable, sessionId: number): Promise<Booking[]> {
	return (
		await q
			.update(booking)
			.set({ reminderSentAt: null })
			.where(and(eq(booking.roadshowSessionId, sessionId), ne(booking.status, 'cancelled')))
			.returning()
	).sort((a, b) => a.id - b.id);
}

/**
 * Saves the whole staff form, capacity rule included. When the time or place changes, everyone
 * booked or waiting is emailed the new details in the same transaction (a crash cannot lose the
 * news), and their reminders are armed again; call deliverQueued (emails.ts) after it returns.
 */
export async function updateSession(
	db: Db,
	sessionId: number,
	input: SessionInput,
	now: Date,
	actor?: Actor
): Promise<UpdateSessionResult> {
	return await withWriteTransaction(db, async (tx) => {
		const result = await applyUpdate(tx, sessionId, sessionValues(input), now);
		if (result.kind !== 'updated') return result;
		const { previous, ...updated } = result;
		if (sessionMoveBetween(previous, updated.session)) {
			const told = await rearmReminders(tx, sessionId);
			await queueSessionMoved(tx, previous, updated.session, told, now);
			updated.moved = told.length;
		}
		const promoted = updated.promoted.length
			? ` (${updated.promoted.length} moved from the waiting list)`
			: '';
		const told = updated.moved
			? `; ${updated.moved} ${updated.moved === 1 ? 'booking' : 'bookings'} told of the new time or place`
			: '';
		await audit(
			tx,
			actor,
			'roadshow_session.updated',
			updated.session,
			`Changed roadshow session "${updated.session.title}"${promoted}${told}`,
			now
		);
		return updated;
	});
}

export type CancelSessionResult =
	/** notify: everyone confirmed or waiting, to be told after commit. Their bookings keep their status as a record. */
	| { kind: 'cancelled'; session: RoadshowSession; notify: Booking[] }
	| { kind: 'already_cancelled'; session: RoadshowSession }
	| { kind: 'not_found' };

export async function cancelSession(
	db: Db,
	sessionId: number,
	reason: string,
	now: Date,
	actor?: Actor
): Promise<CancelSessionResult> {
	return await withWriteTransaction(db, async (tx) => {
		const current = await getSessionRow(tx, sessionId, { forUpdate: true });
		if (!current) return { kind: 'not_found' } as const;
		if (current.cancelledAt) return { kind: 'already_cancelled', session: current } as const;
		const session = onlyRow(
			await tx
				.update(roadshowSession)
				.set({ cancelledAt: now, cancellationReason: reason.trim() || null, updatedAt: now })
				.where(eq(roadshowSession.id, sessionId))
				.returning()
		);
		const notify = await tx
			.select()
			.from(booking)
			.where(and(eq(booking.roadshowSessionId, sessionId), ne(booking.status, 'cancelled')))
			.orderBy(asc(booking.id));
		await audit(
			tx,
			actor,
			'roadshow_session.cancelled',
			session,
			`Cancelled roadshow session "${session.title}"`,
			now
		);
		return { kind: 'cancelled', session, notify } as const;
	});
}

function selectWithCounts(db: Db) {
	return db
		.select({
			session: roadshowSession,
			confirmedPlaces: confirmedPlacesSql,
			waitingCount: countWhere(eq(booking.status, 'waiting'))
		})
		.from(roadshowSession)
		.leftJoin(booking, eq(booking.roadshowSessionId, roadshowSession.id))
		.$dynamic();
}

const withCounts = (r: {
	session: RoadshowSession;
	confirmedPlaces: number;
	waitingCount: number;
}) => ({
	...r.session,
	confirmedPlaces: Number(r.confirmedPlaces),
	waitingCount: Number(r.waitingCount)
});

/** Every session of a consultation by start time, with places confirmed and waiting entries, in one query. */
export async function listSessionsForConsultation(
	db: Db,
	consultationId: number
): Promise<SessionWithCounts[]> {
	return (
		await selectWithCounts(db)
			.where(eq(roadshowSession.consultationId, consultationId))
			.groupBy(roadshowSession.id)
			.orderBy(asc(roadshowSession.startsAt), asc(roadshowSession.id))
	).map(withCounts);
}

const sessionWithCounts = preparedPerDatabase((db) =>
	selectWithCounts(db)
		.where(eq(roadshowSession.id, sql.placeholder('sessionId')))
		.groupBy(roadshowSession.id)
		.prepare()
);

export async function getSessionWithCounts(
	db: Db,
	sessionId: number
): Promise<SessionWithCounts | undefined> {
	const row = firstRow(await sessionWithCounts(db).execute({ sessionId }));
	return row ? withCounts(row) : undefined;
}

export type UpcomingSession = SessionWithCounts & { consultationTitle: string };

/** Sessions not cancelled that start from `from` on, across consultations, soonest first: the facilitators' way in. */
export async function listUpcomingSessions(db: Db, from: Date): Promise<UpcomingSession[]> {
	return (
		await db
			.select({
				session: roadshowSession,
				consultationTitle: consultation.title,
				confirmedPlaces: confirmedPlacesSql,
				waitingCount: countWhere(eq(booking.status, 'waiting'))
			})
			.from(roadshowSession)
			.innerJoin(consultation, eq(consultation.id, roadshowSession.consultationId))
			.leftJoin(booking, eq(booking.roadshowSessionId, roadshowSession.id))
			.where(and(gte(roadshowSession.startsAt, from), isNull(roadshowSession.cancelledAt)))
			.groupBy(roadshowSession.id, consultation.id)
			.orderBy(asc(roadshowSession.startsAt), asc(roadshowSession.id))
	).map((r) => ({ ...withCounts(r), consultationTitle: r.consultationTitle }));
}
