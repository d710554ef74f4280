import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { consultation } from './consultations';
import { oneOf } from './checks';

export const sessionModes = ['in_person', 'online'] as const;
export const bookingStatuses = ['confirmed', 'waiting', 'cancelled'] as const;
export const bookedByCodes = ['family', 'on_behalf'] as const;

export const accessNeedCodes = [
	'bsl',
	'wheelchair',
	'hearing_loop',
	'quiet_space',
	'reading_help',
	'other',
	'none'
] as const;
export type AccessNeed = (typeof accessNeedCodes)[number];

export const roadshowSession = sqliteTable(
	'roadshow_session',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** Free text shown to the public, e.g. "Parents/Practitioners". */
		audienceLabel: text('audience_label').notNull().default(''),
		venueName: text('venue_name').notNull().default(''),
		address: text('address').notNull().default(''),
		postcode: text('postcode').notNull().default(''),
		/** Optional district, for filtering the public list. */
		area: text('area'),
		mode: text('mode', { enum: sessionModes }).notNull().default('in_person'),
		/** Online sessions only; shown to booked people, never on public pages. */
		joiningLink: text('joining_link'),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		endsAt: integer('ends_at', { mode: 'timestamp_ms' }),
		/** Places, counting every adult and child. */
		capacity: integer('capacity').notNull(),
		bookingClosesAt: integer('booking_closes_at', { mode: 'timestamp_ms' }).notNull(),
		stepFreeAccess: integer('step_free_access', { mode: 'boolean' }).notNull().default(false),
		hearingLoop: integer('hearing_loop', { mode: 'boolean' }).notNull().default(false),
		parking: text('parking').notNull().default(''),
		quietRoom: integer('quiet_room', { mode: 'boolean' }).notNull().default(false),
		accessibilityNotes: text('accessibility_notes').notNull().default(''),
		childrenWelcome: integer('children_welcome', { mode: 'boolean' }).notNull().default(true),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
		cancellationReason: text('cancellation_reason'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('roadshow_session_consultation_idx').on(t.consultationId, t.startsAt),
		// The reminder job looks sessions up by start time across consultations.
		index('roadshow_session_starts_idx').on(t.startsAt),
		check('roadshow_session_capacity_check', sql`${t.capacity} >= 1`),
		check('roadshow_session_mode_check', oneOf(t.mode, sessionModes)),
		check('roadshow_session_times_check', sql`${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`),
		// The target of composite foreign keys: a note's or response's session is of its consultation.
		uniqueIndex('roadshow_session_id_consultation_idx').on(t.id, t.consultationId)
	]
);

export const booking = sqliteTable(
	'booking',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roadshowSessionId: integer('roadshow_session_id')
			.notNull()
			.references(() => roadshowSession.id, { onDelete: 'cascade' }),
		/** Short and unambiguous, e.g. "K7PM-3XQD"; not a secret. */
		reference: text('reference').notNull().unique(),
		/** From the form, so a resubmission finds the same booking. */
		idempotencyKey: text('idempotency_key').notNull(),
		status: text('status', { enum: bookingStatuses }).notNull(),
		adults: integer('adults').notNull(),
		children: integer('children').notNull().default(0),
		bookedBy: text('booked_by', { enum: bookedByCodes }).notNull(),
		organisationName: text('organisation_name'),
		organisationRole: text('organisation_role'),
		/** The person booking: the family, or the practitioner booking on their behalf. */
		contactName: text('contact_name').notNull(),
		email: text('email').notNull(),
		phone: text('phone'),
		/** On-behalf bookings only, all optional: the family the places are for. */
		familyName: text('family_name'),
		familyEmail: text('family_email'),
		familyPhone: text('family_phone'),
		accessNeeds: text('access_needs', { mode: 'json' }).$type<AccessNeed[]>().notNull().default([]),
		accessNeedsOther: text('access_needs_other'),
		consentToContact: integer('consent_to_contact', { mode: 'boolean' }).notNull().default(false),
		/** A UK mobile number for text messages, normalised to +447..., only with textMessages. */
		mobile: text('mobile'),
		/** The person agreed to reminders and changes by text as well as email. */
		textMessages: integer('text_messages', { mode: 'boolean' }).notNull().default(false),
		/** Queue order on the waiting list; kept after promotion for the record. */
		waitingSince: integer('waiting_since', { mode: 'timestamp_ms' }),
		promotedAt: integer('promoted_at', { mode: 'timestamp_ms' }),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
		attendedAt: integer('attended_at', { mode: 'timestamp_ms' }),
		reminderSentAt: integer('reminder_sent_at', { mode: 'timestamp_ms' }),
		/**
		 * Hex SHA-256 of the client address the booking was made from, so staff can see many
		 * bookings made from one place; never the address itself. Removed with the contact details.
		 */
		clientAddressHash: text('client_address_hash'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('booking_session_idempotency_idx').on(t.roadshowSessionId, t.idempotencyKey),
		// Serves the waiting queue in join order, and covers the confirmed-places sum (no row reads).
		index('booking_session_status_idx').on(
			t.roadshowSessionId,
			t.status,
			t.waitingSince,
			t.adults,
			t.children
		),
		index('booking_reminder_idx').on(t.status, t.reminderSentAt),
		// At least one adult comes with every party (roadshow/party.ts says why).
		check('booking_party_check', sql`${t.adults} >= 1 AND ${t.children} >= 0`),
		check('booking_status_check', oneOf(t.status, bookingStatuses)),
		check('booking_booked_by_check', oneOf(t.bookedBy, bookedByCodes)),
		check(
			'booking_waiting_since_check',
			sql`${t.status} <> 'waiting' OR ${t.waitingSince} IS NOT NULL`
		)
	]
);

export type RoadshowSession = typeof roadshowSession.$inferSelect;
export type Booking = typeof booking.$inferSelect;

/**
 * A booking's manage links. Each link sent (at booking, and each "re-send my link") is its own
 * row, so sending a new one never breaks an older one. Only the secret's hash is stored.
 */
export const bookingManageLink = sqliteTable(
	'booking_manage_link',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		bookingId: integer('booking_id')
			.notNull()
			.references(() => booking.id, { onDelete: 'cascade' }),
		/** Hex SHA-256 of the manage-link secret; the secret itself is never stored. */
		tokenHash: text('token_hash').notNull().unique(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('booking_manage_link_booking_idx').on(t.bookingId),
		check('booking_manage_link_expiry_check', sql`${t.expiresAt} > ${t.createdAt}`)
	]
);

/**
 * A booking journey in progress. The public get no cookies, so answers wait here between question
 * pages, keyed by a random id in the page address (never personal data). Drafts expire after a day.
 */
export const bookingDraft = sqliteTable(
	'booking_draft',
	{
		/** 128 random bits, base64url. */
		id: text('id').primaryKey(),
		roadshowSessionId: integer('roadshow_session_id')
			.notNull()
			.references(() => roadshowSession.id, { onDelete: 'cascade' }),
		/** The answers as posted (strings), checked again in full on "Confirm booking". */
		answers: text('answers', { mode: 'json' })
			.$type<Record<string, string | string[]>>()
			.notNull()
			.default({}),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('booking_draft_updated_idx').on(t.updatedAt)]
);

export type BookingDraft = typeof bookingDraft.$inferSelect;
