// Every dashboard figure as one indexed GROUP BY in SQL; JavaScript only shapes the few rows that
// come back. Figures leave here as they are: nothing here is published until disclosure.ts has
// protected it.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db';
import { audienceCodes, channelCodes, type Audience, type Channel } from '../db/schema';
import { agreementValues, type AgreementValue } from '../../agreement';
import { audienceLabels, channelLabels } from '../questionnaires/audiences';
import { listSessionsForConsultation } from '../roadshow/sessions';
import type { InsightFilters } from './filters';
import {
	addDays,
	epochMs,
	idList,
	noteConditions,
	numberRows,
	responseConditions,
	responseSource,
	sqliteHint,
	ukDaySql
} from './sql';

/** Submitted responses matching the filters: for decisions, never for display. */
export async function countResponses(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): Promise<number> {
	const s = responseSource(db, consultationId, filters);
	const [row] = await numberRows<{ n: number }>(
		db,
		sql`SELECT ${s.count} AS n FROM ${s.from} WHERE ${s.where}`,
		['n']
	);
	return row.n;
}

export type ResponseTotals = {
	total: number;
	byAudience: { audience: Audience; label: string; n: number }[];
	byChannel: { channel: Channel; label: string; n: number }[];
};

export async function responseTotals(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): Promise<ResponseTotals> {
	const s = responseSource(db, consultationId, filters);
	const rows = await numberRows<{ audience: Audience; channel: Channel; n: number }>(
		db,
		sql`SELECT ${s.audience} AS audience, ${s.channel} AS channel, ${s.count} AS n FROM ${s.from}
			WHERE ${s.where} GROUP BY 1, 2`,
		['n']
	);
	const sum = (pick: (r: (typeof rows)[number]) => boolean) =>
		rows.filter(pick).reduce((s, r) => s + r.n, 0);
	return {
		total: sum(() => true),
		byAudience: audienceCodes
			.filter((a) => !filters.audience || a === filters.audience)
			.map((audience) => ({
				audience,
				label: audienceLabels[audience],
				n: sum((r) => r.audience === audience)
			})),
		byChannel: channelCodes
			.filter((c) => !filters.channel || c === filters.channel)
			.map((channel) => ({
				channel,
				label: channelLabels[channel],
				n: sum((r) => r.channel === channel)
			}))
	};
}

/** Responses sent on each UK calendar day, every day from the first to the last (empty days as 0). */
export async function responsesByDay(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): Promise<{ day: string; n: number }[]> {
	const s = responseSource(db, consultationId, filters);
	// Running totals can hold groups taken back to 0: those are no responses.
	const some = s.rows ? sql`` : sql`AND t.n > 0`;
	// Two subqueries: SQLite seeks an index for a lone min() or max(), not for both at once.
	const [range] = await numberRows<{ min: number | null; max: number | null }>(
		db,
		sql`SELECT (SELECT ${epochMs(db, sql`min(${s.time})`)} FROM ${s.from} WHERE ${s.where} ${some}) AS min,
			(SELECT ${epochMs(db, sql`max(${s.time})`)} FROM ${s.from} WHERE ${s.where} ${some}) AS max`,
		['min', 'max']
	);
	if (range.min === null || range.max === null) return [];
	const day = ukDaySql(db, s.time, range.min, range.max);
	const rows = await numberRows<{ day: string; n: number }>(
		db,
		sql`SELECT ${day} AS day, ${s.count} AS n FROM ${s.from} WHERE ${s.where}
			GROUP BY day HAVING ${s.count} > 0 ORDER BY day`,
		['n']
	);
	const byDay = new Map(rows.map((r) => [r.day, r.n]));
	const out: { day: string; n: number }[] = [];
	const first = filters.from && filters.from < rows[0].day ? filters.from : rows[0].day;
	const last =
		filters.to && filters.to > rows[rows.length - 1].day ? filters.to : rows[rows.length - 1].day;
	for (let d = first; d <= last && out.length < 1000; d = addDays(d, 1))
		out.push({ day: d, n: byDay.get(d) ?? 0 });
	return out;
}

export type AgreementRow = {
	audience: Audience | 'all';
	label: string;
	/** Everyone in the group who answered the question, "don't know" included. */
	n: number;
	counts: Record<AgreementValue, number>;
};
export type PriorityAgreement = { audiences: AgreementRow[]; all: AgreementRow };

/** One group's answers to an agreement question, every value counted (0 where nobody chose it). */
export function agreementRow(
	audience: Audience | 'all',
	raw: Partial<Record<AgreementValue, number>>
): AgreementRow {
	const counts = Object.fromEntries(agreementValues.map((v) => [v, raw[v] ?? 0])) as Record<
		AgreementValue,
		number
	>;
	return {
		audience,
		label: audience === 'all' ? 'All audiences' : audienceLabels[audience],
		n: agreementValues.reduce((s, v) => s + counts[v], 0),
		counts
	};
}

type LinkedQuestion = { id: number; audience: Audience; priorityId: number };

/** The consultation's questions of one kind that inform a priority: a few dozen rows. */
async function linkedQuestions(
	db: Db,
	consultationId: number,
	kind: 'agreement' | 'text',
	filters: InsightFilters,
	priorityId?: number
): Promise<LinkedQuestion[]> {
	const rows = await queryRows<LinkedQuestion>(
		db,
		sql`SELECT q.id, qn.audience, qp.priority_id AS "priorityId" FROM question q
			JOIN questionnaire_version v ON v.id = q.version_id
			JOIN questionnaire qn ON qn.id = v.questionnaire_id
			JOIN question_priority qp ON qp.question_id = q.id
			WHERE qn.consultation_id = ${consultationId} AND q.kind = ${kind} AND NOT q.is_profile`
	);
	return rows.filter(
		(q) =>
			(!filters.audience || q.audience === filters.audience) &&
			(priorityId === undefined || q.priorityId === priorityId)
	);
}

/**
 * No filter by date or "about you" answer: answers and tags can be counted from their running
 * totals (answer_tally, theme_tally), kept by channel and roadshow session; a question gives the
 * audience.
 */
function countableFromTallies(filters: InsightFilters): boolean {
	return !filters.from && !filters.to && !filters.profile?.length;
}

/** Conditions on a tally `alias` (a constant) for the channel and session filters. */
function tallyGroup(filters: InsightFilters, alias: 't' | 'tt'): SQL {
	const a = sql.raw(alias);
	return sql`${filters.channel ? sql`AND ${a}.channel = ${filters.channel}` : sql``}
		${filters.sessionId ? sql`AND ${a}.session_key = ${filters.sessionId}` : sql``}`;
}

/**
 * Answers per question and value from submitted responses matching the filters: the running
 * totals in answer_tally (see countableFromTallies), or else the matching responses' answers by
 * answer(response_id, question_id, value).
 */
type AnswerCount = { questionId: number; value: string | null; n: number };

async function answerCounts(
	db: Db,
	consultationId: number,
	questionIds: number[],
	filters: InsightFilters
): Promise<AnswerCount[]> {
	if (questionIds.length === 0) return [];
	const ids = idList([...new Set(questionIds)]);
	if (countableFromTallies(filters)) {
		return await numberRows<AnswerCount>(
			db,
			sql`SELECT t.question_id AS "questionId", nullif(t.value, '') AS value, sum(t.n) AS n
				FROM answer_tally t WHERE t.question_id IN (${ids}) ${tallyGroup(filters, 't')}
				GROUP BY t.question_id, t.value HAVING sum(t.n) <> 0`,
			['n']
		);
	}
	// On SQLite the + keeps the plan on the responses' index, not answer's question index.
	return await numberRows<AnswerCount>(
		db,
		sql`SELECT a.question_id AS "questionId", a.value, count(*) AS n
			FROM response r JOIN answer a ON a.response_id = r.id
			WHERE ${responseConditions(db, consultationId, filters)}
			AND ${sqliteHint(db, '+')}a.question_id IN (${ids}) GROUP BY a.question_id, a.value`,
		['n']
	);
}

async function agreementRows(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	priorityId?: number
) {
	const questions = await linkedQuestions(db, consultationId, 'agreement', filters, priorityId);
	return agreementFromCounts(
		questions,
		await answerCounts(
			db,
			consultationId,
			questions.map((q) => q.id),
			filters
		)
	);
}

function agreementFromCounts(questions: LinkedQuestion[], counts: AnswerCount[]) {
	return questions.flatMap((q) =>
		counts
			.filter((c) => c.questionId === q.id)
			.map((c) => ({
				priorityId: q.priorityId,
				audience: q.audience,
				value: c.value as AgreementValue,
				n: c.n
			}))
	);
}

function shapeAgreement(
	rows: { audience: Audience; value: AgreementValue; n: number }[],
	filters: InsightFilters
): PriorityAgreement {
	const tally = (pick: (r: (typeof rows)[number]) => boolean) => {
		const out: Partial<Record<AgreementValue, number>> = {};
		for (const r of rows) if (pick(r)) out[r.value] = (out[r.value] ?? 0) + r.n;
		return out;
	};
	return {
		audiences: audienceCodes
			.filter((a) => !filters.audience || a === filters.audience)
			.map((a) =>
				agreementRow(
					a,
					tally((r) => r.audience === a)
				)
			),
		all: agreementRow(
			'all',
			tally(() => true)
		)
	};
}

/** One priority's agreement answers by audience (and for all audiences). */
export async function agreementByAudience(
	db: Db,
	consultationId: number,
	priorityId: number,
	filters: InsightFilters = {}
): Promise<PriorityAgreement> {
	return shapeAgreement(await agreementRows(db, consultationId, filters, priorityId), filters);
}

/** agreementByAudience for every priority of the consultation in one query. */
export async function agreementByPriority(
	db: Db,
	consultationId: number,
	priorityIds: number[],
	filters: InsightFilters = {}
): Promise<Map<number, PriorityAgreement>> {
	const rows = await agreementRows(db, consultationId, filters);
	return new Map(
		priorityIds.map((id) => [
			id,
			shapeAgreement(
				rows.filter((r) => r.priorityId === id),
				filters
			)
		])
	);
}

/*
 * A priority's comments are: free-text answers to questions that inform it; answers a lead linked
 * to it (comment_priority) beyond those; and roadshow notes taken about it or linked to it.
 */

/**
 * Answers a lead linked to a priority whose question does not already inform it. SQLite's CROSS
 * JOIN fixes the order: from the few links to their answers, never from every response's answers.
 */
function extraAnswerLinks(db: Db, consultationId: number, filters: InsightFilters): SQL {
	const inOrder = sqliteHint(db, 'CROSS JOIN', 'JOIN');
	return sql`SELECT cp.priority_id, a.id AS answer_id FROM comment_priority cp
		${inOrder} answer a ON a.id = cp.answer_id ${inOrder} response r ON r.id = a.response_id
		WHERE cp.consultation_id = ${consultationId} AND cp.answer_id IS NOT NULL AND NOT EXISTS (
		  SELECT 1 FROM question_priority qp WHERE qp.question_id = a.question_id AND qp.priority_id = cp.priority_id)
		AND ${responseConditions(db, consultationId, filters)}`;
}

/** Roadshow notes per priority, each once. */
function noteLinks(db: Db, consultationId: number, filters: InsightFilters): SQL {
	const nc = noteConditions(db, consultationId, filters);
	return sql`SELECT rnp.priority_id, n.id AS note_id FROM roadshow_note_priority rnp
		JOIN roadshow_note n ON n.id = rnp.note_id WHERE ${nc}
		UNION SELECT cp.priority_id, n.id FROM comment_priority cp JOIN roadshow_note n ON n.id = cp.roadshow_note_id
		WHERE cp.consultation_id = ${consultationId} AND ${nc}`;
}

/** Comments per priority, keyed by priority id. */
export async function commentCounts(
	db: Db,
	consultationId: number,
	filters: InsightFilters = {}
): Promise<Map<number, number>> {
	const questions = await linkedQuestions(db, consultationId, 'text', filters);
	return await countComments(
		db,
		consultationId,
		filters,
		questions,
		await answerCounts(
			db,
			consultationId,
			questions.map((q) => q.id),
			filters
		)
	);
}

/** agreementByPriority and commentCounts from one pass over the answers. */
export async function priorityFigures(
	db: Db,
	consultationId: number,
	priorityIds: number[],
	filters: InsightFilters = {}
) {
	const agreement = await linkedQuestions(db, consultationId, 'agreement', filters);
	const text = await linkedQuestions(db, consultationId, 'text', filters);
	const counts = await answerCounts(
		db,
		consultationId,
		[...agreement, ...text].map((q) => q.id),
		filters
	);
	const rows = agreementFromCounts(agreement, counts);
	return {
		agreement: new Map(
			priorityIds.map((id) => [
				id,
				shapeAgreement(
					rows.filter((r) => r.priorityId === id),
					filters
				)
			])
		),
		comments: await countComments(db, consultationId, filters, text, counts)
	};
}

async function countComments(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	questions: LinkedQuestion[],
	counts: AnswerCount[]
): Promise<Map<number, number>> {
	const out = new Map<number, number>();
	const add = (priorityId: number, n: number) =>
		out.set(priorityId, (out.get(priorityId) ?? 0) + n);
	for (const c of counts)
		for (const q of questions) if (q.id === c.questionId) add(q.priorityId, c.n);
	const others = await numberRows<{ priorityId: number; n: number }>(
		db,
		sql`SELECT priority_id AS "priorityId", count(*) AS n FROM (${extraAnswerLinks(db, consultationId, filters)}) e
			GROUP BY priority_id
			UNION ALL SELECT priority_id, count(*) FROM (${noteLinks(db, consultationId, filters)}) nl
			GROUP BY priority_id`,
		['n']
	);
	for (const o of others) add(o.priorityId, o.n);
	return out;
}

export type ThemeCount = { themeId: number; name: string; count: number };

type ThemeRow = { priorityId: number | null; themeId: number; name: string; n: number };

/** The consultation's questions (of one audience, if filtered): a few dozen ids. */
function consultationQuestions(consultationId: number, filters: InsightFilters): SQL {
	return sql`SELECT q.id FROM question q JOIN questionnaire_version v ON v.id = q.version_id
		JOIN questionnaire qn ON qn.id = v.questionnaire_id WHERE qn.consultation_id = ${consultationId}
		${filters.audience ? sql`AND qn.audience = ${filters.audience}` : sql``}`;
}

/**
 * Theme tags on answers of matching responses, as rows (priority_id, theme_id, n) by the priorities
 * the answer's question informs, or (theme_id, n) over all: the running totals in theme_tally
 * (see countableFromTallies), or else tags joined to their answers and responses.
 */
function answerTagCounts(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	by: 'priority' | 'all',
	priorityId?: number
): SQL {
	const only = priorityId === undefined ? sql`` : sql`AND qp.priority_id = ${priorityId}`;
	const priorityColumn = by === 'priority' ? sql`qp.priority_id,` : sql``;
	if (countableFromTallies(filters)) {
		return sql`SELECT ${priorityColumn} tt.theme_id, sum(tt.n) AS n FROM theme_tally tt
			${by === 'priority' ? sql`JOIN question_priority qp ON qp.question_id = tt.question_id` : sql``}
			WHERE tt.question_id IN (${consultationQuestions(consultationId, filters)})
			${tallyGroup(filters, 'tt')} ${only}
			GROUP BY ${priorityColumn} tt.theme_id`;
	}
	return sql`SELECT ${priorityColumn} ct.theme_id, count(*) AS n FROM comment_theme ct
		JOIN answer a ON a.id = ct.answer_id
		${by === 'priority' ? sql`JOIN question_priority qp ON qp.question_id = a.question_id` : sql``}
		JOIN response r ON r.id = a.response_id
		WHERE ct.consultation_id = ${consultationId} AND ${responseConditions(db, consultationId, filters)} ${only}
		GROUP BY ${priorityColumn} ct.theme_id`;
}

/** Theme tags on each priority's comments, starting from the tags (far fewer than answers). */
function priorityThemeRows(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	priorityId?: number
): Promise<ThemeRow[]> {
	const only = (alias: 'e' | 'nl') =>
		priorityId === undefined ? sql`` : sql`AND ${sql.raw(alias)}.priority_id = ${priorityId}`;
	return numberRows<ThemeRow>(
		db,
		sql`SELECT x.priority_id AS "priorityId", t.id AS "themeId", t.name, sum(x.n) AS n FROM (
			${answerTagCounts(db, consultationId, filters, 'priority', priorityId)}
			UNION ALL SELECT e.priority_id, ct.theme_id, count(*) FROM (${extraAnswerLinks(db, consultationId, filters)}) e
			JOIN comment_theme ct ON ct.answer_id = e.answer_id WHERE true ${only('e')}
			GROUP BY e.priority_id, ct.theme_id
			UNION ALL SELECT nl.priority_id, ct.theme_id, count(*) FROM (${noteLinks(db, consultationId, filters)}) nl
			JOIN comment_theme ct ON ct.roadshow_note_id = nl.note_id WHERE true ${only('nl')}
			GROUP BY nl.priority_id, ct.theme_id
			) x JOIN theme t ON t.id = x.theme_id GROUP BY x.priority_id, t.id`,
		['n']
	);
}

/** Theme tags on every comment of the consultation, whichever question or priority it belongs to. */
function allThemeRows(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): Promise<ThemeRow[]> {
	return numberRows<ThemeRow>(
		db,
		sql`SELECT NULL AS "priorityId", t.id AS "themeId", t.name, sum(x.n) AS n FROM (
			${answerTagCounts(db, consultationId, filters, 'all')}
			UNION ALL SELECT ct.theme_id, count(*) FROM comment_theme ct
			JOIN roadshow_note n ON n.id = ct.roadshow_note_id
			WHERE ct.consultation_id = ${consultationId} AND ${noteConditions(db, consultationId, filters)}
			GROUP BY ct.theme_id) x JOIN theme t ON t.id = x.theme_id GROUP BY t.id`,
		['n']
	);
}

function rank(rows: ThemeRow[], limit: number): ThemeCount[] {
	return [...rows]
		.sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
		.slice(0, limit)
		.map((r) => ({ themeId: r.themeId, name: r.name, count: r.n }));
}

/** The most used themes, on one priority's comments or on all comments. */
export async function topThemes(
	db: Db,
	consultationId: number,
	options: { priorityId?: number; filters?: InsightFilters } = {},
	limit = 5
): Promise<ThemeCount[]> {
	const filters = options.filters ?? {};
	const rows =
		options.priorityId === undefined
			? await allThemeRows(db, consultationId, filters)
			: await priorityThemeRows(db, consultationId, filters, options.priorityId);
	return rank(rows, limit);
}

/** topThemes for every priority in one query. */
export async function topThemesByPriority(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	limit = 5
): Promise<Map<number, ThemeCount[]>> {
	const rows = await priorityThemeRows(db, consultationId, filters);
	const out = new Map<number, ThemeCount[]>();
	for (const id of new Set(rows.map((r) => r.priorityId!)))
		out.set(
			id,
			rank(
				rows.filter((r) => r.priorityId === id),
				limit
			)
		);
	return out;
}

export type Comment = { text: string; audience: Audience; channel: Channel; at: number };

/** The most recent comments on a priority, from answers and roadshow notes. */
export async function recentComments(
	db: Db,
	consultationId: number,
	priorityId: number,
	filters: InsightFilters,
	limit = 3
): Promise<Comment[]> {
	// Newest responses first, stopping at the limit, whatever the filters.
	const answers = await numberRows<Comment>(
		db,
		sql`SELECT a.text_value AS text, r.audience, r.channel, ${epochMs(db, sql`r.submitted_at`)} AS at
			FROM response r ${sqliteHint(db, 'INDEXED BY response_consultation_submitted_idx')}
			JOIN answer a ON a.response_id = r.id
			WHERE a.text_value IS NOT NULL AND a.question_id IN (
			  SELECT qp.question_id FROM question_priority qp JOIN question q ON q.id = qp.question_id
			  WHERE qp.priority_id = ${priorityId} AND q.kind = 'text')
			AND ${responseConditions(db, consultationId, filters)}
			ORDER BY r.submitted_at DESC, a.id DESC LIMIT ${limit}`,
		['at']
	);
	const notes = await numberRows<Comment>(
		db,
		sql`SELECT n.note AS text, n.audience, 'roadshow' AS channel, ${epochMs(db, sql`n.created_at`)} AS at
			FROM roadshow_note n JOIN roadshow_note_priority rnp ON rnp.note_id = n.id
			WHERE rnp.priority_id = ${priorityId} AND ${noteConditions(db, consultationId, filters)}
			ORDER BY n.created_at DESC, n.id DESC LIMIT ${limit}`,
		['at']
	);
	return [...answers, ...notes].sort((a, b) => b.at - a.at).slice(0, limit);
}

export type SessionFigures = {
	id: number;
	title: string;
	startsAt: Date;
	cancelled: boolean;
	capacity: number;
	booked: number;
	waiting: number;
	attended: number;
	notes: number;
	responses: number;
};

/**
 * Per roadshow session: capacity, places booked and attended, waiting-list entries, feedback notes
 * and forms. Bookings are not answers, so only the session filter applies here.
 */
export async function roadshowPanel(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): Promise<{ sessions: SessionFigures[]; booked: number; attended: number; waiting: number }> {
	const sessions = (await listSessionsForConsultation(db, consultationId)).filter(
		(s) => !filters.sessionId || s.id === filters.sessionId
	);
	const extra = await numberRows<{
		id: number;
		attended: number;
		notes: number;
		responses: number;
	}>(
		db,
		sql`SELECT s.id,
			(SELECT coalesce(sum(b.adults + b.children), 0) FROM booking b WHERE b.roadshow_session_id = s.id AND b.status = 'confirmed' AND b.attended_at IS NOT NULL) AS attended,
			(SELECT count(*) FROM roadshow_note n WHERE n.roadshow_session_id = s.id) AS notes,
			(SELECT coalesce(sum(t.n), 0) FROM response_tally t WHERE t.consultation_id = s.consultation_id AND t.session_key = s.id) AS responses
			FROM roadshow_session s WHERE s.consultation_id = ${consultationId}`,
		['attended', 'notes', 'responses']
	);
	const byId = new Map(extra.map((e) => [e.id, e]));
	let booked = 0;
	let attended = 0;
	let waiting = 0;
	const rows = sessions.map((s) => {
		const e = byId.get(s.id)!;
		if (!s.cancelledAt) {
			booked += s.confirmedPlaces;
			attended += e.attended;
			waiting += s.waitingCount;
		}
		return {
			id: s.id,
			title: s.title,
			startsAt: s.startsAt,
			cancelled: s.cancelledAt !== null,
			capacity: s.capacity,
			booked: s.confirmedPlaces,
			waiting: s.waitingCount,
			attended: e.attended,
			notes: e.notes,
			responses: e.responses
		};
	});
	return { sessions: rows, booked, attended, waiting };
}
