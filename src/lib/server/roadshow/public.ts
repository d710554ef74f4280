// Sessions as the public sees them: no joining link (that goes only to booked people), and the
// availability worked out by the capacity rules.
import type { Db } from '../db';
import { availabilityLabel, sessionAvailability, type Availability } from './capacity';
import {
	getSessionWithCounts,
	listSessionsForConsultation,
	type SessionWithCounts
} from './sessions';

export type PublicSession = {
	id: number;
	title: string;
	audienceLabel: string;
	venueName: string;
	address: string;
	postcode: string;
	area: string | null;
	mode: 'in_person' | 'online';
	startsAt: Date;
	endsAt: Date | null;
	bookingClosesAt: Date;
	stepFreeAccess: boolean;
	hearingLoop: boolean;
	parking: string;
	quietRoom: boolean;
	accessibilityNotes: string;
	childrenWelcome: boolean;
	cancellationReason: string | null;
	availability: Availability;
	/** "12 places left", "Fully booked: join the waiting list", "Booking closed". */
	availabilityLabel: string;
};

function toPublic(s: SessionWithCounts, now: Date, consultationClosed: boolean): PublicSession {
	const availability = sessionAvailability(
		s,
		s.confirmedPlaces,
		s.waitingCount,
		now,
		consultationClosed
	);
	return {
		id: s.id,
		title: s.title,
		audienceLabel: s.audienceLabel,
		venueName: s.venueName,
		address: s.address,
		postcode: s.postcode,
		area: s.area,
		mode: s.mode,
		startsAt: s.startsAt,
		endsAt: s.endsAt,
		bookingClosesAt: s.bookingClosesAt,
		stepFreeAccess: s.stepFreeAccess,
		hearingLoop: s.hearingLoop,
		parking: s.parking,
		quietRoom: s.quietRoom,
		accessibilityNotes: s.accessibilityNotes,
		childrenWelcome: s.childrenWelcome,
		cancellationReason: s.cancelledAt ? s.cancellationReason : null,
		availability,
		availabilityLabel: availabilityLabel(availability)
	};
}

export type SessionFilters = { audience?: string | null; area?: string | null };

const distinct = (values: (string | null)[]) =>
	[...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));

/**
 * Upcoming sessions that are not cancelled, by date, with the filter choices drawn from them.
 * consultation.closed: the consultation has closed, which closes booking on every session.
 */
export async function listPublicSessions(
	db: Db,
	consultation: { id: number; closed: boolean },
	now: Date,
	filters: SessionFilters = {}
) {
	const upcoming = (await listSessionsForConsultation(db, consultation.id)).filter(
		(s) => !s.cancelledAt && s.startsAt.getTime() > now.getTime()
	);
	const sessions = upcoming
		.filter((s) => !filters.audience || s.audienceLabel === filters.audience)
		.filter((s) => !filters.area || s.area === filters.area)
		.map((s) => toPublic(s, now, consultation.closed));
	return {
		sessions,
		total: upcoming.length,
		audiences: distinct(upcoming.map((s) => s.audienceLabel)),
		areas: distinct(upcoming.map((s) => s.area))
	};
}

/** One session of this consultation, including cancelled and past ones (their pages explain). */
export async function findPublicSession(
	db: Db,
	consultation: { id: number; closed: boolean },
	sessionId: number,
	now: Date
): Promise<PublicSession | undefined> {
	if (!Number.isSafeInteger(sessionId) || sessionId < 1) return undefined;
	const s = await getSessionWithCounts(db, sessionId);
	return s && s.consultationId === consultation.id
		? toPublic(s, now, consultation.closed)
		: undefined;
}
