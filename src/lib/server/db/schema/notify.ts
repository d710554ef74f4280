import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { booking } from './roadshow';

/** Every email the service sends, kept as a record; the demo default never leaves this table. */
export const emailOutbox = sqliteTable(
	'email_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		/** e.g. "booking_confirmed", "waiting_list_joined", "booking_promoted", "session_reminder". */
		template: text('template').notNull(),
		bookingId: integer('booking_id').references(() => booking.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		transport: text('transport', { enum: ['outbox', 'smtp'] }).notNull(),
		error: text('error'),
		/**
		 * Set (to the lowercased address) on emails anyone can make us send to an address, such as
		 * link emails: at most a few are queued per address per hour, whatever is asked.
		 */
		capKey: text('cap_key')
	},
	(t) => [
		index('email_outbox_created_idx').on(t.createdAt),
		index('email_outbox_cap_idx').on(t.capKey, t.createdAt)
	]
);

export type EmailOutbox = typeof emailOutbox.$inferSelect;
