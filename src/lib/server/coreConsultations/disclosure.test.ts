import { describe, expect, it } from 'vitest';
import { suppressCount, suppressTable, type SuppressedTable } from './disclosure';

/** Every row and column (with its total) has zero or at least two hidden members. */
function noLoneHidden(t: SuppressedTable): boolean {
	const rows = t.body.map((row, r) => [...row, ...(t.rowTotals ? [t.rowTotals[r]] : [])]);
	rows.push([...t.colTotals, ...(t.rowTotals ? [t.grand] : [])]);
	const lines = [...(t.rowTotals ? rows : [])];
	for (let c = 0; c < rows[0].length; c++) lines.push(rows.map((row) => row[c]));
	return lines.every((line) => line.filter((v) => v === null).length !== 1);
}

/** A small deterministic pseudo-random sequence, so failures repeat. */
function* numbers(seed: number) {
	let x = seed;
	for (;;) {
		x = (x * 1103515245 + 12345) % 2 ** 31;
		yield x;
	}
}

describe('suppressTable', () => {
	it('hides 1 to 4, shows 0 and 5 and more', () => {
		const t = suppressTable([
			[0, 12, 30],
			[5, 10, 20]
		]);
		expect(t.body).toEqual([
			[0, 12, 30],
			[5, 10, 20]
		]);
		expect(t.grand).toBe(77);
	});

	it('hides a second count so a total cannot give back the first', () => {
		const t = suppressTable([
			[3, 12, 30],
			[6, 10, 20]
		]);
		// 3 hidden; row 0 hides 12 too; column 0 hides 6; row 1 then hides 10; column 1 is then two.
		expect(t.body[0][0]).toBeNull();
		expect(noLoneHidden(t)).toBe(true);
		expect(t.rowTotals![0]).toBe(45);
		expect(t.colTotals[0]).toBe(9);
	});

	it('hides the total when nothing else in the line can be', () => {
		const t = suppressTable([[2]], { rowTotals: false });
		expect(t.body).toEqual([[null]]);
		expect(t.colTotals).toEqual([null]);
	});

	it('leaves no lone hidden count in any row or column, over many tables', () => {
		const rand = numbers(7);
		for (let n = 0; n < 500; n++) {
			const rows = 1 + (rand.next().value! % 4);
			const cols = 1 + (rand.next().value! % 5);
			const body = Array.from({ length: rows }, () =>
				Array.from({ length: cols }, () => rand.next().value! % 12)
			);
			for (const rowTotals of [true, false]) {
				const t = suppressTable(body, { rowTotals });
				expect(noLoneHidden(t), JSON.stringify({ body, rowTotals })).toBe(true);
				// Every shown value is the true one, and no 1 to 4 is shown.
				t.body.forEach((row, r) =>
					row.forEach((v, c) => {
						if (v !== null) expect(v).toBe(body[r][c]);
						if (body[r][c] >= 1 && body[r][c] <= 4) expect(v).toBeNull();
					})
				);
			}
		}
	});
});

describe('suppressCount', () => {
	it('hides 1 to 4 only', () => {
		expect([0, 1, 4, 5, 230].map(suppressCount)).toEqual([0, null, null, 5, 230]);
	});
});
