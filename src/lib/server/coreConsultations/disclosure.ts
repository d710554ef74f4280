// Small-number suppression for the core consultation results tables. Counts of 1 to 4 are hidden
// (primary); then, so that no hidden count can be worked out from a total, every row and column
// that would have exactly one hidden member gets a second one hidden (secondary), repeated until
// no row or column has exactly one. Zero is shown: it identifies no school.
// (A general disclosure module is being built in insights; this one serves these tables only.)

export const SMALL_MAX = 4;

export type SuppressedTable = {
	body: (number | null)[][];
	/** Per row, or null when the table has no row totals. */
	rowTotals: (number | null)[] | null;
	colTotals: (number | null)[];
	grand: number | null;
};

const isSmall = (n: number) => n >= 1 && n <= SMALL_MAX;

/**
 * `body` is rows × columns of counts. Column totals (a Total row) are always shown; row totals only
 * when `rowTotals` is true (when the columns are parts of one whole).
 */
export function suppressTable(body: number[][], { rowTotals = true } = {}): SuppressedTable {
	const rows = body.length;
	const cols = body[0]?.length ?? 0;
	// The grid: body, then a totals column (index cols) and a totals row (index rows).
	const value = (r: number, c: number): number => {
		if (r < rows && c < cols) return body[r][c];
		if (r < rows) return body[r].reduce((a, b) => a + b, 0);
		if (c < cols) return body.reduce((a, row) => a + row[c], 0);
		return body.flat().reduce((a, b) => a + b, 0);
	};
	const lastCol = rowTotals ? cols : cols - 1;
	const hidden = new Set<string>();
	const key = (r: number, c: number) => `${r},${c}`;
	for (let r = 0; r <= rows; r++)
		for (let c = 0; c <= lastCol; c++) if (isSmall(value(r, c))) hidden.add(key(r, c));

	// Each line is its members, the total last.
	const lines: [number, number][][] = [];
	for (let c = 0; c <= lastCol; c++)
		lines.push([...Array.from({ length: rows }, (_, r) => [r, c] as [number, number]), [rows, c]]);
	if (rowTotals)
		for (let r = 0; r <= rows; r++)
			lines.push([
				...Array.from({ length: cols }, (_, c) => [r, c] as [number, number]),
				[r, cols]
			]);

	for (let changed = true; changed;) {
		changed = false;
		for (const line of lines) {
			const hiddenHere = line.filter(([r, c]) => hidden.has(key(r, c)));
			if (hiddenHere.length !== 1) continue;
			const parts = line.slice(0, -1).filter(([r, c]) => !hidden.has(key(r, c)));
			// The smallest non-zero part, else any part, else the line's total.
			const byValue = [...parts].sort((a, b) => value(...a) - value(...b));
			const pick = byValue.find((p) => value(...p) > 0) ?? byValue[0] ?? line[line.length - 1];
			hidden.add(key(...pick));
			changed = true;
		}
	}
	const shown = (r: number, c: number) => (hidden.has(key(r, c)) ? null : value(r, c));
	return {
		body: body.map((row, r) => row.map((_, c) => shown(r, c))),
		rowTotals: rowTotals ? body.map((_, r) => shown(r, cols)) : null,
		colTotals: Array.from({ length: cols }, (_, c) => shown(rows, c)),
		grand: rowTotals ? shown(rows, cols) : null
	};
}

/** One headline count: shown unless it is 1 to 4. */
export function suppressCount(n: number): number | null {
	return isSmall(n) ? null : n;
}
