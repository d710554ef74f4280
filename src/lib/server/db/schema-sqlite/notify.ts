import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, blob, check } from 'drizzle-orm/sqlite-core';
import { oneOf } from './checks';
import { booking } from './roadshow';

export const messageChannels = ['email', 'sms', 'letter'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/**
 * Where a message is in its delivery: queued (first try or a retry after nextAttemptAt), sending
 * (claimed by one process), sent (the provider accepted it; a receipt may follow), delivered,
 * failed (for good), or kept (no provider is set up: the outbox is the destination).
 */
export const messageStatuses = [
	'queued',
	'sending',
	'sent',
	'delivered',
	'failed',
	'kept'
] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const messageTransports = ['outbox', 'smtp', 'notify'] as const;

/** Every message the service sends (email, text or letter), kept as a record whatever the channel. */
export const emailOutbox = sqliteTable(
	'email_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** An email address, a normalised mobile number (+447...) or, for letters, who it is for. */
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		/** e.g. "booking_confirmed", "waiting_list_joined", "booking_promoted", "session_reminder". */
		template: text('template').notNull(),
		bookingId: integer('booking_id').references(() => booking.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		/** When the provider accepted it. */
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		transport: text('transport', { enum: messageTransports }).notNull(),
		/** The last problem, kept while retrying and after failing. */
		error: text('error'),
		channel: text('channel', { enum: messageChannels }).notNull().default('email'),
		status: text('status', { enum: messageStatuses }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		/** A retry waits until then (back-off). */
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
		/** When status last changed (a claim's age tells a crashed sender from a slow one). */
		statusChangedAt: integer('status_changed_at', { mode: 'timestamp_ms' }),
		/** GOV.UK Notify's notification id, for receipts and polling. */
		providerId: text('provider_id'),
		/** The provider's own status word, e.g. Notify's "temporary-failure". */
		providerStatus: text('provider_status'),
		/** A calendar file sent with the email (SMTP attaches it); never holds a secret link. */
		calendarIcs: text('calendar_ics'),
		/** A precompiled letter: the printable PDF. */
		letterPdf: blob('letter_pdf', { mode: 'buffer' }),
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

export type EmailOutbox = typeof emailOutbox.$inferSelect;
