// Downloads that follow the dashboard's filters and disclosure control (disclosure.ts).
// - Responses CSV: one row per response, one column per question key. Contact details live in
//   another table and are never read here. A row-level file cannot hide a small group's answers,
//   so it is refused when 1 to 4 responses match, and, with filters, unless the filtered group and
//   the rest are both big enough to show (the dashboard says so instead of linking to it).
// - Summary workbook: the dashboard's protected tables, one sheet per priority plus the themes.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db';
import { CSV_BOM, writeCsv } from '../shared/csv';
import { countResponses, topThemes } from './aggregate';
import { filtersShowable } from './dashboard';
import {
	formatCount,
	protect,
	SUPPRESSED_TEXT,
	SUPPRESSION_THRESHOLD,
	WITHHELD_TEXT,
	type Count,
	type Dashboard
} from './disclosure';
import type { InsightFilters } from './filters';
import { epochMs, responseConditions } from './sql';
import { agreementTableRow, AGREEMENT_TABLE_HEAD } from './view';
import { Workbook, type Worksheet } from './workbook';

export const CSV_FIXED_COLUMNS = [
	'response_id',
	'audience',
	'channel',
	'roadshow_session_id',
	'submitted_at'
] as const;

/** Whether a row-level export of `matching` responses may be made: none, or at least 5. */
export function mayExportCount(matching: number): boolean {
	return matching === 0 || matching >= SUPPRESSION_THRESHOLD;
}

export async function mayExportResponses(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): Promise<boolean> {
	return (
		(await filtersShowable(db, consultationId, filters)) &&
		mayExportCount(await countResponses(db, consultationId, filters))
	);
}

/** Every question key the consultation asks, parents' questionnaire first, in question order. */
export async function questionKeys(db: Db, consultationId: number): Promise<string[]> {
	const rows = await queryRows<{ key: string }>(
		db,
		sql`SELECT q.key FROM question q JOIN questionnaire_version v ON v.id = q.version_id JOIN questionnaire qn ON qn.id = v.questionnaire_id
			WHERE qn.consultation_id = ${consultationId}
			ORDER BY CASE qn.audience WHEN 'parents_carers' THEN 0 WHEN 'practitioners' THEN 1 ELSE 2 END, v.number DESC, q.position`
	);
	return [...new Set(rows.map((r) => r.key))];
}

/** 'YYYY-MM-DD HH:MM' in UK time. */
function ukDateTime(ms: number): string {
	return new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/London',
		dateStyle: 'short',
		timeStyle: 'short'
	}).format(new Date(ms));
}

type AnswerRow = {
	id: number;
	audience: string;
	channel: string;
	sessionId: number | null;
	submittedAt: number;
	key: string | null;
	value: string | null;
	text: string | null;
};

const CSV_BATCH = 500;

/**
 * The CSV in chunks of CSV_BATCH responses, so a large consultation streams instead of filling
 * memory: each chunk is one query for the next responses by id (keyset paging, the same SQL on
 * both engines), with their answers.
 */
export async function* responsesCsv(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): AsyncGenerator<string> {
	const keys = await questionKeys(db, consultationId);
	const column = new Map(keys.map((k, i) => [k, CSV_FIXED_COLUMNS.length + i]));
	const rc = responseConditions(db, consultationId, filters);
	const submittedAt = epochMs(db, sql`r.submitted_at`);
	yield CSV_BOM + writeCsv([[...CSV_FIXED_COLUMNS, ...keys]]);
	for (let after = 0; ;) {
		const rows = await queryRows<AnswerRow>(
			db,
			sql`SELECT r.id, r.audience, r.channel, r.roadshow_session_id AS "sessionId", r.submitted_ms AS "submittedAt",
				q.key, a.value, a.text_value AS text
				FROM (SELECT r.id, r.audience, r.channel, r.roadshow_session_id, ${submittedAt} AS submitted_ms
				  FROM response r WHERE ${rc} AND r.id > ${after} ORDER BY r.id LIMIT ${CSV_BATCH}) r
				LEFT JOIN answer a ON a.response_id = r.id LEFT JOIN question q ON q.id = a.question_id
				ORDER BY r.id, a.id`
		);
		if (rows.length === 0) return;
		// Per response, per column, the values given (a multiple choice can have several).
		const batch: string[][][] = [];
		let current: string[][] = [];
		for (const row of rows) {
			if (row.id !== after) {
				after = row.id;
				current = Array.from(
					{ length: CSV_FIXED_COLUMNS.length + keys.length },
					() => [] as string[]
				);
				batch.push(current);
				current[0].push(String(row.id));
				current[1].push(row.audience);
				current[2].push(row.channel);
				if (row.sessionId !== null) current[3].push(String(row.sessionId));
				current[4].push(ukDateTime(row.submittedAt));
			}
			const at = row.key === null ? undefined : column.get(row.key);
			if (at !== undefined) current[at].push(row.text ?? row.value ?? '');
		}
		yield writeCsv(batch.map((cells) => cells.map((c) => c.join('; '))));
	}
}

/** A figure as a number cell, or the "fewer than 5" text. */
function cellValue(text: string | number): string | number {
	if (typeof text === 'number') return text;
	return /^\d[\d,]*$/.test(text) ? Number(text.replace(/,/g, '')) : text;
}

const countCell = (c: Count) => (typeof c === 'number' ? c : formatCount(c));

/** The themes across all comments, each count protected (tags overlap, so no sum links them). */
async function protectedThemes(db: Db, consultationId: number, filters: InsightFilters) {
	const themes = await topThemes(db, consultationId, { filters }, 1000);
	const out = protect({
		counts: new Map(themes.map((t) => [`theme:${t.themeId}`, t.count])),
		relations: [],
		percents: []
	}).counts;
	return themes.map((t) => ({ name: t.name, count: out.get(`theme:${t.themeId}`)! }));
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
	return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

export async function summaryWorkbook(
	db: Db,
	consultation: { id: number; title: string },
	dashboard: Dashboard,
	filters: InsightFilters,
	filterDescription: string
): Promise<Buffer> {
	const book = new Workbook();
	const preface = (sheet: Worksheet, title: string) => {
		sheet.addRow([title]).font = { bold: true, size: 14 };
		sheet.addRow([consultation.title]);
		sheet.addRow([`Filters: ${filterDescription}`]);
		sheet.addRow([
			`Numbers from 1 to 4 are shown as "${SUPPRESSED_TEXT}"; "${WITHHELD_TEXT}" hides a figure that would let one of them be worked out. % agree is strongly agree or agree, out of everyone who answered, including don't know.`
		]);
		sheet.addRow([]);
	};
	for (const p of dashboard.priorities) {
		const sheet = book.addWorksheet(sheetName(`Priority ${p.position}`));
		preface(sheet, `Priority ${p.position}: ${p.title}`);
		sheet.addRow(AGREEMENT_TABLE_HEAD.map((h) => h.text)).font = { bold: true };
		for (const row of [...p.agreement.audiences, p.agreement.all])
			sheet.addRow(agreementTableRow(row).map((c) => cellValue(c.text)));
		sheet.addRow([]);
		sheet.addRow(['Comments', countCell(p.comments)]);
		sheet.addRow([]);
		sheet.addRow(['Top themes', 'Comments']).font = { bold: true };
		for (const t of p.themes) sheet.addRow([t.name, countCell(t.count)]);
		sheet.getColumn(1).width = 28;
	}
	const themes = book.addWorksheet('Themes');
	preface(themes, 'Themes across all comments');
	themes.addRow(['Theme', 'Comments']).font = { bold: true };
	for (const t of await protectedThemes(db, consultation.id, filters))
		themes.addRow([t.name, countCell(t.count)]);
	themes.getColumn(1).width = 40;
	return book.toBuffer();
}
