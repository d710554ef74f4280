// What the service tells families about their bookings. Call these AFTER the write transaction
// commits: each queues its emails in the outbox, then starts delivery without blocking the
// caller. The returned promise settles when delivery has been tried; it never rejects.
import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { roadshowSession, type Booking, type RoadshowSession } from '../db/schema';
import { getConfig } from '../config';
import { log } from '../log';
import { sendEmails, type OutgoingEmail } from '../notify';
import { claimDueReminders } from './reminders';
import { renderEmail, type TemplateName } from './emailTemplates';

/**
 * Link emails anyone can ask for with someone else's address: capped per address (notify/outbox.ts).
 * Confirmations are not capped (a school booking several families gets each one); bookings per
 * email address are limited at the contact step instead (limits/policy.ts).
 */
const PUBLIC_TRIGGERED = new Set<TemplateName>(['manage_link_resent']);

type Item = {
	template: TemplateName;
	booking: Booking;
	session: RoadshowSession;
	manageToken?: string | null;
};

function email({ template, booking, session, manageToken }: Item): OutgoingEmail {
	const { subject, text } = renderEmail(template, {
		booking,
		session,
		manageToken,
		baseUrl: getConfig().PUBLIC_URL
	});
	return {
		to: booking.email,
		subject,
		text,
		template,
		bookingId: booking.id,
		capped: PUBLIC_TRIGGERED.has(template)
	};
}

function send(db: Db, items: Item[], now = new Date()): Promise<number> {
	return sendEmails(db, items.map(email), now);
}

type Booked = {
	booking: Booking;
	session: RoadshowSession;
	manageToken: string | null;
	repeat: boolean;
};

/**
 * After createBooking or joinWaitingList returned 'booked': a confirmation or waiting-list email.
 * A repeat submission sends nothing (the first one already did).
 */
export function notifyBooked(db: Db, result: Booked): Promise<number> {
	if (result.repeat) return Promise.resolve(0);
	const template =
		result.booking.status === 'waiting' ? 'waiting_list_joined' : 'booking_confirmed';
	return send(db, [{ template, ...result }]);
}

/** The same as notifyBooked: joinWaitingList may confirm the party if places freed up meanwhile. */
export const notifyWaiting = notifyBooked;

function sessionsOf(db: Db, bookings: Booking[]): Map<number, RoadshowSession> {
	const ids = [...new Set(bookings.map((b) => b.roadshowSessionId))];
	if (ids.length === 0) return new Map();
	const rows = db.select().from(roadshowSession).where(inArray(roadshowSession.id, ids)).all();
	return new Map(rows.map((s) => [s.id, s]));
}

function promotedItems(db: Db, promoted: Booking[]): Item[] {
	const sessions = sessionsOf(db, promoted);
	return promoted.map((booking) => ({
		template: 'promoted_from_waiting_list' as const,
		booking,
		session: sessions.get(booking.roadshowSessionId)!
	}));
}

/** Waiting-list entries confirmed by a write (cancellation, smaller party, raised capacity). */
export function notifyPromoted(db: Db, promoted: Booking[]): Promise<number> {
	return send(db, promotedItems(db, promoted));
}

type Changed = { booking: Booking; session: RoadshowSession; promoted: Booking[] };

/**
 * After changeBookingPlaces: tells the family what changed (or, if their smaller party now fits,
 * that they have a place) and tells anyone promoted into the places freed.
 */
export function notifyChanged(
	db: Db,
	result: Changed,
	manageToken?: string | null
): Promise<number> {
	const selfPromoted = result.promoted.some((b) => b.id === result.booking.id);
	const others = result.promoted.filter((b) => b.id !== result.booking.id);
	return send(db, [
		{
			template: selfPromoted ? 'promoted_from_waiting_list' : 'booking_changed',
			booking: result.booking,
			session: result.session,
			manageToken
		},
		...promotedItems(db, others)
	]);
}

/** After cancelBooking or cancelBookingByStaff: a cancellation email, and emails to anyone promoted. */
export function notifyCancelled(db: Db, result: Changed): Promise<number> {
	return send(db, [
		{ template: 'booking_cancelled', booking: result.booking, session: result.session },
		...promotedItems(db, result.promoted)
	]);
}

/** After cancelSession: everyone who was confirmed or waiting. */
export function notifySessionCancelled(
	db: Db,
	session: RoadshowSession,
	bookings: Booking[]
): Promise<number> {
	return send(
		db,
		bookings
			.filter((b) => b.status !== 'cancelled')
			.map((booking) => ({ template: 'session_cancelled' as const, booking, session }))
	);
}

/** After reissueManageLinks: one email per booking, each with its new link. */
export function notifyManageLinks(
	db: Db,
	reissued: Array<{ booking: Booking; session: RoadshowSession; manageToken: string }>
): Promise<number> {
	return send(
		db,
		reissued.map((r) => ({ template: 'manage_link_resent' as const, ...r }))
	);
}

/**
 * Claims and emails the reminders now due. Safe to run often and from several processes:
 * each booking is claimed once (see claimDueReminders).
 */
export async function sendDueReminders(db: Db, now = new Date()): Promise<number> {
	const due = claimDueReminders(db, now);
	await send(
		db,
		due.map((d) => ({ template: 'reminder' as const, ...d })),
		now
	);
	if (due.length) log.info({ reminders: due.length }, 'reminders sent');
	return due.length;
}
