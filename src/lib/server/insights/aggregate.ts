// Every dashboard figure as one indexed GROUP BY in SQL; JavaScript only shapes the few rows that
// come back. Figures leave here as they are: nothing here is published until disclosure.ts has
// protected it.
import type { Db } from '../db';
import { audienceCodes, channelCodes, type Audience, type Channel } from '../db/schema';
import { agreementValues, type AgreementValue } from '../../agreement';
import { audienceLabels, channelLabels } from '../questionnaires/audiences';
import { listSessionsForConsultation } from '../roadshow/sessions';
import type { InsightFilters } from './filters';
import {
	addDays,
	all,
	noteConditions,
	responseConditions,
	responseSource,
	ukDaySql,
	type Fragment
} from './sql';

const join = (...fragments: (Fragment | string)[]): Fragment => ({
	text: fragments.map((f) => (typeof f === 'string' ? f : f.text)).join(' '),
	params: fragments.flatMap((f) => (typeof f === 'string' ? [] : f.params))
});
const param = (value: unknown): Fragment => ({ text: '?', params: [value] });

/** Submitted responses matching the filters: for decisions, never for display. */
export function countResponses(db: Db, consultationId: number, filters: InsightFilters): number {
	const s = responseSource(consultationId, filters);
	return all<{ n: number }>(db, join(`SELECT ${s.count} AS n FROM ${s.from} WHERE`, s.where))[0].n;
}

export type ResponseTotals = {
	total: number;
	byAudience: { audience: Audience; label: string; n: number }[];
	byChannel: { channel: Channel; label: string; n: number }[];
};

export function responseTotals(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): ResponseTotals {
	const s = responseSource(consultationId, filters);
	const rows = all<{ audience: Audience; channel: Channel; n: number }>(
		db,
		join(
			`SELECT ${s.audience} AS audience, ${s.channel} AS channel, ${s.count} AS n FROM ${s.from} WHERE`,
			s.where,
			'GROUP BY 1, 2'
		)
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
export function responsesByDay(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): { day: string; n: number }[] {
	const s = responseSource(consultationId, filters);
	// Running totals can hold groups taken back to 0: those are no responses.
	const some = s.from === 'response r' ? '' : 'AND t.n > 0';
	const range = all<{ min: number | null; max: number | null }>(
		db,
		// Two subqueries: SQLite seeks an index for a lone min() or max(), not for both at once.
		join(
			`SELECT (SELECT min(${s.time}) FROM ${s.from} WHERE`,
			s.where,
			`${some}) AS min, (SELECT max(${s.time}) FROM ${s.from} WHERE`,
			s.where,
			`${some}) AS max`
		)
	)[0];
	if (range.min === null || range.max === null) return [];
	const day = ukDaySql(s.time, range.min, range.max);
	const rows = all<{ day: string; n: number }>(
		db,
		join(
			`SELECT ${day} AS day, ${s.count} AS n FROM ${s.from} WHERE`,
			s.where,
			`GROUP BY day HAVING ${s.count} > 0 ORDER BY day`
		)
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
function linkedQuestions(
	db: Db,
	consultationId: number,
	kind: 'agreement' | 'text',
	filters: InsightFilters,
	priorityId?: number
): LinkedQuestion[] {
	const rows = all<LinkedQuestion>(db, {
		text: `SELECT q.id, qn.audience, qp.priority_id AS priorityId FROM question q
			JOIN questionnaire_version v ON v.id = q.version_id
			JOIN questionnaire qn ON qn.id = v.questionnaire_id
			JOIN question_priority qp ON qp.question_id = q.id
			WHERE qn.consultation_id = ? AND q.kind = ? AND q.is_profile = 0`,
		params: [consultationId, kind]
	});
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

/** Conditions on a tally `alias` for the channel and session filters. */
function tallyGroup(filters: InsightFilters, alias: string): Fragment {
	return join(
		filters.channel ? join(`AND ${alias}.channel =`, param(filters.channel)) : '',
		filters.sessionId ? join(`AND ${alias}.session_key =`, param(filters.sessionId)) : ''
	);
}

/**
 * Answers per question and value from submitted responses matching the filters: the running
 * totals in answer_tally (see countableFromTallies), or else the matching responses' answers by
 * answer(response_id, question_id, value).
 */
type AnswerCount = { questionId: number; value: string | null; n: number };

function answerCounts(
	db: Db,
	consultationId: number,
	questionIds: number[],
	filters: InsightFilters
): AnswerCount[] {
	if (questionIds.length === 0) return [];
	// Whole numbers from the database, so safe to write into the SQL; one statement per question set.
	const ids = [...new Set(questionIds)].join(', ');
	if (countableFromTallies(filters)) {
		return all<AnswerCount>(
			db,
			join(
				`SELECT t.question_id AS questionId, nullif(t.value, '') AS value, sum(t.n) AS n
				 FROM answer_tally t WHERE t.question_id IN (${ids})`,
				tallyGroup(filters, 't'),
				'GROUP BY t.question_id, t.value HAVING sum(t.n) <> 0'
			)
		);
	}
	return all<AnswerCount>(
		db,
		join(
			'SELECT a.question_id AS questionId, a.value, count(*) AS n FROM response r JOIN answer a ON a.response_id = r.id WHERE',
			responseConditions(consultationId, filters),
			`AND +a.question_id IN (${ids}) GROUP BY a.question_id, a.value`
		)
	);
}

function agreementRows(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	priorityId?: number
) {
	const questions = linkedQuestions(db, consultationId, 'agreement', filters, priorityId);
	return agreementFromCounts(
		questions,
		answerCounts(
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
export function agreementByAudience(
	db: Db,
	consultationId: number,
	priorityId: number,
	filters: InsightFilters = {}
): PriorityAgreement {
	return shapeAgreement(agreementRows(db, consultationId, filters, priorityId), filters);
}

/** agreementByAudience for every priority of the consultation in one query. */
export function agreementByPriority(
	db: Db,
	consultationId: number,
	priorityIds: number[],
	filters: InsightFilters = {}
): Map<number, PriorityAgreement> {
	const rows = agreementRows(db, consultationId, filters);
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
 * Answers a lead linked to a priority whose question does not already inform it. CROSS JOIN fixes
 * the order: from the few links to their answers, never from every response's answers.
 */
function extraAnswerLinks(consultationId: number, filters: InsightFilters): Fragment {
	return join(
		`SELECT cp.priority_id, a.id AS answer_id FROM comment_priority cp
		 CROSS JOIN answer a ON a.id = cp.answer_id CROSS JOIN response r ON r.id = a.response_id
		 WHERE cp.consultation_id = ? AND cp.answer_id IS NOT NULL AND NOT EXISTS (
		   SELECT 1 FROM question_priority qp WHERE qp.question_id = a.question_id AND qp.priority_id = cp.priority_id) AND`,
		{ text: '', params: [consultationId] },
		responseConditions(consultationId, filters)
	);
}

/** Roadshow notes per priority, each once. */
function noteLinks(consultationId: number, filters: InsightFilters): Fragment {
	const nc = noteConditions(consultationId, filters);
	return join(
		'SELECT rnp.priority_id, n.id AS note_id FROM roadshow_note_priority rnp JOIN roadshow_note n ON n.id = rnp.note_id WHERE',
		nc,
		'UNION SELECT cp.priority_id, n.id FROM comment_priority cp JOIN roadshow_note n ON n.id = cp.roadshow_note_id WHERE cp.consultation_id = ?',
		{ text: '', params: [consultationId] },
		'AND',
		nc
	);
}

/** Comments per priority, keyed by priority id. */
export function commentCounts(
	db: Db,
	consultationId: number,
	filters: InsightFilters = {}
): Map<number, number> {
	const questions = linkedQuestions(db, consultationId, 'text', filters);
	return countComments(
		db,
		consultationId,
		filters,
		questions,
		answerCounts(
			db,
			consultationId,
			questions.map((q) => q.id),
			filters
		)
	);
}

/** agreementByPriority and commentCounts from one pass over the answers. */
export function priorityFigures(
	db: Db,
	consultationId: number,
	priorityIds: number[],
	filters: InsightFilters = {}
) {
	const agreement = linkedQuestions(db, consultationId, 'agreement', filters);
	const text = linkedQuestions(db, consultationId, 'text', filters);
	const counts = answerCounts(
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
		comments: countComments(db, consultationId, filters, text, counts)
	};
}

function countComments(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	questions: LinkedQuestion[],
	counts: AnswerCount[]
): Map<number, number> {
	const out = new Map<number, number>();
	const add = (priorityId: number, n: number) =>
		out.set(priorityId, (out.get(priorityId) ?? 0) + n);
	for (const c of counts)
		for (const q of questions) if (q.id === c.questionId) add(q.priorityId, c.n);
	const others = all<{ priorityId: number; n: number }>(
		db,
		join(
			'SELECT priority_id AS priorityId, count(*) AS n FROM (',
			extraAnswerLinks(consultationId, filters),
			') GROUP BY priority_id UNION ALL SELECT priority_id, count(*) FROM (',
			noteLinks(consultationId, filters),
			') GROUP BY priority_id'
		)
	);
	for (const o of others) add(o.priorityId, o.n);
	return out;
}

export type ThemeCount = { themeId: number; name: string; count: number };

type ThemeRow = { priorityId: number | null; themeId: number; name: string; n: number };

/** The consultation's questions (of one audience, if filtered): a few dozen ids. */
function consultationQuestions(consultationId: number, filters: InsightFilters): Fragment {
	const questions = join(
		`SELECT q.id FROM question q JOIN questionnaire_version v ON v.id = q.version_id
		 JOIN questionnaire qn ON qn.id = v.questionnaire_id WHERE qn.consultation_id =`,
		param(consultationId)
	);
	return filters.audience
		? join(questions, 'AND qn.audience =', param(filters.audience))
		: questions;
}

/**
 * Theme tags on answers of matching responses, as rows (priority_id, theme_id, n) by the priorities
 * the answer's question informs, or (theme_id, n) over all: the running totals in theme_tally
 * (see countableFromTallies), or else tags joined to their answers and responses.
 */
function answerTagCounts(
	consultationId: number,
	filters: InsightFilters,
	by: 'priority' | 'all',
	priorityId?: number
): Fragment {
	const only = priorityId === undefined ? '' : join('AND qp.priority_id =', param(priorityId));
	const priorityColumn = by === 'priority' ? 'qp.priority_id,' : '';
	if (countableFromTallies(filters)) {
		return join(
			`SELECT ${priorityColumn} tt.theme_id, sum(tt.n) AS n FROM theme_tally tt`,
			by === 'priority' ? 'JOIN question_priority qp ON qp.question_id = tt.question_id' : '',
			'WHERE tt.question_id IN (',
			consultationQuestions(consultationId, filters),
			')',
			tallyGroup(filters, 'tt'),
			only,
			`GROUP BY ${priorityColumn} tt.theme_id`
		);
	}
	return join(
		`SELECT ${priorityColumn} ct.theme_id, count(*) AS n FROM comment_theme ct
		 JOIN answer a ON a.id = ct.answer_id`,
		by === 'priority' ? 'JOIN question_priority qp ON qp.question_id = a.question_id' : '',
		'JOIN response r ON r.id = a.response_id WHERE ct.consultation_id =',
		param(consultationId),
		'AND',
		responseConditions(consultationId, filters),
		only,
		`GROUP BY ${priorityColumn} ct.theme_id`
	);
}

/** Theme tags on each priority's comments, starting from the tags (far fewer than answers). */
function priorityThemeRows(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	priorityId?: number
): ThemeRow[] {
	const only = (column: string) =>
		priorityId === undefined ? '' : join(`AND ${column} =`, param(priorityId));
	return all<ThemeRow>(
		db,
		join(
			'SELECT x.priority_id AS priorityId, t.id AS themeId, t.name, sum(x.n) AS n FROM (',
			answerTagCounts(consultationId, filters, 'priority', priorityId),
			'UNION ALL SELECT e.priority_id, ct.theme_id, count(*) FROM (',
			extraAnswerLinks(consultationId, filters),
			') e JOIN comment_theme ct ON ct.answer_id = e.answer_id WHERE 1',
			only('e.priority_id'),
			'GROUP BY e.priority_id, ct.theme_id UNION ALL SELECT nl.priority_id, ct.theme_id, count(*) FROM (',
			noteLinks(consultationId, filters),
			') nl JOIN comment_theme ct ON ct.roadshow_note_id = nl.note_id WHERE 1',
			only('nl.priority_id'),
			`GROUP BY nl.priority_id, ct.theme_id
			 ) x JOIN theme t ON t.id = x.theme_id GROUP BY x.priority_id, t.id`
		)
	);
}

/** Theme tags on every comment of the consultation, whichever question or priority it belongs to. */
function allThemeRows(db: Db, consultationId: number, filters: InsightFilters): ThemeRow[] {
	return all<ThemeRow>(
		db,
		join(
			'SELECT NULL AS priorityId, t.id AS themeId, t.name, sum(x.n) AS n FROM (',
			answerTagCounts(consultationId, filters, 'all'),
			`UNION ALL SELECT ct.theme_id, count(*) FROM comment_theme ct
			 JOIN roadshow_note n ON n.id = ct.roadshow_note_id
			 WHERE ct.consultation_id = ?`,
			{ text: '', params: [consultationId] },
			'AND',
			noteConditions(consultationId, filters),
			`GROUP BY ct.theme_id) x JOIN theme t ON t.id = x.theme_id GROUP BY t.id`
		)
	);
}

function rank(rows: ThemeRow[], limit: number): ThemeCount[] {
	return [...rows]
		.sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
		.slice(0, limit)
		.map((r) => ({ themeId: r.themeId, name: r.name, count: r.n }));
}

/** The most used themes, on one priority's comments or on all comments. */
export function topThemes(
	db: Db,
	consultationId: number,
	options: { priorityId?: number; filters?: InsightFilters } = {},
	limit = 5
): ThemeCount[] {
	const filters = options.filters ?? {};
	const rows =
		options.priorityId === undefined
			? allThemeRows(db, consultationId, filters)
			: priorityThemeRows(db, consultationId, filters, options.priorityId);
	return rank(rows, limit);
}

/** topThemes for every priority in one query. */
export function topThemesByPriority(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	limit = 5
): Map<number, ThemeCount[]> {
	const rows = priorityThemeRows(db, consultationId, filters);
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
export function recentComments(
	db: Db,
	consultationId: number,
	priorityId: number,
	filters: InsightFilters,
	limit = 3
): Comment[] {
	const rc = responseConditions(consultationId, filters);
	const nc = noteConditions(consultationId, filters);
	const answers = all<Comment>(
		db,
		join(
			// Newest responses first, stopping at the limit, whatever the filters.
			`SELECT a.text_value AS text, r.audience, r.channel, r.submitted_at AS at
			 FROM response r INDEXED BY response_consultation_submitted_idx JOIN answer a ON a.response_id = r.id
			 WHERE a.text_value IS NOT NULL AND a.question_id IN (
			   SELECT qp.question_id FROM question_priority qp JOIN question q ON q.id = qp.question_id
			   WHERE qp.priority_id = ? AND q.kind = 'text') AND`,
			{ text: '', params: [priorityId] },
			rc,
			'ORDER BY r.submitted_at DESC, a.id DESC LIMIT ?',
			{ text: '', params: [limit] }
		)
	);
	const notes = all<Comment>(
		db,
		join(
			`SELECT n.note AS text, n.audience, 'roadshow' AS channel, n.created_at AS at
			 FROM roadshow_note n JOIN roadshow_note_priority rnp ON rnp.note_id = n.id
			 WHERE rnp.priority_id = ? AND`,
			{ text: '', params: [priorityId] },
			nc,
			'ORDER BY n.created_at DESC, n.id DESC LIMIT ?',
			{ text: '', params: [limit] }
		)
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
	const extra = all<{ id: number; attended: number; notes: number; responses: number }>(db, {
		text: `SELECT s.id,
			(SELECT coalesce(sum(b.adults + b.children), 0) FROM booking b WHERE b.roadshow_session_id = s.id AND b.status = 'confirmed' AND b.attended_at IS NOT NULL) AS attended,
			(SELECT count(*) FROM roadshow_note n WHERE n.roadshow_session_id = s.id) AS notes,
			(SELECT coalesce(sum(t.n), 0) FROM response_tally t WHERE t.consultation_id = s.consultation_id AND t.session_key = s.id) AS responses
			FROM roadshow_session s WHERE s.consultation_id = ?`,
		params: [consultationId]
	});
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
