// Realistic submitted responses for the demo and for benchmarks: every audience and channel, answers
// to every agreement question with a tendency per priority (so the dashboard tells a story), "about
// you" answers, and comments drawn from themed pools. Multi-row inserts in one transaction, on
// either engine: a hundred thousand responses take seconds, not minutes.
import {
	and,
	asc,
	eq,
	getTableColumns,
	min,
	isNotNull,
	isNull,
	lte,
	sql,
	type Table
} from 'drizzle-orm';
import {
	type Db,
	executeStatement,
	firstRow,
	onlyRow,
	queryRows,
	withWriteTransaction
} from '../db';
import { engineOf } from '../db/engine';
import {
	answer,
	type Audience,
	booking,
	channelCodes,
	commentTheme,
	priority,
	question,
	questionnaire,
	questionnaireVersion,
	questionOption,
	questionPriority,
	response,
	roadshowNote,
	roadshowNotePriority,
	roadshowSession,
	staffUser,
	theme
} from '../db/schema';
import { REFERENCE_ALPHABET } from '../roadshow/references';
import { demoNotes, demoThemes, themesByPriority } from './comments';

type Rng = () => number;

/** A small seeded generator (mulberry32): the same demo every time. */
function rng(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick<T>(random: Rng, items: readonly T[], weights?: readonly number[]): T {
	if (!weights) return items[Math.floor(random() * items.length)];
	const total = weights.reduce((s, w) => s + w, 0);
	let r = random() * total;
	for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i];
	return items[items.length - 1];
}

const audiences = ['parents_carers', 'practitioners', 'young_people'] as const;
const audienceWeights = [45, 30, 25];
const agreementScale = [
	'strongly_agree',
	'agree',
	'neither',
	'disagree',
	'strongly_disagree',
	'dont_know'
];

/** Agreement tendencies by priority position: strong support for 1, 5 and 6, mixed on 3. */
const tendencies: Record<number, number[]> = {
	1: [50, 32, 7, 4, 2, 5],
	2: [35, 35, 14, 6, 3, 7],
	3: [14, 24, 20, 20, 13, 9],
	4: [30, 33, 14, 11, 6, 6],
	5: [42, 35, 10, 5, 2, 6],
	6: [46, 32, 9, 5, 3, 5]
};

function agreementWeights(position: number, audience: string): number[] {
	const w = [...(tendencies[position] ?? [30, 35, 15, 10, 5, 5])];
	if (audience === 'young_people') {
		w[2] += 4;
		w[5] += 8;
	}
	// Practitioners are warier of the school-facing priorities: they would carry them out.
	if (audience === 'practitioners' && (position === 3 || position === 4)) {
		w[3] += 8;
		w[4] += 3;
	}
	return w;
}

const districts = [
	'L1',
	'L4',
	'L6',
	'L8',
	'L9',
	'L11',
	'L12',
	'L13',
	'L15',
	'L17',
	'L18',
	'L19',
	'L24',
	'L25',
	'L36'
];
const otherDescriptions = [
	'Grandparent and kinship carer',
	'Foster carer',
	'Youth worker',
	'Speech and language therapist',
	'Childminder'
];
const rareValues = new Set(['prefer_not_to_say', 'not_sure', 'other']);

type QuestionMeta = {
	id: number;
	key: string;
	kind: 'agreement' | 'single' | 'multiple' | 'text';
	isProfile: boolean;
	textFormat: string | null;
	showIfQuestionKey: string | null;
	showIfValues: string[] | null;
	options: { value: string; exclusive: boolean }[];
	priorityPosition: number | null;
};

type Form = {
	audience: Audience;
	questionnaireId: number;
	versionId: number;
	questions: QuestionMeta[];
};

async function loadForms(tx: Db, consultationId: number): Promise<Form[]> {
	const versions = await tx
		.select({
			questionnaireId: questionnaire.id,
			audience: questionnaire.audience,
			versionId: questionnaireVersion.id
		})
		.from(questionnaire)
		.innerJoin(
			questionnaireVersion,
			and(
				eq(questionnaireVersion.questionnaireId, questionnaire.id),
				eq(questionnaireVersion.status, 'published')
			)
		)
		.where(eq(questionnaire.consultationId, consultationId))
		.orderBy(asc(questionnaire.audience));
	const forms: Form[] = [];
	for (const v of versions) {
		const questions = await tx
			.select({
				id: question.id,
				key: question.key,
				kind: question.kind,
				isProfile: question.isProfile,
				textFormat: question.textFormat,
				showIfQuestionKey: question.showIfQuestionKey,
				showIfValues: question.showIfValues
			})
			.from(question)
			.where(eq(question.versionId, v.versionId))
			.orderBy(asc(question.position));
		// A question informing several priorities takes the tendency of the first.
		const positions = await tx
			.select({ questionId: questionPriority.questionId, position: min(priority.position) })
			.from(questionPriority)
			.innerJoin(priority, eq(priority.id, questionPriority.priorityId))
			.innerJoin(question, eq(question.id, questionPriority.questionId))
			.where(eq(question.versionId, v.versionId))
			.groupBy(questionPriority.questionId);
		const options = await tx
			.select({
				questionId: questionOption.questionId,
				value: questionOption.value,
				exclusive: questionOption.exclusive
			})
			.from(questionOption)
			.innerJoin(question, eq(question.id, questionOption.questionId))
			.where(eq(question.versionId, v.versionId))
			.orderBy(asc(questionOption.questionId), asc(questionOption.position));
		forms.push({
			...v,
			questions: questions.map((q) => ({
				...q,
				priorityPosition: positions.find((p) => p.questionId === q.id)?.position ?? null,
				options: options
					.filter((o) => o.questionId === q.id)
					.map((o) => ({ value: o.value, exclusive: o.exclusive }))
			}))
		});
	}
	return forms;
}

function comment(
	random: Rng,
	audience: string,
	position: number | null
): { text: string; theme: number } {
	const fitting = position !== null ? themesByPriority[((position - 1) % 6) + 1] : null;
	const theme = fitting
		? pick(random, fitting, [60, 25, 15])
		: Math.floor(random() * demoThemes.length);
	const t = demoThemes[theme];
	const text =
		audience === 'young_people'
			? pick(random, t.young)
			: `${pick(random, t.openings)} ${pick(random, t.followUps)}`;
	return { text, theme };
}

type Answer = { questionId: number; value: string | null; text: string | null; theme?: number };

function answersFor(random: Rng, form: Form, commentRate: number): Answer[] {
	const given = new Map<string, string[]>();
	const out: Answer[] = [];
	for (const q of form.questions) {
		if (q.showIfQuestionKey) {
			const earlier = given.get(q.showIfQuestionKey) ?? [];
			if (!earlier.some((v) => q.showIfValues?.includes(v))) continue;
		}
		const values: string[] = [];
		if (q.kind === 'agreement') {
			values.push(
				pick(random, agreementScale, agreementWeights(q.priorityPosition ?? 0, form.audience))
			);
		} else if (q.kind === 'single') {
			if (random() < 0.88 && q.options.length) {
				values.push(
					pick(
						random,
						q.options.map((o) => o.value),
						q.options.map((o) => (rareValues.has(o.value) ? 0.15 : 1))
					)
				);
			}
		} else if (q.kind === 'multiple') {
			const choices = q.options
				.filter((o) => !o.exclusive && !rareValues.has(o.value))
				.map((o) => o.value);
			if (random() < 0.85 && choices.length) {
				values.push(pick(random, choices));
				if (random() < 0.35) values.push(pick(random, choices));
			}
		} else if (q.textFormat === 'postcode_district') {
			if (random() < 0.7) values.push(pick(random, districts));
		} else if (q.isProfile) {
			if (random() < 0.8)
				out.push({ questionId: q.id, value: null, text: pick(random, otherDescriptions) });
			continue;
		} else {
			if (random() < commentRate) {
				const c = comment(random, form.audience, q.priorityPosition);
				out.push({ questionId: q.id, value: null, text: c.text, theme: c.theme });
			}
			continue;
		}
		const unique = [...new Set(values)];
		given.set(q.key, unique);
		for (const value of unique) out.push({ questionId: q.id, value, text: null });
	}
	return out;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export type GenerateOptions = {
	count: number;
	now: Date;
	/** Responses are spread over this many days before `now`. */
	days?: number;
	seed?: number;
	/** Share of comment boxes that get a comment. */
	commentRate?: number;
	/** Share of comments tagged with their theme (needs themeIds). */
	tagRate?: number;
	themeIds?: number[];
	staffUserId?: number | null;
};

export type Generated = { responses: number; answers: number; comments: number; tags: number };

/** Inserts submitted responses with their answers (and theme tags) in one transaction. */
export async function generateResponses(
	db: Db,
	consultationId: number,
	options: GenerateOptions
): Promise<Generated> {
	return await withWriteTransaction(db, async (tx) => {
		const forms = await loadForms(tx, consultationId);
		if (forms.length === 0) throw new Error('The consultation has no published questionnaires');
		const random = rng(options.seed ?? 20260601);
		const sessionIds = (await heldSessions(tx, consultationId, options.now)).map((s) => s.id);
		const references = new Set(
			(
				await tx
					.select({ reference: response.reference })
					.from(response)
					.where(isNotNull(response.reference))
			).map((r) => r.reference)
		);
		const now = options.now.getTime();
		const span = (options.days ?? 7) * DAY_MS;
		const staff = options.staffUserId ?? null;
		const result: Generated = { responses: 0, answers: 0, comments: 0, tags: 0 };
		const newReference = () => {
			for (;;) {
				let raw = '';
				for (let i = 0; i < 8; i++)
					raw += REFERENCE_ALPHABET[Math.floor(random() * REFERENCE_ALPHABET.length)];
				const reference = `R-${raw.slice(0, 4)}-${raw.slice(4)}`;
				if (!references.has(reference)) return (references.add(reference), reference);
			}
		};

		// Rows wait in these until a statement's worth is ready: responses first, whose ids their
		// answers take, then answers, whose ids the tags take.
		const drawn: Drawn[] = [];
		const pendingAnswers: { row: AnswerRow; tag?: { theme: number; at: Date } }[] = [];
		const pendingTags: TagRow[] = [];
		const insertResponses = bulkInsert(response, (values: Drawn['row'][]) =>
			tx
				.insert(response)
				.values(values)
				.returning({ id: response.id, reference: response.reference })
		);
		const insertAnswers = bulkInsert(answer, (values: AnswerRow[]) =>
			tx.insert(answer).values(values).returning({
				id: answer.id,
				responseId: answer.responseId,
				questionId: answer.questionId
			})
		);
		const insertTags = bulkInsert(commentTheme, (values: TagRow[]) =>
			tx.insert(commentTheme).values(values).returning({ id: commentTheme.id })
		);
		/** Writes every full statement's worth waiting, and with `all` the rest too. */
		const write = async (all: boolean) => {
			for (const rows of statementsOf(drawn, insertResponses.size, all)) {
				const ids = new Map(
					(await insertResponses(rows.map((d) => d.row))).map((r) => [r.reference, r.id])
				);
				for (const d of rows) {
					const responseId = ids.get(d.row.reference)!;
					for (const [i, a] of d.answers.entries())
						pendingAnswers.push({
							row: { responseId, questionId: a.questionId, value: a.value, textValue: a.text },
							tag: d.tags.get(i)
						});
				}
			}
			for (const rows of statementsOf(pendingAnswers, insertAnswers.size, all)) {
				// RETURNING promises no order: a tagged answer (a comment, one per question of a
				// response) is found by its response and question.
				const ids = new Map(
					(await insertAnswers(rows.map((a) => a.row))).map((r) => [
						`${r.responseId}:${r.questionId}`,
						r.id
					])
				);
				for (const { row, tag } of rows)
					if (tag)
						pendingTags.push({
							consultationId,
							answerId: ids.get(`${row.responseId}:${row.questionId}`)!,
							themeId: options.themeIds![tag.theme],
							taggedByStaffUserId: staff,
							taggedAt: tag.at
						});
			}
			for (const rows of statementsOf(pendingTags, insertTags.size, all)) await insertTags(rows);
		};

		for (let i = 0; i < options.count; i++) {
			const audience = pick(random, audiences, audienceWeights);
			const form = forms.find((f) => f.audience === audience) ?? forms[i % forms.length];
			let channel = pick(random, channelCodes, [80, 12, 8]);
			if (channel === 'roadshow' && sessionIds.length === 0) channel = 'paper';
			// Fewer answers at night: most night-time draws move into the day before. The draw is
			// made whatever the hour, so the demo's figures do not depend on when it was seeded.
			let submitted = now - Math.floor(random() * span);
			const hour = new Date(submitted).getUTCHours();
			const moveFromNight = random() < 0.8;
			if (hour < 6 && moveFromNight && submitted - 9 * 3600_000 > now - span)
				submitted -= 9 * 3600_000;
			const reference = newReference();
			const startedAt = submitted - 60_000 - Math.floor(random() * 1_200_000);
			const row = {
				questionnaireId: form.questionnaireId,
				versionId: form.versionId,
				consultationId,
				audience: form.audience,
				channel,
				reference,
				status: 'submitted' as const,
				startedAt: new Date(startedAt),
				lastSavedAt: new Date(submitted),
				submittedAt: new Date(submitted),
				enteredByStaffUserId: channel === 'online' ? null : staff,
				roadshowSessionId: channel === 'roadshow' ? pick(random, sessionIds) : null
			};
			const answers = answersFor(random, form, options.commentRate ?? 0.35);
			const tags: Drawn['tags'] = new Map();
			result.responses++;
			for (const [index, a] of answers.entries()) {
				result.answers++;
				if (a.theme === undefined) continue;
				result.comments++;
				if (options.themeIds && random() < (options.tagRate ?? 0)) {
					tags.set(index, { theme: a.theme, at: new Date(Math.min(now, submitted + DAY_MS / 2)) });
					result.tags++;
				}
			}
			drawn.push({ row, answers, tags });
			if (drawn.length === insertResponses.size) await write(false);
		}
		await write(true);
		return result;
	});
}

type Drawn = {
	row: typeof response.$inferInsert & { reference: string };
	answers: Answer[];
	/** The tags of answers, by the answer's index. */
	tags: Map<number, { theme: number; at: Date }>;
};

type AnswerRow = typeof answer.$inferInsert;
type TagRow = typeof commentTheme.$inferInsert;

/** SQLite's limit on a statement's bound values (PostgreSQL's is twice it). */
const MAX_VARIABLES = 32766;

type Prepared<Out> = { execute(params: Record<string, unknown>): PromiseLike<Out[]> };

/**
 * Inserts rows into table in statements of `size` rows, as many as fit were every column a bound
 * value. Building drizzle's SQL costs more than inserting the rows, so the full-size statement is
 * built once, with placeholders for the columns of the first rows it is given, and run for each
 * full chunk; only a shorter chunk is built with its values. build makes the insert of the rows
 * it is given, placeholders or values.
 */
function bulkInsert<Row extends Record<string, unknown>, Out>(
	table: Table,
	build: (values: Row[]) => PromiseLike<Out[]> & { prepare(): Prepared<Out> }
) {
	const size = Math.floor(MAX_VARIABLES / Object.keys(getTableColumns(table)).length);
	let full: { statement: Prepared<Out>; columns: string[]; names: string[] } | undefined;
	const insert = async (rows: Row[]): Promise<Out[]> => {
		if (rows.length < size) return await build(rows);
		if (!full) {
			const columns = Object.keys(rows[0]);
			const names = Array.from({ length: size * columns.length }, (_, i) => `p${i}`);
			const values = Array.from(
				{ length: size },
				(_, r) =>
					Object.fromEntries(
						columns.map((c, j) => [c, sql.placeholder(names[r * columns.length + j])])
					) as Row
			);
			full = { statement: build(values).prepare(), columns, names };
		}
		const { statement, columns, names } = full;
		const params: Record<string, unknown> = {};
		let i = 0;
		for (const row of rows) for (const c of columns) params[names[i++]] = row[c];
		return await statement.execute(params);
	};
	return Object.assign(insert, { size });
}

/** Takes rows off the front of pending a statement's worth at a time: only full ones unless `all`. */
function* statementsOf<T>(pending: T[], size: number, all: boolean): Generator<T[]> {
	while (pending.length >= size || (all && pending.length > 0)) yield pending.splice(0, size);
}

/** The consultation's sessions already held (started by now, not cancelled), earliest first. */
function heldSessions(tx: Db, consultationId: number, now: Date) {
	return tx
		.select({ id: roadshowSession.id, startsAt: roadshowSession.startsAt })
		.from(roadshowSession)
		.where(
			and(
				eq(roadshowSession.consultationId, consultationId),
				isNull(roadshowSession.cancelledAt),
				lte(roadshowSession.startsAt, now)
			)
		)
		.orderBy(asc(roadshowSession.startsAt));
}

/** The demo code frame, reusing any theme of the same name already there. Returns ids by demoThemes index. */
export async function ensureDemoThemes(
	db: Db,
	consultationId: number,
	now: Date
): Promise<number[]> {
	return await withWriteTransaction(db, async (tx) => {
		const ids: number[] = [];
		for (const t of demoThemes) {
			const found = firstRow(
				await tx
					.select({ id: theme.id })
					.from(theme)
					.where(
						and(
							eq(theme.consultationId, consultationId),
							sql`lower(${theme.name}) = lower(${t.name})`
						)
					)
			);
			ids.push(
				found?.id ??
					onlyRow(
						await tx
							.insert(theme)
							.values({
								consultationId,
								name: t.name,
								description: t.description,
								keywords: t.keywords,
								createdAt: now
							})
							.returning({ id: theme.id })
					).id
			);
		}
		return ids;
	});
}

/**
 * The demo consultation's feedback: `count` responses over the last 7 days (about 60% of comments
 * tagged), the code frame, roadshow notes linked to priorities, and arrivals at the sessions already held.
 */
export async function seedDemoResponses(
	db: Db,
	consultationId: number,
	now: Date,
	options: { count?: number } = {}
): Promise<Generated> {
	return await withWriteTransaction(db, async (tx) => {
		const lead = firstRow(
			await tx
				.select({ id: staffUser.id })
				.from(staffUser)
				.where(eq(staffUser.role, 'lead'))
				.orderBy(asc(staffUser.id))
				.limit(1)
		);
		const staff = lead?.id ?? null;
		const themeIds = await ensureDemoThemes(tx, consultationId, now);
		const result = await generateResponses(tx, consultationId, {
			count: options.count ?? 300,
			now,
			days: 7,
			tagRate: 0.6,
			themeIds,
			staffUserId: staff
		});

		const sessions = await heldSessions(tx, consultationId, now);
		const priorities = await tx
			.select({ id: priority.id, position: priority.position })
			.from(priority)
			.where(eq(priority.consultationId, consultationId));
		for (const [i, n] of demoNotes.entries()) {
			const at = now.getTime() - ((i * 7919) % (6 * DAY_MS)) - 3600_000;
			const { id: noteId } = onlyRow(
				await tx
					.insert(roadshowNote)
					.values({
						consultationId,
						roadshowSessionId: sessions.length ? sessions[i % sessions.length].id : null,
						audience: n.audience,
						note: n.note,
						enteredByStaffUserId: staff,
						createdAt: new Date(at)
					})
					.returning({ id: roadshowNote.id })
			);
			const p = priorities.find((x) => x.position === n.priority);
			if (p) await tx.insert(roadshowNotePriority).values({ noteId, priorityId: p.id });
			if (i % 3 !== 2)
				await tx.insert(commentTheme).values({
					consultationId,
					roadshowNoteId: noteId,
					themeId: themeIds[n.theme],
					taggedByStaffUserId: staff,
					taggedAt: now
				});
		}
		// Most people booked on the sessions already held came.
		for (const session of sessions)
			await tx
				.update(booking)
				.set({ attendedAt: session.startsAt, updatedAt: now })
				.where(
					and(
						eq(booking.roadshowSessionId, session.id),
						eq(booking.status, 'confirmed'),
						sql`${booking.id} % 5 <> 0`
					)
				);
		return result;
	});
}

/** The tables whose triggers keep the dashboard's running totals (the tally migrations). */
const TALLIED = ['response', 'answer', 'comment_theme'];

/**
 * generateResponses for large benchmark sets. On SQLite the answer indexes are dropped first and
 * built once at the end (much quicker than keeping them up to date row by row), even if
 * generation fails. On PostgreSQL the running totals' triggers are paused and the totals counted
 * afresh at the end, in the same transaction: one transaction updating a tally row a hundred
 * thousand times leaves it a chain of as many versions, each update walking it (quadratic: 100,000
 * responses did not finish in 12 minutes). Pausing locks the tables until the commit.
 */
export async function generateLargeDataSet(
	db: Db,
	consultationId: number,
	options: GenerateOptions
): Promise<Generated> {
	if (engineOf(db).dialect === 'postgres') {
		const generated = await withWriteTransaction(db, async (tx) => {
			for (const table of TALLIED)
				await executeStatement(tx, sql`ALTER TABLE ${sql.identifier(table)} DISABLE TRIGGER USER`);
			const made = await generateResponses(tx, consultationId, options);
			// A table with foreign-key checks waiting for the commit cannot be altered: run them now.
			await executeStatement(tx, sql`SET CONSTRAINTS ALL IMMEDIATE`);
			for (const table of TALLIED)
				await executeStatement(tx, sql`ALTER TABLE ${sql.identifier(table)} ENABLE TRIGGER USER`);
			await recountTallies(tx);
			return made;
		});
		// Fresh statistics for the planner, as SQLite's PRAGMA optimize below: until autovacuum
		// came round, the first dashboards on 1.3 million new answers took seconds.
		await executeStatement(db, sql`ANALYZE`);
		return generated;
	}
	const indexes = await queryRows<{ name: string; sql: string }>(
		db,
		sql`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'answer' AND sql IS NOT NULL`
	);
	for (const index of indexes) await executeStatement(db, sql.raw(`DROP INDEX "${index.name}"`));
	try {
		return await generateResponses(db, consultationId, options);
	} finally {
		for (const index of indexes) await executeStatement(db, sql.raw(index.sql));
		await executeStatement(db, sql`PRAGMA optimize`);
	}
}

/** PostgreSQL's running totals counted afresh from the rows, as its tally migration first did. */
async function recountTallies(tx: Db): Promise<void> {
	for (const table of ['response_tally', 'answer_tally', 'theme_tally'])
		await executeStatement(tx, sql`DELETE FROM ${sql.identifier(table)}`);
	await executeStatement(
		tx,
		sql`INSERT INTO response_tally (consultation_id, audience, channel, session_key, hour, n)
		SELECT consultation_id, audience, channel, coalesce(roadshow_session_id, 0), tally_hour(submitted_at), count(*)
		FROM response WHERE status = 'submitted' GROUP BY 1, 2, 3, 4, 5`
	);
	await executeStatement(
		tx,
		sql`INSERT INTO answer_tally (question_id, value, channel, session_key, n)
		SELECT a.question_id, coalesce(a.value, ''), r.channel, coalesce(r.roadshow_session_id, 0), count(*)
		FROM answer a JOIN response r ON r.id = a.response_id
		WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4`
	);
	await executeStatement(
		tx,
		sql`INSERT INTO theme_tally (question_id, theme_id, channel, session_key, n)
		SELECT a.question_id, ct.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), count(*)
		FROM comment_theme ct JOIN answer a ON a.id = ct.answer_id JOIN response r ON r.id = a.response_id
		WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4`
	);
}
