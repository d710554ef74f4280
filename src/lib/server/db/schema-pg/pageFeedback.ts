import { pgTable, text, integer, boolean, timestamp, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Milliseconds, with the time zone: the SQLite schema's `timestamp_ms` integers. */
const ts = { mode: 'date', withTimezone: true, precision: 3 } as const;

/** "Was this page helpful?": one row per Yes or No, with optional comments added after. */
export const pageFeedback = pgTable(
	'page_feedback',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		/** The public page's path, with any secret link segment replaced by "[link]". */
		path: text('path').notNull(),
		helpful: boolean('helpful').notNull(),
		/** Hex SHA-256 of the secret that lets the same visitor add comments once. */
		commentTokenHash: text('comment_token_hash').notNull().unique(),
		tryingToDo: text('trying_to_do'),
		whatWentWrong: text('what_went_wrong'),
		commentedAt: timestamp('commented_at', ts),
		createdAt: timestamp('created_at', ts).notNull()
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
