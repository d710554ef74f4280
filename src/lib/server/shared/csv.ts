// Every CSV the product writes goes through here, so what a spreadsheet does with a cell is
// decided once.

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab or carriage return) as a formula; a leading
 * single quote makes it plain text. Anyone booking can type these, so every text cell is made safe.
 */
export function csvSafe(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
