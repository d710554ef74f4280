import { sqliteTable, text, integer, index, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/** "Was this page helpful?": one row per Yes or No, with optional comments added after. */
export const pageFeedback = sqliteTable(
	'page_feedback',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The public page's path, with any secret link segment replaced by "[link]". */
		path: text('path').notNull(),
		helpful: integer('helpful', { mode: 'boolean' }).notNull(),
		/** Hex SHA-256 of the secret that lets the same visitor add comments once. */
		commentTokenHash: text('comment_token_hash').notNull().unique(),
		tryingToDo: text('trying_to_do'),
		whatWentWrong: text('what_went_wrong'),
		commentedAt: integer('commented_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('page_feedback_created_idx').on(t.createdAt),
		index('page_feedback_path_idx').on(t.path, t.createdAt),
		check(
			'page_feedback_path_check',
			sql`substr(${t.path}, 1, 1) = '/' and length(${t.path}) <= 300`
		)
	]
);

export type PageFeedback = typeof pageFeedback.$inferSelect;
