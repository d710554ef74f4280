import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { isoDate } from './checks';

export const consultation = sqliteTable(
	'consultation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
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
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
		/** Set when staff close a consultation before its close date. */
		closedEarlyAt: integer('closed_early_at', { mode: 'timestamp_ms' }),
		responsePublishedAt: integer('response_published_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
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

export const priority = sqliteTable(
	'priority',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
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
		uniqueIndex('priority_id_consultation_idx').on(t.id, t.consultationId),
		check('priority_position_check', sql`${t.position} >= 1`)
	]
);
