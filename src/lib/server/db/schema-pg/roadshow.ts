import { sql } from 'drizzle-orm';
import {
	pgTable,
	text,
	integer,
	boolean,
	timestamp,
	jsonb,
	index,
	uniqueIndex,
	unique,
	check
} from 'drizzle-orm/pg-core';
import { consultation } from './consultations';
import { oneOf } from './checks';
import {
	sessionModes,
	bookingStatuses,
	bookedByCodes,
	accessNeedCodes,
	type AccessNeed
} from '../schema-sqlite/roadshow';

// The code lists are the SQLite schema's own, so the two engines accept the same values.
export { sessionModes, bookingStatuses, bookedByCodes, accessNeedCodes };

/** Milliseconds, with the time zone: the SQLite schema's `timestamp_ms` integers. */
const ts = { mode: 'date', withTimezone: true, precision: 3 } as const;

export const roadshowSession = pgTable(
	'roadshow_session',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
		startsAt: timestamp('starts_at', ts).notNull(),
		endsAt: timestamp('ends_at', ts),
		/** Places, counting every adult and child. */
		capacity: integer('capacity').notNull(),
		bookingClosesAt: timestamp('booking_closes_at', ts).notNull(),
		stepFreeAccess: boolean('step_free_access').notNull().default(false),
		hearingLoop: boolean('hearing_loop').notNull().default(false),
		parking: text('parking').notNull().default(''),
		quietRoom: boolean('quiet_room').notNull().default(false),
		accessibilityNotes: text('accessibility_notes').notNull().default(''),
		childrenWelcome: boolean('children_welcome').notNull().default(true),
		cancelledAt: timestamp('cancelled_at', ts),
		cancellationReason: text('cancellation_reason'),
		createdAt: timestamp('created_at', ts).notNull(),
		updatedAt: timestamp('updated_at', ts).notNull()
	},
	(t) => [
		index('roadshow_session_consultation_idx').on(t.consultationId, t.startsAt),
		// The reminder job looks sessions up by start time across consultations.
		index('roadshow_session_starts_idx').on(t.startsAt),
		check('roadshow_session_capacity_check', sql`${t.capacity} >= 1`),
		check('roadshow_session_mode_check', oneOf(t.mode, sessionModes)),
		check('roadshow_session_times_check', sql`${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`),
		// The target of composite foreign keys: a note's or response's session is of its consultation.
		// A UNIQUE constraint where SQLite has a unique index (the same index in PostgreSQL): drizzle-kit
		// writes it into CREATE TABLE, so it is there before the foreign keys that refer to it.
		unique('roadshow_session_id_consultation_idx').on(t.id, t.consultationId)
	]
);

export const booking = pgTable(
	'booking',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
		accessNeeds: jsonb('access_needs').$type<AccessNeed[]>().notNull().default([]),
		accessNeedsOther: text('access_needs_other'),
		consentToContact: boolean('consent_to_contact').notNull().default(false),
		/** A UK mobile number for text messages, normalised to +447..., only with textMessages. */
		mobile: text('mobile'),
		/** The person agreed to reminders and changes by text as well as email. */
		textMessages: boolean('text_messages').notNull().default(false),
		/** Queue order on the waiting list; kept after promotion for the record. */
		waitingSince: timestamp('waiting_since', ts),
		promotedAt: timestamp('promoted_at', ts),
		cancelledAt: timestamp('cancelled_at', ts),
		attendedAt: timestamp('attended_at', ts),
		reminderSentAt: timestamp('reminder_sent_at', ts),
		/**
		 * Hex SHA-256 of the client address the booking was made from, so staff can see many
		 * bookings made from one place; never the address itself. Removed with the contact details.
		 */
		clientAddressHash: text('client_address_hash'),
		createdAt: timestamp('created_at', ts).notNull(),
		updatedAt: timestamp('updated_at', ts).notNull()
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

/**
 * A booking's manage links. Each link sent (at booking, and each "re-send my link") is its own
 * row, so sending a new one never breaks an older one. Only the secret's hash is stored.
 */
export const bookingManageLink = pgTable(
	'booking_manage_link',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		bookingId: integer('booking_id')
			.notNull()
			.references(() => booking.id, { onDelete: 'cascade' }),
		/** Hex SHA-256 of the manage-link secret; the secret itself is never stored. */
		tokenHash: text('token_hash').notNull().unique(),
		expiresAt: timestamp('expires_at', ts).notNull(),
		createdAt: timestamp('created_at', ts).notNull()
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
export const bookingDraft = pgTable(
	'booking_draft',
	{
		/** 128 random bits, base64url. */
		id: text('id').primaryKey(),
		roadshowSessionId: integer('roadshow_session_id')
			.notNull()
			.references(() => roadshowSession.id, { onDelete: 'cascade' }),
		/** The answers as posted (strings), checked again in full on "Confirm booking". */
		answers: jsonb('answers').$type<Record<string, string | string[]>>().notNull().default({}),
		createdAt: timestamp('created_at', ts).notNull(),
		updatedAt: timestamp('updated_at', ts).notNull()
	},
	(t) => [index('booking_draft_updated_idx').on(t.updatedAt)]
);
