// Helpers for CHECK constraints. Values are written into the DDL as literals (a check cannot
// take parameters); they are the schema's own constant code lists, never user input.
import { sql, type Column, type SQL } from 'drizzle-orm';

/** `column IN ('a', 'b')`: a text column holds one of its codes (the same SQL on PostgreSQL). */
export function oneOf(column: Column, values: readonly string[]): SQL {
	if (values.some((v) => !/^[a-z0-9_]+$/.test(v))) throw new Error('CHECK codes must be simple');
	return sql`${column} IN (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

/** A YYYY-MM-DD calendar date as text. */
export function isoDate(column: Column): SQL {
	return sql`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
}
