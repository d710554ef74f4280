// Every CSV the product writes goes through here, so what a spreadsheet does with a cell is
// decided once: each cell made safe, quoted when it holds a comma, quote or line break, and
// records ended with CR LF (RFC 4180).
import { stringify } from 'csv-stringify/sync';

/** A byte-order mark, first in a file, so Excel reads accents as UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab or carriage return) as a formula; a leading
 * single quote makes it plain text. Anyone booking can type these, so every text cell is made safe.
 */
export function csvSafe(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Records as CSV text, every cell through csvSafe. csv-stringify only quotes a field holding the
 * record delimiter itself, so a bare LF or CR inside an answer is quoted here too: otherwise a
 * two-line answer would become two records, the second starting with whatever the person typed.
 */
export function writeCsv(records: readonly (readonly string[])[]): string {
	return stringify(
		records.map((r) => r.map(csvSafe)),
		{ record_delimiter: '\r\n', quoted_match: /[\r\n]/ }
	);
}
