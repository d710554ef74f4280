import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Counters for the public forms' rate limits, in the shape rate-limiter-flexible's SQLite store
 * reads and writes (key, points, expire). One table in the shared database, so every server
 * process counts against the same limits.
 */
export const rateLimit = sqliteTable(
	'rate_limit',
	{
		/** "<limit name>:<what is counted>", e.g. "booking_start_address:203.0.113.9". */
		key: text('key').primaryKey(),
		points: integer('points').notNull().default(0),
		/** Epoch milliseconds when the window ends. */
		expire: integer('expire')
	},
	(t) => [index('rate_limit_expire_idx').on(t.expire)]
);
