import { sql } from 'drizzle-orm';
import { pgTable, text, integer, timestamp, uniqueIndex, unique, check } from 'drizzle-orm/pg-core';
import { isoDate } from './checks';

/** Milliseconds, with the time zone: the SQLite schema's `timestamp_ms` integers. */
const ts = { mode: 'date', withTimezone: true, precision: 3 } as const;

export const consultation = pgTable(
	'consultation',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		slug: text('slug').notNull().unique(),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		/** Markdown, rendered without raw HTML. */
		strategyMarkdown: text('strategy_markdown').notNull().default(''),
		highlightsMarkdown: text('highlights_markdown').notNull().default(''),
		contactEmail: text('contact_email').notNull(),
		/** Calendar dates (YYYY-MM-DD) in UK local time; open from the start of opensOn to the end of closesOn. */
		opensOn: text('opens_on').notNull(),
		closesOn: text('closes_on').notNull(),
		/** Null while a draft. */
		publishedAt: timestamp('published_at', ts),
		/** Set when staff close a consultation before its close date. */
		closedEarlyAt: timestamp('closed_early_at', ts),
		responsePublishedAt: timestamp('response_published_at', ts),
		createdAt: timestamp('created_at', ts).notNull(),
		updatedAt: timestamp('updated_at', ts).notNull()
	},
	(t) => [
		check('consultation_opens_on_check', isoDate(t.opensOn)),
		check('consultation_closes_on_check', isoDate(t.closesOn)),
		check('consultation_dates_check', sql`${t.opensOn} <= ${t.closesOn}`),
		// Only a published consultation can be closed or have its response published.
		check(
			'consultation_published_first_check',
			sql`${t.publishedAt} IS NOT NULL OR (${t.closedEarlyAt} IS NULL AND ${t.responsePublishedAt} IS NULL)`
		)
	]
);

export const priority = pgTable(
	'priority',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		/** 1-based display number, kept contiguous by the consultations module. */
		position: integer('position').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** The title in Easy Read words for young people, written by staff ('' for none yet). */
		easyReadTitle: text('easy_read_title').notNull().default('')
	},
	(t) => [
		// One priority per number: "Priority 3" always means one priority.
		uniqueIndex('priority_consultation_position_idx').on(t.consultationId, t.position),
		// The target of composite foreign keys: a link's priority is of the link's consultation.
		// A UNIQUE constraint where SQLite has a unique index (the same index in PostgreSQL): drizzle-kit
		// writes it into CREATE TABLE, so it is there before the foreign keys that refer to it.
		unique('priority_id_consultation_idx').on(t.id, t.consultationId),
		check('priority_position_check', sql`${t.position} >= 1`)
	]
);
