import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const consultation = sqliteTable('consultation', {
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
});

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
	(t) => [index('priority_consultation_idx').on(t.consultationId, t.position)]
);
