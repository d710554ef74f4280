// What the service tells families about their bookings. Call the notify* functions AFTER the
// write transaction commits: each queues its emails in the outbox, then starts delivery without
// blocking the caller. The returned promise settles when delivery has been tried; it never
// rejects. The queue* functions run INSIDE a write's transaction instead, for changes whose
// messages must be committed with them (a moved session, a claimed reminder).
// Families who agreed to texts also get reminders and changes by text (see textTemplates.ts).
import { inArray } from 'drizzle-orm';
import { type Db, withWriteTransaction } from '../db';
import { roadshowSession, type Booking, type RoadshowSession } from '../db/schema';
import { getConfig } from '../config';
import { log } from '../log';
import {
	deliverPending,
	queueEmailsAndTexts,
	sendEmails,
	sendTexts,
	type OutgoingEmail,
	type OutgoingText
} from '../notify';
import { claimDueReminders } from './reminders';
import { renderEmail, type TemplateName } from './emailTemplates';
import { renderText, textRecipient } from './textTemplates';
import { bookingCalendarFile } from './calendar';

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
	toFamily?: boolean;
	/** Instead of the booking's own address (the old address, told that it changed). */
	to?: string;
	contactEmail?: string;
	previous?: RoadshowSession;
};

// A calendar file goes with emails that put the session in (or take it out of) a calendar.
const withCalendar = new Set<TemplateName>([
	'booking_confirmed',
	'promoted_from_waiting_list',
	'reminder',
	'booking_cancelled',
	'session_cancelled',
	'session_moved'
]);

function email(item: Item): OutgoingEmail {
	const { template, booking, session, manageToken, toFamily, contactEmail, previous } = item;
	const baseUrl = getConfig().PUBLIC_URL;
	const { subject, text } = renderEmail(template, {
		booking,
		session,
		manageToken,
		toFamily,
		baseUrl,
		contactEmail,
		previous
	});
	const to = item.to ?? (toFamily && booking.familyEmail ? booking.familyEmail : booking.email);
	// Waiting-list entries have no place to put in a calendar. No manage token: copies are kept.
	const calendar =
		withCalendar.has(template) && booking.status !== 'waiting'
			? () => calendarFile(session, booking, baseUrl)
			: null;
	return {
		to,
		subject,
		text,
		template,
		bookingId: booking.id,
		calendar,
		capped: PUBLIC_TRIGGERED.has(template)
	};
}

/** A booking made for a family, with the family's own email address (not the booker's). */
export function familyHasOwnEmail(b: Booking): boolean {
	return (
		b.bookedBy === 'on_behalf' &&
		!!b.familyEmail &&
		b.familyEmail.trim().toLowerCase() !== b.email.trim().toLowerCase()
	);
}

/** The email still goes without its calendar file if that cannot be made. */
function calendarFile(session: RoadshowSession, booking: Booking, baseUrl: string): string | null {
	try {
		return bookingCalendarFile(session, booking, baseUrl);
	} catch (err) {
		log.warn({ bookingId: booking.id, err: String(err) }, 'calendar file not attached');
		return null;
	}
}

function texts(items: Item[]): OutgoingText[] {
	const baseUrl = getConfig().PUBLIC_URL;
	// A family's copy of an email is not texted again: the booking has one mobile number.
	return items.flatMap(({ template, booking, session, toFamily }) => {
		const to = !toFamily && textRecipient(booking);
		const text = to && renderText(template, { booking, session, baseUrl });
		return to && text ? [{ to, text, template, bookingId: booking.id }] : [];
	});
}

/** Settles with the number of emails queued, once delivery of emails and texts has been tried. */
async function send(db: Db, items: Item[], now = new Date()): Promise<number> {
	const [emailed] = await Promise.all([
		sendEmails(db, items.map(email), now),
		sendTexts(db, texts(items), now)
	]);
	return emailed;
}

/** Stores the emails and texts inside the caller's transaction; see queueEmailsAndTexts. */
async function queue(db: Db, items: Item[], now: Date): Promise<number> {
	return await queueEmailsAndTexts(db, items.map(email), texts(items), now);
}

type Booked = {
	booking: Booking;
	session: RoadshowSession;
	manageToken: string | null;
	repeat: boolean;
};

/**
 * After createBooking or joinWaitingList returned 'booked' (joinWaitingList may confirm the party
 * if places freed up meanwhile): a confirmation or waiting-list email,
 * and the same (with the manage link) to the family when someone booked for them and gave the
 * family's email. A repeat submission sends nothing (the first one already did).
 */
export function notifyBooked(db: Db, result: Booked): Promise<number> {
	if (result.repeat) return Promise.resolve(0);
	const template: TemplateName =
		result.booking.status === 'waiting' ? 'waiting_list_joined' : 'booking_confirmed';
	const { booking, session, manageToken } = result;
	return send(db, [
		{ template, booking, session, manageToken },
		...(familyHasOwnEmail(booking)
			? [{ template, booking, session, manageToken, toFamily: true }]
			: [])
	]);
}

async function sessionsOf(db: Db, bookings: Booking[]): Promise<Map<number, RoadshowSession>> {
	const ids = [...new Set(bookings.map((b) => b.roadshowSessionId))];
	if (ids.length === 0) return new Map();
	const rows = await db.select().from(roadshowSession).where(inArray(roadshowSession.id, ids));
	return new Map(rows.map((s) => [s.id, s]));
}

async function promotedItems(db: Db, promoted: Booking[]): Promise<Item[]> {
	const sessions = await sessionsOf(db, promoted);
	return promoted.map((booking) => ({
		template: 'promoted_from_waiting_list' as const,
		booking,
		session: sessions.get(booking.roadshowSessionId)!
	}));
}

/** Waiting-list entries confirmed by a write (cancellation, smaller party, raised capacity). */
export async function notifyPromoted(db: Db, promoted: Booking[]): Promise<number> {
	return send(db, await promotedItems(db, promoted));
}

type Changed = { booking: Booking; session: RoadshowSession; promoted: Booking[] };

/**
 * After changeBookingPlaces: tells the family what changed (or, if their smaller party now fits,
 * that they have a place) and tells anyone promoted into the places freed.
 */
export async function notifyChanged(
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
		...(await promotedItems(db, others))
	]);
}

type DetailsChanged = {
	booking: Booking;
	session: RoadshowSession;
	previousEmail: string | null;
	familyEmailChanged: boolean;
};

/**
 * After changeBookingDetails: the details now held, to the booking's address; and, when the
 * email address changed, a note to the old one, so a stranger with the link cannot quietly take
 * the booking's emails away. A family whose email was just given gets the confirmation and
 * the link, as they would have when booked for.
 */
export function notifyDetailsChanged(
	db: Db,
	result: DetailsChanged,
	manageToken: string,
	contactEmail: string
): Promise<number> {
	const { booking, session, previousEmail } = result;
	const toFamily = result.familyEmailChanged && familyHasOwnEmail(booking);
	const confirmed: TemplateName =
		booking.status === 'waiting' ? 'waiting_list_joined' : 'booking_confirmed';
	return send(db, [
		{ template: 'booking_details_changed', booking, session, manageToken },
		...(toFamily ? [{ template: confirmed, booking, session, manageToken, toFamily }] : []),
		...(previousEmail
			? [
					{
						template: 'booking_email_changed' as const,
						booking,
						session,
						to: previousEmail,
						contactEmail
					}
				]
			: [])
	]);
}

/** After cancelBooking or cancelBookingByStaff: a cancellation email, and emails to anyone promoted. */
export async function notifyCancelled(db: Db, result: Changed): Promise<number> {
	return send(db, [
		{ template: 'booking_cancelled', booking: result.booking, session: result.session },
		...(await promotedItems(db, result.promoted))
	]);
}

/** After cancelBookingsByStaff: each cancelled booking is told, and anyone given places. */
export async function notifySelectedCancelled(
	db: Db,
	result: { session: RoadshowSession; cancelled: Booking[]; promoted: Booking[] }
): Promise<number> {
	return send(db, [
		...result.cancelled.map((booking) => ({
			template: 'booking_cancelled' as const,
			booking,
			session: result.session
		})),
		...(await promotedItems(db, result.promoted))
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
 * Inside updateSession's transaction, when the session's time or place changed: everyone
 * confirmed or waiting is told what changed, with the new details and calendar file (and the
 * family too, when someone booked for them with the family's email).
 */
export async function queueSessionMoved(
	db: Db,
	previous: RoadshowSession,
	session: RoadshowSession,
	bookings: Booking[],
	now: Date
): Promise<number> {
	return await queue(
		db,
		bookings
			.filter((b) => b.status !== 'cancelled')
			.flatMap((booking) => {
				const item = { template: 'session_moved' as const, booking, session, previous };
				return familyHasOwnEmail(booking) ? [item, { ...item, toFamily: true }] : [item];
			}),
		now
	);
}

/** After a write that queued messages in its transaction: starts their delivery. */
export function deliverQueued(db: Db): Promise<number> {
	return deliverPending(db);
}

/**
 * Claims and emails the reminders now due. Safe to run often and from several processes: each
 * booking is claimed once (see claimDueReminders), and its messages are queued in the claim's
 * transaction, so a reminder is never marked sent without its email, nor queued twice.
 */
export async function sendDueReminders(db: Db, now = new Date()): Promise<number> {
	const claimed = await withWriteTransaction(db, async (tx) => {
		const due = await claimDueReminders(tx, now);
		await queue(
			tx,
			due.map((d) => ({ template: 'reminder' as const, ...d })),
			now
		);
		return due.length;
	});
	if (claimed) {
		log.info({ reminders: claimed }, 'reminders queued');
		await deliverPending(db);
	}
	return claimed;
}
