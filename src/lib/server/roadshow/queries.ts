// Queries shared by the roadshow write functions; they run inside the caller's transaction.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { booking, roadshowSession, type Booking, type RoadshowSession } from '../db/schema';
import { type Queryable, firstRow, lockForUpdate, sumOf } from '../db';
import { hasStarted, placesLeft } from './capacity';
import { planPromotions } from './waitingList';
import { partyOf } from './party';
import { generateBookingReference } from './references';

export type { Queryable };

/** Places taken by confirmed bookings: the one definition, in every query that needs it. */
export const confirmedPlacesSql = sumOf(
	sql`case when ${booking.status} = 'confirmed' then ${booking.adults} + ${booking.children} end`
);

/** A session; inside a change to it or its bookings, its row locked (lockForUpdate). */
export async function getSessionRow(
	q: Queryable,
	sessionId: number,
	{ forUpdate = false } = {}
): Promise<RoadshowSession | undefined> {
	const query = q.select().from(roadshowSession).where(eq(roadshowSession.id, sessionId)).limit(1);
	return firstRow(await (forUpdate ? lockForUpdate(q, query) : query));
}

export async function countConfirmedPlaces(q: Queryable, sessionId: number): Promise<number> {
	const row = firstRow(
		await q
			.select({ places: confirmedPlacesSql })
			.from(booking)
			.where(eq(booking.roadshowSessionId, sessionId))
			.limit(1)
	);
	return Number(row?.places ?? 0);
}

/** A reference no other booking has (collisions are rare: 31^8 possibilities). */
export async function newReference(
	isTaken: (reference: string) => Promise<boolean>
): Promise<string> {
	for (;;) {
		const reference = generateBookingReference();
		if (!(await isTaken(reference))) return reference;
	}
}

/**
 * Confirms waiting-list entries that now fit (policy in waitingList.ts). Call inside the write
 * transaction that freed the places; the caller emails the returned bookings after commit.
 */
export async function promoteFromWaitingList(
	q: Queryable,
	session: RoadshowSession,
	now: Date
): Promise<Booking[]> {
	if (session.cancelledAt || hasStarted(session, now)) return [];
	const free = placesLeft(session.capacity, await countConfirmedPlaces(q, session.id));
	if (free === 0) return [];
	const queue = await q
		.select()
		.from(booking)
		.where(and(eq(booking.roadshowSessionId, session.id), eq(booking.status, 'waiting')))
		.orderBy(asc(booking.waitingSince), asc(booking.id));
	const ids = planPromotions(
		free,
		queue.map((b) => ({ id: b.id, party: partyOf(b) }))
	);
	if (ids.length === 0) return [];
	const promoted = await q
		.update(booking)
		.set({ status: 'confirmed', promotedAt: now, updatedAt: now })
		.where(inArray(booking.id, ids))
		.returning();
	return ids.map((id) => promoted.find((b) => b.id === id)!);
}
