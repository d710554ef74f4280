import { sql } from 'drizzle-orm';
import { pgTable, text, integer, timestamp, index, check, customType } from 'drizzle-orm/pg-core';
import { oneOf } from './checks';
import { booking } from './roadshow';
import { messageChannels, messageStatuses, messageTransports } from '../schema-sqlite/notify';

// The code lists are the SQLite schema's own, so the two engines accept the same values.
export { messageChannels, messageStatuses, messageTransports };

/** Milliseconds, with the time zone: the SQLite schema's `timestamp_ms` integers. */
const ts = { mode: 'date', withTimezone: true, precision: 3 } as const;

/** SQLite's `blob({ mode: 'buffer' })`: drizzle's pg-core has no bytea builder of its own. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Where a message is in its delivery: queued (first try or a retry after nextAttemptAt), sending
 * (claimed by one process), sent (the provider accepted it; a receipt may follow), delivered,
 * failed (for good), or kept (no provider is set up: the outbox is the destination).
 */
/** Every message the service sends (email, text or letter), kept as a record whatever the channel. */
export const emailOutbox = pgTable(
	'email_outbox',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		/** An email address, a normalised mobile number (+447...) or, for letters, who it is for. */
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		/** e.g. "booking_confirmed", "waiting_list_joined", "booking_promoted", "session_reminder". */
		template: text('template').notNull(),
		bookingId: integer('booking_id').references(() => booking.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', ts).notNull(),
		/** When the provider accepted it. */
		sentAt: timestamp('sent_at', ts),
		transport: text('transport', { enum: messageTransports }).notNull(),
		/** The last problem, kept while retrying and after failing. */
		error: text('error'),
		channel: text('channel', { enum: messageChannels }).notNull().default('email'),
		status: text('status', { enum: messageStatuses }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		/** A retry waits until then (back-off). */
		nextAttemptAt: timestamp('next_attempt_at', ts),
		/** When status last changed (a claim's age tells a crashed sender from a slow one). */
		statusChangedAt: timestamp('status_changed_at', ts),
		/** GOV.UK Notify's notification id, for receipts and polling. */
		providerId: text('provider_id'),
		/** The provider's own status word, e.g. Notify's "temporary-failure". */
		providerStatus: text('provider_status'),
		/** A calendar file sent with the email (SMTP attaches it); never holds a secret link. */
		calendarIcs: text('calendar_ics'),
		/** A precompiled letter: the printable PDF. */
		letterPdf: bytea('letter_pdf'),
		/**
		 * Set (to the lowercased address) on emails anyone can make us send to an address, such as
		 * link emails: at most a few are queued per address per hour, whatever is asked.
		 */
		capKey: text('cap_key')
	},
	(t) => [
		index('email_outbox_created_idx').on(t.createdAt),
		index('email_outbox_status_idx').on(t.status, t.nextAttemptAt),
		index('email_outbox_provider_idx').on(t.providerId),
		index('email_outbox_booking_idx').on(t.bookingId),
		index('email_outbox_cap_idx').on(t.capKey, t.createdAt),
		check('email_outbox_transport_check', oneOf(t.transport, messageTransports)),
		check('email_outbox_channel_check', oneOf(t.channel, messageChannels)),
		check('email_outbox_status_check', oneOf(t.status, messageStatuses)),
		check('email_outbox_attempts_check', sql`${t.attempts} >= 0`)
	]
);
