import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
	answer,
	question,
	questionnaire,
	questionnaireVersion,
	responseContact
} from '../db/schema';
import { onlyRow } from '../db';
import { csvSafe } from '../shared/csv';
import { loadDashboard } from './dashboard';
import { CSV_FIXED_COLUMNS, mayExportResponses, responsesCsv, summaryWorkbook } from './exports';
import { insightsFixture, NOW } from './testFixtures';
import { readWorkbook, sheetNamed } from '../../../../tests/readWorkbook';

const { db, consultationId } = await insightsFixture();
await db.insert(responseContact).values({
	responseId: 1,
	email: 'secret@example.org',
	name: 'Secret Name',
	createdAt: NOW,
	updatedAt: NOW
});

/** The whole CSV from its chunks. */
async function joined(chunks: AsyncIterable<string>): Promise<string> {
	let text = '';
	for await (const chunk of chunks) text += chunk;
	return text;
}

const csv = await joined(responsesCsv(db, consultationId, {}));
const lines = csv
	.replace(/^\uFEFF/, '')
	.trim()
	.split('\r\n');

describe('responsesCsv', () => {
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

	it('follows the filters', async () => {
		const filtered = (
			await joined(
				responsesCsv(db, consultationId, {
					profile: [{ key: 'type-of-need', value: 'sensory_physical' }]
				})
			)
		)
			.trim()
			.split('\r\n');
		expect(filtered).toHaveLength(9);
	});

	it('is refused for 1 to 4 matching responses, or when the filters leave too few either side', async () => {
		expect(await mayExportResponses(db, consultationId, {})).toBe(true);
		expect(await mayExportResponses(db, consultationId, { audience: 'young_people' })).toBe(false);
		// 25 match and 5 are left out: the 5 could be had by difference, so no file.
		expect(await mayExportResponses(db, consultationId, { channel: 'online' })).toBe(false);
		// 19 match and 11 do not: both at least 10.
		expect(
			await mayExportResponses(db, consultationId, { from: '2026-06-02', to: '2026-06-02' })
		).toBe(true);
	});
});

describe('responsesCsv with awkward answers', () => {
	// What people really type: line breaks of every kind, quotes, commas, and formulas after a break.
	const awkward = [
		'We waited\na long time',
		'Two lines\r\nfrom Windows',
		'An old Mac\rline break',
		"First line\n=cmd|' /C calc'!A0",
		'Fine\r\n+SUM(A1:A9)\r\n-2',
		'She said "no", twice',
		'@handle at the start',
		'\n=starts with a break'
	];
	let csv = '';

	beforeAll(async () => {
		const f = await insightsFixture();
		const why = onlyRow(
			await f.db
				.select({ id: question.id })
				.from(question)
				.innerJoin(questionnaireVersion, eq(questionnaireVersion.id, question.versionId))
				.innerJoin(questionnaire, eq(questionnaire.id, questionnaireVersion.questionnaireId))
				.where(
					and(
						eq(questionnaire.consultationId, f.consultationId),
						eq(questionnaire.audience, 'parents_carers'),
						eq(question.key, 'priority-1-why')
					)
				)
		);
		// Group A's responses (ids 1 to 5) and B's (6 to 8) have no "why" answer of their own.
		for (const [i, text] of awkward.entries())
			await f.db
				.insert(answer)
				.values({ responseId: i + 1, questionId: why.id, value: null, textValue: text });
		csv = await joined(responsesCsv(f.db, f.consultationId, {}));
	});

	it('parses back with csv-parse record for record, every answer as it was stored', () => {
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const records = parse(csv.slice(1), { record_delimiter: '\r\n' }) as string[][];
		expect(records).toHaveLength(31);
		const column = records[0].indexOf('priority-1-why');
		for (const [i, text] of awkward.entries()) {
			expect(records[i + 1][0]).toBe(String(i + 1));
			expect(records[i + 1][column]).toBe(csvSafe(text));
		}
		// Every record has the header's width and starts with a response id, never with a formula.
		for (const r of records.slice(1)) {
			expect(r).toHaveLength(records[0].length);
			expect(r[0]).toMatch(/^\d+$/);
		}
	});

	it('also parses as one record per response when a reader splits lines on LF', () => {
		const records = parse(csv.slice(1)) as string[][];
		expect(records).toHaveLength(31);
	});
});

describe('summaryWorkbook', () => {
	it('has a sheet per priority with the suppressed agreement table, and a themes sheet', async () => {
		const dashboard = (await loadDashboard(db, consultationId, {}))!;
		const file = await summaryWorkbook(
			db,
			{ id: consultationId, title: 'SEND strategy' },
			dashboard,
			{},
			'No filters'
		);
		const book = readWorkbook(file);
		expect(book.map((s) => s.name)).toEqual(['Priority 1', 'Priority 2', 'Themes']);
		const rows = sheetNamed(book, 'Priority 1').rows;
		// Two young people, both strongly disagreeing, are counted with the practitioners (5), so
		// no row describes them alone, and the 2 is not shown.
		expect(rows.find((r) => r[0] === 'Young people')).toBeUndefined();
		const grouped = rows.find((r) => r[0] === 'Practitioners and young people')!;
		expect(grouped[7]).toBe(7);
		expect(grouped[5]).not.toBe(2);
		expect(typeof grouped[5]).toBe('string');
		const parents = rows.find((r) => r[0] === 'Parents and carers')!;
		expect(parents.slice(1, 7)).toContain('fewer than 5');
		expect(parents.slice(1, 7)).toContain('not shown');
		expect(parents).not.toContain(1);
		expect(sheetNamed(book, 'Themes').rows).toContainEqual(['Waiting', 7]);
	});

	it('writes titles and headings in bold, figures as numbers, and sets the first column wide', async () => {
		const file = await summaryWorkbook(
			db,
			{ id: consultationId, title: 'SEND strategy' },
			(await loadDashboard(db, consultationId, {}))!,
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
		// Shown counts are number cells (this small fixture hides every parents' count); hidden ones are words.
		const cells = parents.slice(1).map((c) => c?.value);
		expect(priority.cells.flat().some((c) => typeof c?.value === 'number')).toBe(true);
		expect(
			cells.every((v) => typeof v === 'number' || /^(fewer than 5|not shown|\d+%)$/.test(String(v)))
		).toBe(true);
		expect(priority.widths[0]).toBe(28);
		const themes = sheetNamed(book, 'Themes');
		expect(themes.cells.find((r) => r[0]?.value === 'Theme')!.every((c) => c?.bold)).toBe(true);
		expect(themes.widths[0]).toBe(40);
	});
});
