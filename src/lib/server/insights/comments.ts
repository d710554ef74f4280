// Reading comments for coding: free-text answers from submitted responses and roadshow notes,
// filtered, newest first, a page at a time, each with its tags, priorities and suggestions.
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db';
import {
	audienceCodes,
	channelCodes,
	commentPriority,
	commentTheme,
	priority,
	question,
	questionPriority,
	questionnaire,
	questionnaireVersion,
	roadshowNotePriority,
	type Audience,
	type Channel
} from '../db/schema';
import { audienceLabels } from '../questionnaires/audiences';
import type { FieldErrors } from '../shared/forms';
import type { CommentKind } from './coding';
import { listThemes } from './coding';
import { epochMs, numberRows } from './sql';
import { suggestThemes, type ThemeSuggestion } from './suggestions';

export const COMMENTS_PAGE_SIZE = 20;

export type CommentFilters = {
	priorityId?: number;
	/** A question's key: stable across versions and shared by the audiences' questionnaires. */
	questionKey?: string;
	themeId?: number;
	audience?: Audience;
	channel?: Channel;
	untaggedOnly?: boolean;
	page?: number;
};

export type CommentItem = {
	kind: CommentKind;
	id: number;
	text: string;
	audience: Audience;
	channel: Channel;
	at: Date;
	questionText: string | null;
	themes: { id: number; name: string }[];
	/** Priorities the question (or note) informs: not removable here. */
	impliedPriorities: { id: number; position: number; title: string }[];
	/** Priorities a lead linked: removable. */
	linkedPriorities: { id: number; position: number; title: string }[];
	suggestions: (ThemeSuggestion & { name: string })[];
};

export type CommentPage = {
	comments: CommentItem[];
	total: number;
	page: number;
	pageCount: number;
	pageSize: number;
};

/**
 * The free-text questions the consultation's questionnaires ask, once per key (the first wording), each labelled with the priorities it asks about so that
 * six follow-ups all asking "Why do you say that?" can be told apart in the filter.
 */
export async function listCommentQuestions(
	db: DbOrTx,
	consultationId: number
): Promise<{ key: string; text: string; label: string }[]> {
	const rows = await db
		.select({
			id: question.id,
			key: question.key,
			text: question.text,
			position: question.position,
			audience: questionnaire.audience
		})
		.from(question)
		.innerJoin(questionnaireVersion, eq(questionnaireVersion.id, question.versionId))
		.innerJoin(questionnaire, eq(questionnaire.id, questionnaireVersion.questionnaireId))
		.where(
			and(
				eq(questionnaire.consultationId, consultationId),
				eq(question.kind, 'text'),
				eq(question.isProfile, false),
				sql`${question.textFormat} IS NULL`
			)
		)
		.orderBy(asc(question.versionId), asc(question.position));
	type Entry = { text: string; position: number; questionIds: number[]; audiences: Set<Audience> };
	const byKey = new Map<string, Entry>();
	for (const r of rows) {
		const entry: Entry = byKey.get(r.key) ?? {
			text: r.text,
			position: r.position,
			questionIds: [],
			audiences: new Set()
		};
		entry.questionIds.push(r.id);
		entry.audiences.add(r.audience);
		byKey.set(r.key, entry);
	}
	const positions = new Map<number, Set<number>>();
	const titles = new Map<number, string>();
	const ids = rows.map((r) => r.id);
	if (ids.length) {
		for (const qp of await db
			.select({
				questionId: questionPriority.questionId,
				position: priority.position,
				title: priority.title
			})
			.from(questionPriority)
			.innerJoin(priority, eq(priority.id, questionPriority.priorityId))
			.where(inArray(questionPriority.questionId, ids))) {
			positions.set(qp.questionId, (positions.get(qp.questionId) ?? new Set()).add(qp.position));
			titles.set(qp.position, qp.title);
		}
	}
	const labelled = [...byKey].map(([key, e]) => {
		const asked = [...new Set(e.questionIds.flatMap((id) => [...(positions.get(id) ?? [])]))].sort(
			(a, b) => a - b
		);
		const about =
			asked.length === 0
				? ''
				: asked.length === 1
					? ` (priority ${asked[0]}: ${titles.get(asked[0])})`
					: ` (priorities ${asked.slice(0, -1).join(', ')} and ${asked.at(-1)})`;
		return { key, text: e.text, label: `${e.text}${about}`, entry: e };
	});
	// Where two still read the same, say where each is asked.
	const counts = new Map<string, number>();
	for (const q of labelled) counts.set(q.label, (counts.get(q.label) ?? 0) + 1);
	return labelled.map(({ key, text, label, entry }) => ({
		key,
		text,
		label:
			(counts.get(label) ?? 0) > 1
				? `${label} – question ${entry.position}, ${[...entry.audiences].map((a) => audienceLabels[a].toLowerCase()).join(' and ')}`
				: label
	}));
}

type Known = {
	priorityIds: readonly number[];
	questionKeys: readonly string[];
	themeIds: readonly number[];
};

const idPattern = /^[1-9]\d{0,9}$/;

/**
 * Filters from the address bar. Values that are not this consultation's are dropped with a
 * message keyed by the filter's field id, so the page can say what was wrong.
 */
export function parseCommentFilters(
	params: URLSearchParams,
	known: Known
): { filters: CommentFilters; errors: FieldErrors } {
	const filters: CommentFilters = {};
	const errors: FieldErrors = {};
	const id = (name: string, allowed: readonly number[], message: string): number | undefined => {
		const raw = params.get(name);
		if (!raw) return undefined;
		if (idPattern.test(raw) && allowed.includes(Number(raw))) return Number(raw);
		errors[name] = message;
		return undefined;
	};
	filters.priorityId = id('priority', known.priorityIds, 'Select a priority from the list');
	const key = params.get('question');
	if (key) {
		if (known.questionKeys.includes(key)) filters.questionKey = key;
		else errors.question = 'Select a question from the list';
	}
	filters.themeId = id('theme', known.themeIds, 'Select a theme from the list');
	const audience = params.get('audience');
	if (audience) {
		if ((audienceCodes as readonly string[]).includes(audience))
			filters.audience = audience as Audience;
		else errors.audience = 'Select an audience from the list';
	}
	const channel = params.get('channel');
	if (channel) {
		if ((channelCodes as readonly string[]).includes(channel)) filters.channel = channel as Channel;
		else errors.channel = 'Select a channel from the list';
	}
	if (params.get('untagged') === 'yes') filters.untaggedOnly = true;
	const page = params.get('page');
	filters.page = page && /^[1-9]\d{0,5}$/.test(page) ? Number(page) : 1;
	return { filters, errors };
}

type Row = {
	kind: CommentKind;
	id: number;
	text: string;
	audience: Audience;
	channel: Channel;
	at: number;
	questionId: number | null;
	questionText: string | null;
};

function answersQuery(db: DbOrTx, consultationId: number, f: CommentFilters): SQL {
	const where: SQL[] = [
		sql`r.consultation_id = ${consultationId}`,
		sql`r.status = 'submitted'`,
		sql`q.kind = 'text'`,
		// Bare, as a boolean: SQLite's 0/1 and PostgreSQL's boolean alike.
		sql`NOT q.is_profile`,
		sql`q.text_format IS NULL`,
		sql`trim(coalesce(a.text_value, '')) <> ''`
	];
	if (f.audience) where.push(sql`r.audience = ${f.audience}`);
	if (f.channel) where.push(sql`r.channel = ${f.channel}`);
	if (f.questionKey) where.push(sql`q.key = ${f.questionKey}`);
	if (f.priorityId) {
		where.push(sql`(EXISTS (SELECT 1 FROM question_priority qp WHERE qp.question_id = a.question_id AND qp.priority_id = ${f.priorityId})
			OR EXISTS (SELECT 1 FROM comment_priority cp WHERE cp.answer_id = a.id AND cp.priority_id = ${f.priorityId}))`);
	}
	if (f.themeId)
		where.push(
			sql`EXISTS (SELECT 1 FROM comment_theme ct WHERE ct.answer_id = a.id AND ct.theme_id = ${f.themeId})`
		);
	if (f.untaggedOnly)
		where.push(sql`NOT EXISTS (SELECT 1 FROM comment_theme ct WHERE ct.answer_id = a.id)`);
	return sql`SELECT 'answer' AS kind, a.id AS id, a.text_value AS text, r.audience AS audience, r.channel AS channel,
		${epochMs(db, sql`r.submitted_at`)} AS at, q.id AS "questionId", q.text AS "questionText"
		FROM answer a JOIN response r ON r.id = a.response_id JOIN question q ON q.id = a.question_id
		WHERE ${sql.join(where, sql` AND `)}`;
}

function notesQuery(db: DbOrTx, consultationId: number, f: CommentFilters): SQL | null {
	// Notes answer no question and are always the roadshow channel.
	if (f.questionKey || (f.channel && f.channel !== 'roadshow')) return null;
	const where: SQL[] = [sql`n.consultation_id = ${consultationId}`];
	if (f.audience) where.push(sql`n.audience = ${f.audience}`);
	if (f.priorityId) {
		where.push(sql`(EXISTS (SELECT 1 FROM roadshow_note_priority np WHERE np.note_id = n.id AND np.priority_id = ${f.priorityId})
			OR EXISTS (SELECT 1 FROM comment_priority cp WHERE cp.roadshow_note_id = n.id AND cp.priority_id = ${f.priorityId}))`);
	}
	if (f.themeId)
		where.push(
			sql`EXISTS (SELECT 1 FROM comment_theme ct WHERE ct.roadshow_note_id = n.id AND ct.theme_id = ${f.themeId})`
		);
	if (f.untaggedOnly)
		where.push(sql`NOT EXISTS (SELECT 1 FROM comment_theme ct WHERE ct.roadshow_note_id = n.id)`);
	return sql`SELECT 'note' AS kind, n.id AS id, n.note AS text, n.audience AS audience, 'roadshow' AS channel,
		${epochMs(db, sql`n.created_at`)} AS at, NULL AS "questionId", NULL AS "questionText"
		FROM roadshow_note n WHERE ${sql.join(where, sql` AND `)}`;
}

export async function listComments(
	db: DbOrTx,
	consultationId: number,
	filters: CommentFilters
): Promise<CommentPage> {
	const parts = [
		answersQuery(db, consultationId, filters),
		notesQuery(db, consultationId, filters)
	].filter((p): p is SQL => p !== null);
	const all = sql.join(parts, sql` UNION ALL `);
	// PostgreSQL requires a subquery's alias; SQLite allows one.
	const [{ n: total }] = await numberRows<{ n: number }>(
		db,
		sql`SELECT count(*) AS n FROM (${all}) AS c`,
		['n']
	);
	const pageCount = Math.max(1, Math.ceil(total / COMMENTS_PAGE_SIZE));
	const page = Math.min(Math.max(1, filters.page ?? 1), pageCount);
	const rows = await queryRows<Row>(
		db,
		sql`SELECT * FROM (${all}) AS c ORDER BY at DESC, kind, id DESC LIMIT ${COMMENTS_PAGE_SIZE} OFFSET ${(page - 1) * COMMENTS_PAGE_SIZE}`
	);
	return {
		comments: await describe(db, consultationId, rows),
		total,
		page,
		pageCount,
		pageSize: COMMENTS_PAGE_SIZE
	};
}

/** Tags, priorities and suggestions for one page of comments, in a few queries. */
async function describe(db: DbOrTx, consultationId: number, rows: Row[]): Promise<CommentItem[]> {
	if (rows.length === 0) return [];
	const answerIds = rows.filter((r) => r.kind === 'answer').map((r) => r.id);
	const noteIds = rows.filter((r) => r.kind === 'note').map((r) => r.id);
	const questionIds = [
		...new Set(rows.flatMap((r) => (r.questionId === null ? [] : [r.questionId])))
	];
	const themes = await listThemes(db, consultationId);
	const themeName = new Map(themes.map((t) => [t.id, t.name]));
	const priorities = await db
		.select({ id: priority.id, position: priority.position, title: priority.title })
		.from(priority)
		.where(eq(priority.consultationId, consultationId))
		.orderBy(asc(priority.position));
	const priorityById = new Map(priorities.map((p) => [p.id, p]));
	const key = (kind: CommentKind, id: number) => `${kind}:${id}`;

	const tags = new Map<string, number[]>();
	const linked = new Map<string, number[]>();
	const push = (map: Map<string, number[]>, k: string, v: number) =>
		map.set(k, [...(map.get(k) ?? []), v]);
	// Never an empty or(): that would be no condition at all (describe returns early without rows).
	const bySource = (table: typeof commentTheme | typeof commentPriority) =>
		or(
			answerIds.length ? inArray(table.answerId, answerIds) : undefined,
			noteIds.length ? inArray(table.roadshowNoteId, noteIds) : undefined
		);
	for (const t of await db.select().from(commentTheme).where(bySource(commentTheme))) {
		push(
			tags,
			t.answerId !== null ? key('answer', t.answerId) : key('note', t.roadshowNoteId!),
			t.themeId
		);
	}
	for (const l of await db.select().from(commentPriority).where(bySource(commentPriority))) {
		push(
			linked,
			l.answerId !== null ? key('answer', l.answerId) : key('note', l.roadshowNoteId!),
			l.priorityId
		);
	}
	const byQuestion = new Map<string, number[]>();
	if (questionIds.length) {
		for (const qp of await db
			.select()
			.from(questionPriority)
			.where(inArray(questionPriority.questionId, questionIds)))
			push(byQuestion, String(qp.questionId), qp.priorityId);
	}
	const byNote = new Map<string, number[]>();
	if (noteIds.length) {
		for (const np of await db
			.select()
			.from(roadshowNotePriority)
			.where(inArray(roadshowNotePriority.noteId, noteIds)))
			push(byNote, String(np.noteId), np.priorityId);
	}
	const toPriorities = (ids: number[]) =>
		ids
			.map((id) => priorityById.get(id))
			.filter((p) => p !== undefined)
			.sort((a, b) => a.position - b.position);

	return rows.map((r) => {
		const k = key(r.kind, r.id);
		const themeIds = tags.get(k) ?? [];
		const implied =
			r.kind === 'answer'
				? (byQuestion.get(String(r.questionId)) ?? [])
				: (byNote.get(String(r.id)) ?? []);
		const explicit = (linked.get(k) ?? []).filter((id) => !implied.includes(id));
		return {
			kind: r.kind,
			id: r.id,
			text: r.text,
			audience: r.audience,
			channel: r.channel,
			at: new Date(r.at),
			questionText: r.questionText,
			themes: themeIds
				.map((id) => ({ id, name: themeName.get(id) ?? '' }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			impliedPriorities: toPriorities(implied),
			linkedPriorities: toPriorities(explicit),
			suggestions: suggestThemes(
				r.text,
				themes.filter((t) => !themeIds.includes(t.id))
			).map((s) => ({ ...s, name: themeName.get(s.themeId) ?? '' }))
		};
	});
}
