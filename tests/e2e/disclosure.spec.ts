import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import {
	createThrowAwayDatabase,
	startServer,
	type RunningServer,
	type ThrowAwayDatabase
} from '../integration/server';
import { hiddenRanges, type Known, type Term } from '../../src/lib/server/insights/readerAttack';
import { expectNoAxeViolations } from './axe';

// The disclosure issue's case, on the public "You said, we did" page of a fresh database with 15
// responses (parents 7, practitioners 6, young people 2 on paper): read every agreement table as a
// reader would, and check with an exact solver that no hidden figure can be worked out or narrowed
// to two values from the rows, the columns, the bases and the "All audiences" row.

let database: ThrowAwayDatabase;
let server: RunningServer;

test.beforeAll(async () => {
	database = await createThrowAwayDatabase();
	execFileSync('npx', ['tsx', resolve('tests/e2e/fixtures/fifteen-responses.ts'), database.url], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, DATABASE_URL: database.url }
	});
	server = await startServer({ DATABASE_URL: database.url, SEED_DEMO: 'false' });
});

test.afterAll(async () => {
	await server?.stop();
	await database?.remove();
});

type Cell = number | 'small' | 'withheld';
const cellOf = (text: string): Cell =>
	text === 'fewer than 5'
		? 'small'
		: text === 'not shown'
			? 'withheld'
			: Number(text.replace(/,/g, ''));

test('nothing on the public page lets a count under 5 be worked out', async ({ page }) => {
	await page.goto(`${server.url}/consultations/fifteen/response`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('What you told us');
	await expectNoAxeViolations(page);

	const tables = page.locator('table', { hasText: 'Answered (base)' });
	await expect(tables).toHaveCount(6);
	const hidden = new Map<string, 'small' | 'withheld'>();
	const known: Known[] = [];
	for (let t = 0; t < 6; t++) {
		const table = tables.nth(t);
		const head = await table.locator('thead th').allInnerTexts();
		const base = head.indexOf('Answered (base)');
		const rows = await table
			.locator('tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()))
			);
		const labels = rows.map((r) => r[0]);
		// Young people (2) are never a row of their own: they are counted with practitioners.
		expect(labels).toEqual([
			'Parents and carers',
			'Practitioners and young people',
			'All audiences'
		]);
		// A figure as a term: hidden ones are variables, shown ones constants.
		const term = (r: number, c: number): Term | number => {
			const v = cellOf(rows[r][c]);
			if (typeof v === 'number') {
				expect(Number.isNaN(v), `${labels[r]}, ${head[c]}: "${rows[r][c]}"`).toBe(false);
				return v;
			}
			const name = `p${t + 1} ${labels[r]} ${head[c]}`;
			hidden.set(name, v);
			return [name, 1];
		};
		const relate = (parts: (Term | number)[], total: Term | number) => {
			const terms: Term[] = [];
			let constant = 0;
			for (const p of parts)
				if (typeof p === 'number') constant += p;
				else terms.push(p);
			if (typeof total === 'number') constant -= total;
			else terms.push([total[0], -1]);
			if (terms.length === 0) expect(constant, 'shown figures add up').toBe(0);
			else known.push({ terms, min: -constant, max: -constant });
		};
		const answerColumns = Array.from({ length: base - 1 }, (_, i) => i + 1);
		// Each row's answers add up to its base; each column's audience rows to "All audiences".
		for (let r = 0; r < rows.length; r++)
			relate(
				answerColumns.map((c) => term(r, c)),
				term(r, base)
			);
		for (const c of [...answerColumns, base]) relate([term(0, c), term(1, c)], term(2, c));
	}
	expect(hidden.size, 'the small counts are hidden').toBeGreaterThan(0);
	// What the page's script is sent holds the same figures, and no row of young people alone.
	const data = await (
		await page.request.get(`${server.url}/consultations/fifteen/response/__data.json`)
	).text();
	expect(data).toContain('Practitioners and young people');
	expect(data).not.toMatch(/"Young people"/);
	for (const [name, [low, high]] of hiddenRanges(hidden, known))
		expect(high - low, `${name} could be narrowed to [${low}, ${high}]`).toBeGreaterThanOrEqual(2);
});
