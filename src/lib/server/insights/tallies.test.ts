// The running totals the dashboard counts from (response_tally, answer_tally, theme_tally) are kept
// by triggers (drizzle/sqlite/0020). Whatever is written, in whatever order (answers before or after
// sending, tags, deletes, cascades from sessions, themes, questions and consultations), they must
// equal a count made from the rows themselves.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { insightsFixture } from './testFixtures';
import type { Db } from '../db';
import { testEngine } from '../db/testDatabase';

// SQLite's own: connections to one file, or its triggers and SQL; PostgreSQL's equivalents
// are in db/postgres.test.ts and the limits and db-copy tests.
const sqliteOnly = testEngine === 'postgres';

const recounts = {
	response: [
		`SELECT consultation_id, audience, channel, session_key, hour, n FROM response_tally WHERE n <> 0`,
		`SELECT consultation_id, audience, channel, coalesce(roadshow_session_id, 0), submitted_at / 3600000, count(*)
		 FROM response WHERE status = 'submitted' GROUP BY 1, 2, 3, 4, 5`
	],
	answer: [
		`SELECT question_id, value, channel, session_key, n FROM answer_tally WHERE n <> 0`,
		`SELECT a.question_id, coalesce(a.value, ''), r.channel, coalesce(r.roadshow_session_id, 0), count(*)
		 FROM answer a JOIN response r ON r.id = a.response_id WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4`
	],
	theme: [
		`SELECT question_id, theme_id, channel, session_key, n FROM theme_tally WHERE n <> 0`,
		`SELECT a.question_id, ct.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), count(*)
		 FROM comment_theme ct JOIN answer a ON a.id = ct.answer_id JOIN response r ON r.id = a.response_id
		 WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4`
	]
} as const;

/** Rows where the running totals and the recount differ, per tally. */
function mismatches(db: Db): Record<keyof typeof recounts, number> {
	const count = ([kept, recount]: readonly [string, string]) =>
		(
			db.$client
				.prepare(
					`SELECT (SELECT count(*) FROM (${kept} EXCEPT ${recount})) + (SELECT count(*) FROM (${recount} EXCEPT ${kept})) AS n`
				)
				.get() as { n: number }
		).n;
	return {
		response: count(recounts.response),
		answer: count(recounts.answer),
		theme: count(recounts.theme)
	};
}

const none = { response: 0, answer: 0, theme: 0 };

type Questionnaire = {
	id: number;
	versionId: number;
	consultationId: number;
	audience: string;
	questionIds: number[];
};

function layout(db: Db) {
	const q = <T>(text: string, ...params: unknown[]) =>
		db.$client.prepare(text).all(...params) as T[];
	const questionnaires = q<Omit<Questionnaire, 'questionIds'>>(
		`SELECT qn.id, v.id AS versionId, qn.consultation_id AS consultationId, qn.audience
		 FROM questionnaire qn JOIN questionnaire_version v ON v.questionnaire_id = qn.id`
	).map((qn) => ({
		...qn,
		questionIds: q<{ id: number }>(
			'SELECT id FROM question WHERE version_id = ?',
			qn.versionId
		).map((r) => r.id)
	}));
	return { q, questionnaires };
}

const op = fc.oneof(
	fc.record({
		kind: fc.constant('start' as const),
		qn: fc.nat(),
		channel: fc.nat(2),
		submitted: fc.boolean(),
		atSession: fc.boolean(),
		hour: fc.nat(200)
	}),
	fc.record({
		kind: fc.constant('answer' as const),
		response: fc.nat(),
		question: fc.nat(),
		value: fc.constantFrom('agree', 'disagree', null)
	}),
	fc.record({ kind: fc.constant('submit' as const), response: fc.nat(), hour: fc.nat(200) }),
	fc.record({ kind: fc.constant('reopen' as const), response: fc.nat() }),
	fc.record({
		kind: fc.constant('move' as const),
		response: fc.nat(),
		hour: fc.nat(200),
		channel: fc.nat(2)
	}),
	fc.record({ kind: fc.constant('tag' as const), answer: fc.nat(), theme: fc.nat() }),
	fc.record({ kind: fc.constant('retag' as const), tag: fc.nat(), theme: fc.nat() }),
	fc.record({ kind: fc.constant('untag' as const), tag: fc.nat() }),
	fc.record({
		kind: fc.constant('change' as const),
		answer: fc.nat(),
		value: fc.constantFrom('agree', 'neither', null)
	}),
	fc.record({ kind: fc.constant('deleteAnswer' as const), answer: fc.nat() }),
	fc.record({ kind: fc.constant('reassign' as const), answer: fc.nat(), question: fc.nat() }),
	fc.record({ kind: fc.constant('deleteResponse' as const), response: fc.nat() }),
	fc.record({ kind: fc.constant('deleteSession' as const) }),
	fc.record({ kind: fc.constant('deleteTheme' as const), theme: fc.nat() })
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const CHANNELS = ['online', 'paper', 'roadshow'];
const START = Date.UTC(2026, 5, 1);

function apply(db: Db, o: Op) {
	const { q, questionnaires } = layout(db);
	const pick = <T>(rows: T[], i: number): T | undefined => rows[i % Math.max(rows.length, 1)];
	const run = (text: string, ...params: unknown[]) => db.$client.prepare(text).run(...params);
	const responses = q<{ id: number; versionId: number }>(
		'SELECT id, version_id AS versionId FROM response ORDER BY id'
	);
	const answers = q<{ id: number }>('SELECT id FROM answer ORDER BY id');
	const tags = q<{ id: number }>(
		'SELECT id FROM comment_theme WHERE answer_id IS NOT NULL ORDER BY id'
	);
	const themes = q<{ id: number; consultationId: number }>(
		'SELECT id, consultation_id AS consultationId FROM theme ORDER BY id'
	);
	const at = (hour: number) => START + hour * 1_800_000 + 7;
	switch (o.kind) {
		case 'start': {
			const qn = pick(questionnaires, o.qn)!;
			const session = o.atSession
				? q<{ id: number }>(
						'SELECT id FROM roadshow_session WHERE consultation_id = ?',
						qn.consultationId
					)[0]
				: undefined;
			run(
				`INSERT INTO response (questionnaire_id, version_id, consultation_id, audience, channel, status, started_at, last_saved_at, submitted_at, roadshow_session_id)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				qn.id,
				qn.versionId,
				qn.consultationId,
				qn.audience,
				CHANNELS[o.channel],
				o.submitted ? 'submitted' : 'in_progress',
				at(o.hour),
				at(o.hour),
				o.submitted ? at(o.hour) : null,
				session?.id ?? null
			);
			return;
		}
		case 'answer': {
			const r = pick(responses, o.response);
			if (!r) return;
			const question = pick(
				questionnaires.find((qn) => qn.versionId === r.versionId)!.questionIds,
				o.question
			);
			if (question === undefined) return;
			run(
				'INSERT INTO answer (response_id, question_id, value, text_value) VALUES (?, ?, ?, ?)',
				r.id,
				question,
				o.value,
				o.value === null ? 'a comment' : null
			);
			return;
		}
		case 'submit': {
			const r = pick(responses, o.response);
			if (r)
				run(
					"UPDATE response SET status = 'submitted', submitted_at = ? WHERE id = ?",
					at(o.hour),
					r.id
				);
			return;
		}
		case 'reopen': {
			const r = pick(responses, o.response);
			if (r)
				run("UPDATE response SET status = 'in_progress', submitted_at = NULL WHERE id = ?", r.id);
			return;
		}
		case 'move': {
			const r = pick(responses, o.response);
			if (r)
				run(
					'UPDATE response SET submitted_at = CASE WHEN submitted_at IS NULL THEN NULL ELSE ? END, channel = ? WHERE id = ?',
					at(o.hour),
					CHANNELS[o.channel],
					r.id
				);
			return;
		}
		case 'tag': {
			const a = pick(answers, o.answer);
			if (!a) return;
			const consultationId = q<{ c: number }>(
				'SELECT r.consultation_id AS c FROM answer a JOIN response r ON r.id = a.response_id WHERE a.id = ?',
				a.id
			)[0].c;
			const t = pick(
				themes.filter((t) => t.consultationId === consultationId),
				o.theme
			);
			if (t)
				run(
					'INSERT OR IGNORE INTO comment_theme (consultation_id, answer_id, theme_id, tagged_at) VALUES (?, ?, ?, 0)',
					consultationId,
					a.id,
					t.id
				);
			return;
		}
		case 'retag': {
			const tag = pick(tags, o.tag);
			if (!tag) return;
			const c = q<{ c: number }>(
				'SELECT consultation_id AS c FROM comment_theme WHERE id = ?',
				tag.id
			)[0].c;
			const t = pick(
				themes.filter((t) => t.consultationId === c),
				o.theme
			);
			if (t) run('UPDATE OR IGNORE comment_theme SET theme_id = ? WHERE id = ?', t.id, tag.id);
			return;
		}
		case 'untag': {
			const tag = pick(tags, o.tag);
			if (tag) run('DELETE FROM comment_theme WHERE id = ?', tag.id);
			return;
		}
		case 'change': {
			const a = pick(answers, o.answer);
			if (a)
				run(
					'UPDATE answer SET value = ?, text_value = ? WHERE id = ?',
					o.value,
					o.value === null ? 'a comment' : null,
					a.id
				);
			return;
		}
		case 'reassign': {
			// Not something the service does, but the totals must follow it.
			const a = pick(answers, o.answer);
			if (!a) return;
			const versionId = q<{ v: number }>(
				'SELECT r.version_id AS v FROM answer a JOIN response r ON r.id = a.response_id WHERE a.id = ?',
				a.id
			)[0].v;
			const question = pick(
				questionnaires.find((qn) => qn.versionId === versionId)!.questionIds,
				o.question
			);
			if (question !== undefined)
				run('UPDATE answer SET question_id = ? WHERE id = ?', question, a.id);
			return;
		}
		case 'deleteAnswer': {
			const a = pick(answers, o.answer);
			if (a) run('DELETE FROM answer WHERE id = ?', a.id);
			return;
		}
		case 'deleteResponse': {
			const r = pick(responses, o.response);
			if (r) run('DELETE FROM response WHERE id = ?', r.id);
			return;
		}
		case 'deleteSession':
			// Its responses keep their answers and lose the session (ON DELETE SET NULL).
			run('DELETE FROM booking');
			run('DELETE FROM roadshow_session WHERE id = (SELECT min(id) FROM roadshow_session)');
			return;
		case 'deleteTheme': {
			const t = pick(themes, o.theme);
			if (t) run('DELETE FROM theme WHERE id = ?', t.id);
			return;
		}
	}
}

describe('running totals for the dashboard', () => {
	it.skipIf(sqliteOnly)('start equal to a recount of the fixture', async () => {
		const { db } = await insightsFixture();
		expect(mismatches(db)).toEqual(none);
		expect(
			(db.$client.prepare('SELECT sum(n) AS n FROM response_tally').get() as { n: number }).n
		).toBeGreaterThan(30);
	});

	it.skipIf(sqliteOnly)('equal a recount after any sequence of writes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
				const { db } = await insightsFixture();
				for (const o of ops) apply(db, o);
				expect(mismatches(db)).toEqual(none);
			}),
			{ numRuns: 60 }
		);
	});

	it.skipIf(sqliteOnly)('follow a tagged answer moved to another question', async () => {
		const { db } = await insightsFixture();
		const tagged = db.$client
			.prepare(
				`SELECT a.id, a.question_id AS questionId, r.version_id AS versionId FROM comment_theme ct
				 JOIN answer a ON a.id = ct.answer_id JOIN response r ON r.id = a.response_id
				 WHERE r.status = 'submitted' LIMIT 1`
			)
			.get() as { id: number; questionId: number; versionId: number };
		const other = db.$client
			.prepare('SELECT id FROM question WHERE version_id = ? AND id <> ? LIMIT 1')
			.get(tagged.versionId, tagged.questionId) as { id: number };
		db.$client.prepare('UPDATE answer SET question_id = ? WHERE id = ?').run(other.id, tagged.id);
		expect(mismatches(db)).toEqual(none);
	});

	it.skipIf(sqliteOnly)(
		'go with a deleted question and a deleted consultation, without a foreign key error',
		async () => {
			const { db, consultationId } = await insightsFixture();
			db.$client.pragma('foreign_keys = ON');
			const question = db.$client
				.prepare(
					`SELECT question_id AS id FROM answer_tally WHERE n > 0 ORDER BY question_id LIMIT 1`
				)
				.get() as { id: number };
			db.$client.prepare('DELETE FROM question WHERE id = ?').run(question.id);
			expect(mismatches(db)).toEqual(none);
			db.$client.prepare('DELETE FROM consultation WHERE id = ?').run(consultationId);
			expect(mismatches(db)).toEqual(none);
			const left = db.$client
				.prepare('SELECT count(*) AS n FROM response_tally WHERE consultation_id = ?')
				.get(consultationId) as { n: number };
			expect(left.n).toBe(0);
		}
	);
});
