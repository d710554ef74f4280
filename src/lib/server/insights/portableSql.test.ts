// The insights room's SQL on both engines: one small data set written into SQLite and into
// PostgreSQL with plain inserts, and every dashboard, filter, export and comment-coding figure compared. The
// functions are typed against the SQLite handle; the PostgreSQL one is passed cast, which works
// because their SQL is text over table names.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ukToday } from '../../format';
import { openDatabase, queryRows, type Db } from '../db';
import * as sqliteSchema from '../db/schema-sqlite';
import * as pgSchema from '../db/schema-pg';
import { openPostgres } from '../db/postgres';
import { closeAtEnd, emptyDatabase, postgresAvailable } from '../db/pgFixtures';
import { testEngine } from '../db/testDatabase';
import {
	agreementByPriority,
	commentCounts,
	countResponses,
	recentComments,
	responsesByDay,
	topThemes
} from './aggregate';
import { listThemes } from './coding';
import { listCommentQuestions, listComments, type CommentFilters } from './comments';
import { countDashboard, loadDashboardFigures } from './dashboard';
import { mayExportResponses, questionKeys, responsesCsv } from './exports';
import { countDashboardOffThread } from './offThread';
import { loadFilterOptions, type InsightFilters } from './filters';
import { instantParam, ukDaySql } from './sql';

const tableNames = [
	'consultation',
	'priority',
	'roadshowSession',
	'questionnaire',
	'questionnaireVersion',
	'question',
	'questionOption',
	'questionPriority',
	'response',
	'answer',
	'roadshowNote',
	'roadshowNotePriority',
	'theme',
	'commentTheme',
	'commentPriority'
] as const;
type TableName = (typeof tableNames)[number];
type Row = Record<string, unknown>;
/** What both drizzle handles' inserts have in common, for one seeding function. */
type Inserts = {
	insert(table: unknown): {
		values(rows: Row[]): PromiseLike<unknown> & {
			returning(fields: Row): PromiseLike<{ id: number }[]>;
		};
	};
};
type Insert = (name: TableName, rows: Row[]) => Promise<number[]>;

function inserter(db: unknown, tables: Record<TableName, unknown>): Insert {
	return async (name, rows) => {
		const table = tables[name] as Row;
		const insert = (db as Inserts).insert(table).values(rows);
		if (!('id' in table)) {
			await insert;
			return [];
		}
		return (await insert.returning({ id: table.id })).map((r) => r.id);
	};
}

const at = (iso: string) => new Date(iso);
const NOW = at('2026-06-05T09:00:00Z');

type Answered = {
	audience: 'parents_carers' | 'practitioners';
	channel: 'online' | 'paper' | 'roadshow';
	at: string | null;
	agree: string;
	need?: string;
	why?: string;
	atSession?: boolean;
};

// Two UK days, 1 and 2 June; 23:30 UTC on 1 June is 00:30 on 2 June in the UK (summer time).
const RESPONSES: Answered[] = [
	{
		audience: 'parents_carers',
		channel: 'online',
		at: '2026-06-01T10:00:00Z',
		agree: 'strongly_agree',
		need: 'sensory_physical',
		why: 'We waited too long'
	},
	{
		audience: 'parents_carers',
		channel: 'online',
		at: '2026-06-01T23:30:00Z',
		agree: 'agree',
		need: 'semh',
		why: 'Nobody listens'
	},
	{ audience: 'parents_carers', channel: 'paper', at: '2026-06-02T09:00:00Z', agree: 'disagree' },
	{
		audience: 'practitioners',
		channel: 'online',
		at: '2026-06-02T12:00:00Z',
		agree: 'agree',
		need: 'sensory_physical',
		why: 'Better training'
	},
	{
		audience: 'parents_carers',
		channel: 'roadshow',
		at: '2026-06-02T15:00:00Z',
		agree: 'dont_know',
		atSession: true
	},
	{ audience: 'practitioners', channel: 'online', at: '2026-06-01T08:00:00Z', agree: 'neither' },
	// Not sent: never counted.
	{ audience: 'parents_carers', channel: 'online', at: null, agree: 'agree' }
];

/** The data set, written the same way into either database; the ids it needs to filter by. */
async function seed(insert: Insert) {
	const [consultationId] = await insert('consultation', [
		{
			slug: 'send-strategy',
			title: 'SEND strategy',
			summary: 'Tell us',
			contactEmail: 'send@example.org',
			opensOn: '2026-06-01',
			closesOn: '2026-06-30',
			publishedAt: NOW,
			createdAt: NOW,
			updatedAt: NOW
		}
	]);
	const [p1, p2] = await insert('priority', [
		{ consultationId, position: 1, title: 'Assessments' },
		{ consultationId, position: 2, title: 'Being heard' }
	]);
	const [sessionId] = await insert('roadshowSession', [
		{
			consultationId,
			title: 'Library',
			startsAt: at('2026-06-02T14:00:00Z'),
			capacity: 20,
			bookingClosesAt: at('2026-06-02T12:00:00Z'),
			createdAt: NOW,
			updatedAt: NOW
		}
	]);
	const questions = new Map<string, { questionnaireId: number; versionId: number }>();
	const questionIds = new Map<string, number>();
	for (const audience of ['parents_carers', 'practitioners'] as const) {
		const [questionnaireId] = await insert('questionnaire', [
			{ consultationId, audience, createdAt: NOW, updatedAt: NOW }
		]);
		const [versionId] = await insert('questionnaireVersion', [
			{
				questionnaireId,
				number: 1,
				status: 'published',
				title: 'Your views',
				createdAt: NOW,
				publishedAt: NOW
			}
		]);
		questions.set(audience, { questionnaireId, versionId });
		const [agree, why, need] = await insert('question', [
			{ versionId, position: 1, key: 'p1-agree', kind: 'agreement', text: 'Do you agree?' },
			{ versionId, position: 2, key: 'p1-why', kind: 'text', text: 'Why?' },
			{
				versionId,
				position: 3,
				key: 'type-of-need',
				kind: 'multiple',
				isProfile: true,
				text: 'Type of need'
			}
		]);
		await insert('questionOption', [
			{ questionId: need, position: 1, value: 'sensory_physical', label: 'Sensory or physical' },
			{ questionId: need, position: 2, value: 'semh', label: 'Social, emotional, mental health' }
		]);
		await insert('questionPriority', [
			{ questionId: agree, priorityId: p1 },
			{ questionId: why, priorityId: p1 }
		]);
		for (const [key, id] of [
			['p1-agree', agree],
			['p1-why', why],
			['type-of-need', need]
		] as const)
			questionIds.set(`${audience}:${key}`, id);
	}
	const answerIds = new Map<string, number>();
	for (const r of RESPONSES) {
		const q = questions.get(r.audience)!;
		const [responseId] = await insert('response', [
			{
				questionnaireId: q.questionnaireId,
				versionId: q.versionId,
				consultationId,
				audience: r.audience,
				channel: r.channel,
				status: r.at ? 'submitted' : 'in_progress',
				startedAt: at('2026-06-01T07:00:00Z'),
				lastSavedAt: r.at ? at(r.at) : NOW,
				submittedAt: r.at ? at(r.at) : null,
				roadshowSessionId: r.atSession ? sessionId : null
			}
		]);
		const question = (key: string) => questionIds.get(`${r.audience}:${key}`)!;
		await insert('answer', [
			{ responseId, questionId: question('p1-agree'), value: r.agree },
			...(r.need ? [{ responseId, questionId: question('type-of-need'), value: r.need }] : [])
		]);
		if (r.why) {
			const [id] = await insert('answer', [
				{ responseId, questionId: question('p1-why'), textValue: r.why }
			]);
			answerIds.set(r.why, id);
		}
	}
	const [noteId] = await insert('roadshowNote', [
		{
			consultationId,
			roadshowSessionId: sessionId,
			audience: 'parents_carers',
			note: 'Parents felt unheard',
			createdAt: at('2026-06-02T16:00:00Z')
		}
	]);
	await insert('roadshowNotePriority', [{ noteId, priorityId: p1 }]);
	const [waiting, listening] = await insert('theme', [
		{ consultationId, name: 'Waiting', createdAt: NOW },
		{ consultationId, name: 'Listening', createdAt: NOW }
	]);
	await insert('commentTheme', [
		{
			consultationId,
			answerId: answerIds.get('We waited too long'),
			themeId: waiting,
			taggedAt: NOW
		},
		{
			consultationId,
			answerId: answerIds.get('Nobody listens'),
			themeId: listening,
			taggedAt: NOW
		},
		{ consultationId, roadshowNoteId: noteId, themeId: listening, taggedAt: NOW }
	]);
	// Linked by a lead to a priority their question does not inform.
	await insert('commentPriority', [
		{ consultationId, answerId: answerIds.get('Nobody listens'), priorityId: p2 },
		{ consultationId, roadshowNoteId: noteId, priorityId: p2 }
	]);
	return { consultationId, priorityIds: [p1, p2], sessionId };
}

const tablesOf = (s: Record<string, unknown>) =>
	Object.fromEntries(tableNames.map((n) => [n, s[n]])) as Record<TableName, unknown>;

async function text(chunks: AsyncIterable<string>): Promise<string> {
	let out = '';
	for await (const chunk of chunks) out += chunk;
	return out;
}

const sqlite = openDatabase(':memory:');
const pg = postgresAvailable
	? closeAtEnd(await openPostgres(await emptyDatabase(), pgSchema))
	: undefined;
const onSqlite = await seed(inserter(sqlite, tablesOf(sqliteSchema)));
const onPg = pg ? await seed(inserter(pg, tablesOf(pgSchema))) : onSqlite;
const pgDb = pg as unknown as Db;

// Run in a SQLite run: it builds both engines' data itself (on a PostgreSQL run the app's
// tables are PostgreSQL's, and the SQLite side would be given them).
describe.skipIf(!postgresAvailable || testEngine === 'postgres')(
	'insights SQL on SQLite and PostgreSQL',
	() => {
		const { consultationId, priorityIds, sessionId } = onSqlite;
		const sensory = { profile: [{ key: 'type-of-need', value: 'sensory_physical' }] };
		const FILTERS: InsightFilters[] = [
			{},
			{ audience: 'parents_carers' },
			{ channel: 'online' },
			{ sessionId },
			{ from: '2026-06-02', to: '2026-06-02' },
			{ to: '2026-06-01' },
			sensory,
			{ ...sensory, from: '2026-06-02' }
		];
		/** The same call on both databases, giving the same result. */
		async function same<T>(run: (db: Db) => Promise<T>): Promise<T> {
			const fromSqlite = await run(sqlite);
			expect(await run(pgDb)).toEqual(fromSqlite);
			return fromSqlite;
		}

		it('puts instants near every clock change of 2024 to 2030 on the same UK day as format.ts', async () => {
			const instants: number[] = [];
			for (let y = 2024; y <= 2030; y++)
				for (const month of [2, 9]) {
					const lastSunday = new Date(Date.UTC(y, month + 1, 0, 1));
					lastSunday.setUTCDate(lastSunday.getUTCDate() - lastSunday.getUTCDay());
					for (let m = -90; m <= 90; m += 15)
						for (const h of [0, 22, 23])
							instants.push(
								Date.UTC(y, month, lastSunday.getUTCDate() + (h ? -1 : 0), h) + m * 60_000
							);
				}
			const rows = await queryRows<{ day: string }>(
				pgDb,
				sql`SELECT ${ukDaySql(pgDb, sql`t`, 0, 0)} AS day FROM (VALUES ${sql.join(
					instants.map((ms) => sql`(${instantParam(pgDb, ms)})`),
					sql`, `
				)}) AS v(t)`
			);
			expect(rows.map((r) => r.day)).toEqual(instants.map((ms) => ukToday(new Date(ms))));
		});

		it('gives both databases the same ids', () => {
			expect(onPg).toEqual(onSqlite);
		});

		it('counts responses alike under every filter, UK days by Europe/London', async () => {
			for (const filters of FILTERS)
				await same((db) => countResponses(db, consultationId, filters));
			// 23:30 UTC on 1 June is on 2 June in the UK.
			expect(
				await same((db) =>
					countResponses(db, consultationId, { from: '2026-06-02', to: '2026-06-02' })
				)
			).toBe(4);
			expect(
				await same((db) => responsesByDay(db, consultationId, { audience: 'parents_carers' }))
			).toEqual([
				{ day: '2026-06-01', n: 1 },
				{ day: '2026-06-02', n: 3 }
			]);
			for (const filters of FILTERS)
				await same((db) => responsesByDay(db, consultationId, filters));
		});

		it('gives the same dashboard figures, agreement, comments, themes and quotes', async () => {
			for (const filters of FILTERS) {
				await same((db) => loadDashboardFigures(db, consultationId, filters));
				await same((db) => agreementByPriority(db, consultationId, priorityIds, filters));
				await same((db) => commentCounts(db, consultationId, filters));
				await same((db) => topThemes(db, consultationId, { filters }));
				await same((db) => topThemes(db, consultationId, { filters, priorityId: priorityIds[1] }));
				await same((db) => recentComments(db, consultationId, priorityIds[0], filters));
			}
			const figures = await same((db) => loadDashboardFigures(db, consultationId, {}));
			expect(figures.totals.total).toBe(6);
			expect(figures.priorities[1].comments).toBe(2);
			expect(figures.roadshow.sessions[0]).toMatchObject({ notes: 1, responses: 1 });
			await same((db) => countDashboard(db, consultationId, {}, {}));
			// On PostgreSQL in-process, never on a worker thread.
			await same((db) => countDashboardOffThread(db, consultationId, sensory));
		});

		it('gives the same filter options and exports', async () => {
			const options = await same((db) => loadFilterOptions(db, consultationId));
			expect(options.sessions).toHaveLength(1);
			await same((db) => questionKeys(db, consultationId));
			for (const filters of FILTERS) {
				await same((db) => text(responsesCsv(db, consultationId, filters)));
				await same((db) => mayExportResponses(db, consultationId, filters));
			}
			const csv = await same((db) => text(responsesCsv(db, consultationId, {})));
			// Sent at 23:30 UTC, shown in UK time.
			expect(csv).toContain('2026-06-02 00:30');
		});

		it('lists comments and their themes, priorities and suggestions alike', async () => {
			const themes = await same((db) => listThemes(db, consultationId));
			expect(themes.map((t) => [t.name, t.tagCount])).toEqual([
				['Listening', 2],
				['Waiting', 1]
			]);
			await same((db) => listCommentQuestions(db, consultationId));
			const filters: CommentFilters[] = [
				{ untaggedOnly: true },
				{ themeId: themes[0].id },
				{ priorityId: priorityIds[0] },
				{ priorityId: priorityIds[1] },
				{ questionKey: 'p1-why' },
				{ channel: 'roadshow' },
				{ audience: 'practitioners', channel: 'online' },
				{ page: 2 },
				// None match: no page to describe.
				{ themeId: themes[1].id, channel: 'roadshow' }
			];
			for (const f of filters) await same((db) => listComments(db, consultationId, f));
			const all = await same((db) => listComments(db, consultationId, {}));
			expect(all.total).toBe(4);
			// Newest first; the note's time read back as an instant on both.
			expect(all.comments.map((c) => [c.kind, c.at.toISOString(), c.questionText])).toEqual([
				['note', '2026-06-02T16:00:00.000Z', null],
				['answer', '2026-06-02T12:00:00.000Z', 'Why?'],
				['answer', '2026-06-01T23:30:00.000Z', 'Why?'],
				['answer', '2026-06-01T10:00:00.000Z', 'Why?']
			]);
			expect(all.comments[0]).toMatchObject({
				themes: [{ name: 'Listening' }],
				impliedPriorities: [{ id: priorityIds[0] }],
				linkedPriorities: [{ id: priorityIds[1] }]
			});
			const untagged = await same((db) => listComments(db, consultationId, { untaggedOnly: true }));
			expect(untagged.comments.map((c) => c.text)).toEqual(['Better training']);
		});
	}
);
