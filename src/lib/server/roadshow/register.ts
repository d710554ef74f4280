// The staff register of a session: who is coming, who is waiting, what the venue must prepare.
import { and, asc, eq, isNull, isNotNull, ne, sql } from 'drizzle-orm';
import { type Db, firstRow } from '../db';
import { booking, type AccessNeed, type Booking, type RoadshowSession } from '../db/schema';
import { listFailedMessages } from '../notify';
import { partyOf } from './party';
import { getSessionRow } from './queries';

export type AccessNeedTotals = Record<Exclude<AccessNeed, 'none'>, number>;

export type SessionRegister = {
	session: RoadshowSession;
	/** By contact name, for finding people at the door. */
	confirmed: Booking[];
	/** In queue order. */
	waiting: Booking[];
	confirmedPlaces: number;
	waitingPlaces: number;
	checkedInPlaces: number;
	/** Confirmed bookings asking for each need. */
	accessNeedTotals: AccessNeedTotals;
};

export async function getSessionRegister(
	db: Db,
	sessionId: number
): Promise<SessionRegister | undefined> {
	const session = await getSessionRow(db, sessionId);
	if (!session) return undefined;
	const confirmed = await db
		.select()
		.from(booking)
		.where(and(eq(booking.roadshowSessionId, sessionId), eq(booking.status, 'confirmed')))
		.orderBy(sql`lower(${booking.contactName})`, asc(booking.id));
	const waiting = await db
		.select()
		.from(booking)
		.where(and(eq(booking.roadshowSessionId, sessionId), eq(booking.status, 'waiting')))
		.orderBy(asc(booking.waitingSince), asc(booking.id));
	const accessNeedTotals: AccessNeedTotals = {
		bsl: 0,
		wheelchair: 0,
		hearing_loop: 0,
		quiet_space: 0,
		reading_help: 0,
		other: 0
	};
	for (const b of confirmed)
		for (const need of b.accessNeeds)
			if (need !== 'none' && need in accessNeedTotals) accessNeedTotals[need]++;
	const sum = (list: Booking[]) => list.reduce((n, b) => n + partyOf(b), 0);
	return {
		session,
		confirmed,
		waiting,
		confirmedPlaces: sum(confirmed),
		waitingPlaces: sum(waiting),
		checkedInPlaces: sum(confirmed.filter((b) => b.attendedAt)),
		accessNeedTotals
	};
}

/** Marks a confirmed booking of this session as arrived; undefined if there is no such booking. */
export async function checkInBooking(
	db: Db,
	sessionId: number,
	bookingId: number,
	now: Date
): Promise<Booking | undefined> {
	return (
		firstRow(
			await db
				.update(booking)
				.set({ attendedAt: now, updatedAt: now })
				.where(
					and(
						eq(booking.id, bookingId),
						eq(booking.roadshowSessionId, sessionId),
						eq(booking.status, 'confirmed'),
						isNull(booking.attendedAt)
					)
				)
				.returning()
		) ?? (await findInSession(db, sessionId, bookingId))
	);
}

export async function undoCheckIn(
	db: Db,
	sessionId: number,
	bookingId: number,
	now: Date
): Promise<Booking | undefined> {
	return (
		firstRow(
			await db
				.update(booking)
				.set({ attendedAt: null, updatedAt: now })
				.where(
					and(
						eq(booking.id, bookingId),
						eq(booking.roadshowSessionId, sessionId),
						isNotNull(booking.attendedAt)
					)
				)
				.returning()
		) ?? (await findInSession(db, sessionId, bookingId))
	);
}

async function findInSession(
	db: Db,
	sessionId: number,
	bookingId: number
): Promise<Booking | undefined> {
	return firstRow(
		await db
			.select()
			.from(booking)
			.where(
				and(
					eq(booking.id, bookingId),
					eq(booking.roadshowSessionId, sessionId),
					eq(booking.status, 'confirmed')
				)
			)
			.limit(1)
	);
}

/** A confirmed or waiting booking of this session, for the staff pages about one booking. */
export async function getLiveBooking(
	db: Db,
	sessionId: number,
	bookingId: number
): Promise<Booking | undefined> {
	return firstRow(
		await db
			.select()
			.from(booking)
			.where(
				and(
					eq(booking.id, bookingId),
					eq(booking.roadshowSessionId, sessionId),
					ne(booking.status, 'cancelled')
				)
			)
			.limit(1)
	);
}

/** Messages about this session's bookings (any status) that could not be delivered. */
export async function listFailedSessionMessages(db: Db, sessionId: number) {
	const references = new Map(
		(
			await db
				.select({ id: booking.id, reference: booking.reference })
				.from(booking)
				.where(eq(booking.roadshowSessionId, sessionId))
		).map((b) => [b.id, b.reference])
	);
	return (await listFailedMessages(db, [...references.keys()])).map((m) => ({
		...m,
		bookingReference: references.get(m.bookingId!) ?? ''
	}));
}
