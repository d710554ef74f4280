// Downloads that follow the dashboard's filters and suppression rule.
// - Responses CSV: one row per response, one column per question key. Contact details live in
//   another table and are never read here. A row-level file cannot hide a small group's answers,
//   so it is refused when 1 to 4 responses match (the dashboard says so instead of linking to it).
// - Summary workbook: the dashboard's suppressed tables, one sheet per priority plus the themes.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db';
import { csvSafe } from '../shared/csv';
import { countResponses, topThemes } from './aggregate';
import type { Dashboard } from './dashboard';
import type { InsightFilters } from './filters';
import { prepared, responseConditions } from './sql';
import { SUPPRESSED_TEXT, SUPPRESSION_THRESHOLD, WITHHELD_TEXT } from './suppress';
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

export function mayExportResponses(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): boolean {
	return mayExportCount(countResponses(db, consultationId, filters));
}

/** Every question key the consultation asks, parents' questionnaire first, in question order. */
export function questionKeys(db: Db, consultationId: number): string[] {
	const rows = prepared(
		db,
		`SELECT q.key FROM question q JOIN questionnaire_version v ON v.id = q.version_id JOIN questionnaire qn ON qn.id = v.questionnaire_id
		 WHERE qn.consultation_id = ?
		 ORDER BY CASE qn.audience WHEN 'parents_carers' THEN 0 WHEN 'practitioners' THEN 1 ELSE 2 END, v.number DESC, q.position`
	).all(consultationId) as { key: string }[];
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

/** The CSV in chunks of about 500 rows, so a large consultation streams instead of filling memory. */
export function* responsesCsv(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): Generator<string> {
	const keys = questionKeys(db, consultationId);
	const column = new Map(keys.map((k, i) => [k, CSV_FIXED_COLUMNS.length + i]));
	const rc = responseConditions(consultationId, filters);
	const rows = prepared(
		db,
		`SELECT r.id, r.audience, r.channel, r.roadshow_session_id AS sessionId, r.submitted_at AS submittedAt,
		   q.key, a.value, a.text_value AS text
		 FROM response r LEFT JOIN answer a ON a.response_id = r.id LEFT JOIN question q ON q.id = a.question_id
		 WHERE ${rc.text} ORDER BY r.id, a.id`
	).iterate(...rc.params) as IterableIterator<AnswerRow>;
	const options = { record_delimiter: '\r\n' } as const;
	// A byte-order mark so Excel reads accents as UTF-8.
	yield `\uFEFF${stringify([[...CSV_FIXED_COLUMNS, ...keys]], options)}`;
	let batch: string[][] = [];
	let current: string[][] | null = null;
	let currentId = -1;
	const finish = () => {
		if (current) batch.push(current.map((cells) => csvSafe(cells.join('; '))));
	};
	for (const row of rows) {
		if (row.id !== currentId) {
			finish();
			currentId = row.id;
			current = Array.from(
				{ length: CSV_FIXED_COLUMNS.length + keys.length },
				() => [] as string[]
			);
			current[0].push(String(row.id));
			current[1].push(row.audience);
			current[2].push(row.channel);
			if (row.sessionId !== null) current[3].push(String(row.sessionId));
			current[4].push(ukDateTime(row.submittedAt));
			if (batch.length >= 500) {
				yield stringify(batch, options);
				batch = [];
			}
		}
		const at = row.key === null ? undefined : column.get(row.key);
		if (at !== undefined) current![at].push(row.text ?? row.value ?? '');
	}
	finish();
	if (batch.length) yield stringify(batch, options);
}

/** A figure as a number cell, or the "fewer than 5" text. */
function cellValue(text: string | number): string | number {
	if (typeof text === 'number') return text;
	return /^\d[\d,]*$/.test(text) ? Number(text.replace(/,/g, '')) : text;
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
		sheet.addRow(['Comments', p.comments ?? SUPPRESSED_TEXT]);
		sheet.addRow([]);
		sheet.addRow(['Top themes', 'Comments']).font = { bold: true };
		for (const t of p.themes) sheet.addRow([t.name, t.count ?? SUPPRESSED_TEXT]);
		sheet.getColumn(1).width = 28;
	}
	const themes = book.addWorksheet('Themes');
	preface(themes, 'Themes across all comments');
	themes.addRow(['Theme', 'Comments']).font = { bold: true };
	for (const t of topThemes(db, consultation.id, { filters }, 1000))
		themes.addRow([t.name, t.count ?? SUPPRESSED_TEXT]);
	themes.getColumn(1).width = 40;
	return book.toBuffer();
}
