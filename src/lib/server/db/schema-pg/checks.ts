// Helpers for CHECK constraints, as in the SQLite schema's checks.ts: the same rules in
// PostgreSQL's SQL. `oneOf` is written the same way on both engines, so it is shared.
import { sql, type Column, type SQL } from 'drizzle-orm';

export { oneOf } from '../schema-sqlite/checks';

/** A YYYY-MM-DD calendar date as text: SQLite's `GLOB` pattern as an anchored regular expression. */
export function isoDate(column: Column): SQL {
	return sql`${column} ~ '^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]$'`;
}
