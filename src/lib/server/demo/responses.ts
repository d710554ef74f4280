// Realistic submitted responses for the demo and for benchmarks: every audience and channel, answers
// to every agreement question with a tendency per priority (so the dashboard tells a story), "about
// you" answers, and comments drawn from themed pools. Raw prepared statements in one transaction:
// a hundred thousand responses take seconds, not minutes.
import { type Db, withWriteTransaction } from '../db';
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
	audience: string;
	questionnaireId: number;
	versionId: number;
	questions: QuestionMeta[];
};

function loadForms(db: Db, consultationId: number): Form[] {
	const c = db.$client;
	const versions = c
		.prepare(
			`SELECT qn.id AS questionnaireId, qn.audience, v.id AS versionId FROM questionnaire qn
			 JOIN questionnaire_version v ON v.questionnaire_id = qn.id AND v.status = 'published'
			 WHERE qn.consultation_id = ?`
		)
		.all(consultationId) as { questionnaireId: number; audience: string; versionId: number }[];
	const questionsOf = c.prepare(
		`SELECT q.id, q.key, q.kind, q.is_profile AS isProfile, q.text_format AS textFormat,
		   q.show_if_question_key AS showIfQuestionKey, q.show_if_values AS showIfValues,
		   (SELECT min(p.position) FROM question_priority qp JOIN priority p ON p.id = qp.priority_id WHERE qp.question_id = q.id) AS priorityPosition
		 FROM question q WHERE q.version_id = ? ORDER BY q.position`
	);
	const optionsOf = c.prepare(
		'SELECT value, exclusive FROM question_option WHERE question_id = ? ORDER BY position'
	);
	return versions.map((v) => ({
		...v,
		questions: (
			questionsOf.all(v.versionId) as (Omit<
				QuestionMeta,
				'options' | 'showIfValues' | 'isProfile'
			> & { isProfile: number; showIfValues: string | null })[]
		).map((q) => ({
			...q,
			isProfile: q.isProfile === 1,
			showIfValues: q.showIfValues ? (JSON.parse(q.showIfValues) as string[]) : null,
			options: (optionsOf.all(q.id) as { value: string; exclusive: number }[]).map((o) => ({
				value: o.value,
				exclusive: o.exclusive === 1
			}))
		}))
	}));
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
	const forms = loadForms(db, consultationId);
	if (forms.length === 0) throw new Error('The consultation has no published questionnaires');
	const random = rng(options.seed ?? 20260601);
	const c = db.$client;
	const sessionIds = (
		c
			.prepare(
				'SELECT id FROM roadshow_session WHERE consultation_id = ? AND cancelled_at IS NULL AND starts_at <= ? ORDER BY starts_at'
			)
			.all(consultationId, options.now.getTime()) as { id: number }[]
	).map((s) => s.id);
	const references = new Set(
		(
			c.prepare('SELECT reference FROM response WHERE reference IS NOT NULL').all() as {
				reference: string;
			}[]
		).map((r) => r.reference)
	);
	const insertResponse = c.prepare(
		`INSERT INTO response (questionnaire_id, version_id, consultation_id, audience, channel, reference, status,
		   started_at, last_saved_at, submitted_at, entered_by_staff_user_id, roadshow_session_id)
		 VALUES (?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?)`
	);
	const insertTag = c.prepare(
		'INSERT INTO comment_theme (consultation_id, answer_id, theme_id, tagged_by_staff_user_id, tagged_at) VALUES (?, ?, ?, ?, ?)'
	);
	const now = options.now.getTime();
	const span = (options.days ?? 7) * DAY_MS;
	const staff = options.staffUserId ?? null;
	const result: Generated = { responses: 0, answers: 0, comments: 0, tags: 0 };
	// Answers go in 200 rows to a statement, about twice as fast as one by one. Rows of one
	// statement get consecutive ids, so the tags can find theirs.
	const insertAnswers = new Map<number, ReturnType<typeof c.prepare>>();
	const answersStatement = (rows: number) => {
		let s = insertAnswers.get(rows);
		if (!s)
			insertAnswers.set(
				rows,
				(s = c.prepare(
					`INSERT INTO answer (response_id, question_id, value, text_value) VALUES ${Array(rows).fill('(?, ?, ?, ?)').join(', ')}`
				))
			);
		return s;
	};
	const pending: unknown[] = [];
	const pendingTags: { row: number; theme: number; at: number }[] = [];
	const flush = () => {
		const rows = pending.length / 4;
		if (rows === 0) return;
		const lastId = Number(answersStatement(rows).run(pending).lastInsertRowid);
		for (const t of pendingTags) {
			insertTag.run(
				consultationId,
				lastId - rows + 1 + t.row,
				options.themeIds![t.theme],
				staff,
				t.at
			);
		}
		pending.length = 0;
		pendingTags.length = 0;
	};
	const newReference = () => {
		for (;;) {
			let raw = '';
			for (let i = 0; i < 8; i++)
				raw += REFERENCE_ALPHABET[Math.floor(random() * REFERENCE_ALPHABET.length)];
			const reference = `R-${raw.slice(0, 4)}-${raw.slice(4)}`;
			if (!references.has(reference)) return (references.add(reference), reference);
		}
	};
	await withWriteTransaction(db, async () => {
		for (let i = 0; i < options.count; i++) {
			const audience = pick(random, audiences, audienceWeights);
			const form = forms.find((f) => f.audience === audience) ?? forms[i % forms.length];
			let channel = pick(random, ['online', 'paper', 'roadshow'], [80, 12, 8]);
			if (channel === 'roadshow' && sessionIds.length === 0) channel = 'paper';
			// Fewer answers at night: most night-time draws move into the day before. The draw is
			// made whatever the hour, so the demo's figures do not depend on when it was seeded.
			let submitted = now - Math.floor(random() * span);
			const hour = new Date(submitted).getUTCHours();
			const moveFromNight = random() < 0.8;
			if (hour < 6 && moveFromNight && submitted - 9 * 3600_000 > now - span)
				submitted -= 9 * 3600_000;
			const responseId = Number(
				insertResponse.run(
					form.questionnaireId,
					form.versionId,
					consultationId,
					form.audience,
					channel,
					newReference(),
					submitted - 60_000 - Math.floor(random() * 1_200_000),
					submitted,
					submitted,
					channel === 'online' ? null : staff,
					channel === 'roadshow' ? pick(random, sessionIds) : null
				).lastInsertRowid
			);
			result.responses++;
			for (const a of answersFor(random, form, options.commentRate ?? 0.35)) {
				pending.push(responseId, a.questionId, a.value, a.text);
				result.answers++;
				if (a.theme !== undefined) {
					result.comments++;
					if (options.themeIds && random() < (options.tagRate ?? 0)) {
						pendingTags.push({
							row: pending.length / 4 - 1,
							theme: a.theme,
							at: Math.min(now, submitted + DAY_MS / 2)
						});
						result.tags++;
					}
				}
				if (pending.length >= 800) flush();
			}
		}
		flush();
	});
	return result;
}

/** The demo code frame, reusing any theme of the same name already there. Returns ids by demoThemes index. */
export function ensureDemoThemes(db: Db, consultationId: number, now: Date): number[] {
	const c = db.$client;
	const find = c.prepare(
		'SELECT id FROM theme WHERE consultation_id = ? AND lower(name) = lower(?)'
	);
	const insert = c.prepare(
		'INSERT INTO theme (consultation_id, name, description, keywords, created_at) VALUES (?, ?, ?, ?, ?)'
	);
	return demoThemes.map((t) => {
		const found = find.get(consultationId, t.name) as { id: number } | undefined;
		return found
			? found.id
			: Number(
					insert.run(consultationId, t.name, t.description, t.keywords, now.getTime())
						.lastInsertRowid
				);
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
		const c = tx.$client;
		const lead = c
			.prepare("SELECT id FROM staff_user WHERE role = 'lead' ORDER BY id LIMIT 1")
			.get() as { id: number } | undefined;
		const staff = lead?.id ?? null;
		const themeIds = ensureDemoThemes(tx, consultationId, now);
		const result = await generateResponses(tx, consultationId, {
			count: options.count ?? 300,
			now,
			days: 7,
			tagRate: 0.6,
			themeIds,
			staffUserId: staff
		});

		const sessions = c
			.prepare(
				'SELECT id FROM roadshow_session WHERE consultation_id = ? AND cancelled_at IS NULL AND starts_at <= ? ORDER BY starts_at'
			)
			.all(consultationId, now.getTime()) as { id: number }[];
		const priorities = c
			.prepare('SELECT id, position FROM priority WHERE consultation_id = ?')
			.all(consultationId) as { id: number; position: number }[];
		const insertNote = c.prepare(
			'INSERT INTO roadshow_note (consultation_id, roadshow_session_id, audience, note, entered_by_staff_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)'
		);
		const linkNote = c.prepare(
			'INSERT INTO roadshow_note_priority (note_id, priority_id) VALUES (?, ?)'
		);
		const tagNote = c.prepare(
			'INSERT INTO comment_theme (consultation_id, roadshow_note_id, theme_id, tagged_by_staff_user_id, tagged_at) VALUES (?, ?, ?, ?, ?)'
		);
		demoNotes.forEach((n, i) => {
			const at = now.getTime() - ((i * 7919) % (6 * DAY_MS)) - 3600_000;
			const noteId = insertNote.run(
				consultationId,
				sessions.length ? sessions[i % sessions.length].id : null,
				n.audience,
				n.note,
				staff,
				at
			).lastInsertRowid;
			const p = priorities.find((x) => x.position === n.priority);
			if (p) linkNote.run(noteId, p.id);
			if (i % 3 !== 2) tagNote.run(consultationId, noteId, themeIds[n.theme], staff, now.getTime());
		});
		// Most people booked on the sessions already held came.
		c.prepare(
			`UPDATE booking SET attended_at = (SELECT starts_at FROM roadshow_session WHERE id = booking.roadshow_session_id), updated_at = ?
				 WHERE status = 'confirmed' AND id % 5 <> 0 AND roadshow_session_id IN (
				   SELECT id FROM roadshow_session WHERE consultation_id = ? AND cancelled_at IS NULL AND starts_at <= ?)`
		).run(now.getTime(), consultationId, now.getTime());
		return result;
	});
}

/**
 * generateResponses for large benchmark sets: the answer indexes are dropped first and built once
 * at the end (much quicker than keeping them up to date row by row), even if generation fails.
 */
export async function generateLargeDataSet(
	db: Db,
	consultationId: number,
	options: GenerateOptions
): Promise<Generated> {
	const c = db.$client;
	const indexes = c
		.prepare(
			"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'answer' AND sql IS NOT NULL"
		)
		.all() as { name: string; sql: string }[];
	for (const index of indexes) c.exec(`DROP INDEX "${index.name}"`);
	try {
		return await generateResponses(db, consultationId, options);
	} finally {
		for (const index of indexes) c.exec(index.sql);
		c.pragma('optimize');
	}
}
