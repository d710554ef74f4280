import { describe, expect, it } from 'vitest';
import { responseContact } from '../db/schema';
import { loadDashboard } from './dashboard';
import { CSV_FIXED_COLUMNS, mayExportResponses, responsesCsv, summaryWorkbook } from './exports';
import { insightsFixture, NOW } from './testFixtures';
import { readWorkbook, sheetNamed } from '../../../../tests/readWorkbook';

const { db, consultationId } = insightsFixture();
db.insert(responseContact)
	.values({
		responseId: 1,
		email: 'secret@example.org',
		name: 'Secret Name',
		createdAt: NOW,
		updatedAt: NOW
	})
	.run();

describe('responsesCsv', () => {
	const csv = [...responsesCsv(db, consultationId, {})].join('');
	const lines = csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');

	it('has one row per submitted response and one column per question key', () => {
		const header = lines[0].split(',');
		expect(header.slice(0, CSV_FIXED_COLUMNS.length)).toEqual([...CSV_FIXED_COLUMNS]);
		expect(header).toContain('priority-1-agree');
		expect(header).toContain('type-of-need');
		expect(lines).toHaveLength(31);
	});

	it('never includes contact details, and makes formulas plain text', () => {
		expect(csv).not.toContain('secret@example.org');
		expect(csv).not.toContain('Secret Name');
		expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
		expect(csv).toContain(`"'=HYPERLINK(""x"") nobody listens"`);
	});

	it('follows the filters', () => {
		const filtered = [
			...responsesCsv(db, consultationId, {
				profile: [{ key: 'type-of-need', value: 'sensory_physical' }]
			})
		]
			.join('')
			.trim()
			.split('\r\n');
		expect(filtered).toHaveLength(9);
	});

	it('is refused for 1 to 4 matching responses', () => {
		expect(mayExportResponses(db, consultationId, {})).toBe(true);
		expect(mayExportResponses(db, consultationId, { audience: 'young_people' })).toBe(false);
		expect(mayExportResponses(db, consultationId, { from: '2027-01-01' })).toBe(true);
	});
});

describe('summaryWorkbook', () => {
	it('has a sheet per priority with the suppressed agreement table, and a themes sheet', async () => {
		const dashboard = loadDashboard(db, consultationId, {});
		const file = await summaryWorkbook(
			db,
			{ id: consultationId, title: 'SEND strategy' },
			dashboard,
			{},
			'No filters'
		);
		const book = readWorkbook(file);
		expect(book.map((s) => s.name)).toEqual(['Priority 1', 'Priority 2', 'Themes']);
		const priority = sheetNamed(book, 'Priority 1');
		const young = priority.rows.find((r) => r[0] === 'Young people')!;
		expect(young.slice(1)).toEqual(
			Array(8)
				.fill('fewer than 5')
				.map((v, i) => (i === 7 ? 'not shown' : v))
		);
		const parents = priority.rows.find((r) => r[0] === 'Parents and carers')!;
		expect(parents.slice(1)).toEqual([10, 7, 0, 'not shown', 0, 'fewer than 5', 23, '74%']);
		const themes = sheetNamed(book, 'Themes');
		expect(themes.rows).toContainEqual(['Waiting', 7]);
	});

	it('writes titles and headings in bold, figures as numbers, and sets the first column wide', async () => {
		const file = await summaryWorkbook(
			db,
			{ id: consultationId, title: 'SEND strategy' },
			loadDashboard(db, consultationId, {}),
			{},
			'No filters'
		);
		const book = readWorkbook(file);
		const priority = sheetNamed(book, 'Priority 1');
		expect(priority.cells[0][0]).toMatchObject({ bold: true, size: 14 });
		expect(String(priority.rows[0][0])).toMatch(/^Priority 1: /);
		expect(priority.rows.slice(1, 3)).toEqual([['SEND strategy'], ['Filters: No filters']]);
		const head = priority.cells.find((r) => r[0]?.value === 'Audience')!;
		expect(head.every((c) => c?.bold)).toBe(true);
		const parents = priority.cells.find((r) => r[0]?.value === 'Parents and carers')!;
		expect(parents[0]!.bold).toBe(false);
		expect(typeof parents[1]!.value).toBe('number');
		expect(priority.widths[0]).toBe(28);
		const themes = sheetNamed(book, 'Themes');
		expect(themes.cells.find((r) => r[0]?.value === 'Theme')!.every((c) => c?.bold)).toBe(true);
		expect(themes.widths[0]).toBe(40);
	});
});
