import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
	agreementByAudience,
	agreementByPriority,
	agreementRow,
	commentCounts,
	countResponses,
	priorityFigures,
	recentComments,
	responsesByDay,
	responseTotals,
	roadshowPanel,
	topThemes,
	topThemesByPriority
} from './aggregate';
import { loadDashboard, loadDashboardFigures } from './dashboard';
import type { InsightFilters } from './filters';
import { insightsFixture } from './testFixtures';
import { testEngine } from '../db/testDatabase';

// Expected figures are counted by hand from the table in testFixtures.ts.
const { db, consultationId, otherConsultationId, priorityIds, sessionId } = await insightsFixture();
const [p1, p2] = priorityIds;
const none: InsightFilters = {};
const needSensory: InsightFilters = {
	profile: [{ key: 'type-of-need', value: 'sensory_physical' }]
};

describe('response totals', () => {
	it('counts submitted responses only, by audience and channel', async () => {
		const t = await responseTotals(db, consultationId, none);
		expect(t.total).toBe(30);
		expect(t.byAudience.map((a) => a.n)).toEqual([23, 5, 2]);
		expect(t.byChannel.map((c) => [c.channel, c.n])).toEqual([
			['online', 24],
			['paper', 5],
			['roadshow', 1]
		]);
	});

	it('follows every kind of filter', async () => {
		expect(
			await countResponses(db, consultationId, { audience: 'parents_carers', channel: 'paper' })
		).toBe(5);
		expect(await countResponses(db, consultationId, needSensory)).toBe(8);
		expect(await countResponses(db, consultationId, { sessionId })).toBe(1);
		// 2 June in UK time includes group F, sent at 23:30 UTC on 1 June.
		expect(await countResponses(db, consultationId, { from: '2026-06-02', to: '2026-06-02' })).toBe(
			19
		);
		expect(await countResponses(db, consultationId, { to: '2026-06-01' })).toBe(5);
		expect(
			await countResponses(db, consultationId, { ...needSensory, audience: 'practitioners' })
		).toBe(3);
		expect(await countResponses(db, otherConsultationId, none)).toBe(9);
	});

	it('counts responses per UK day', async () => {
		expect(await responsesByDay(db, consultationId, none)).toEqual([
			{ day: '2026-06-01', n: 5 },
			{ day: '2026-06-02', n: 19 },
			{ day: '2026-06-03', n: 6 }
		]);
		expect(await responsesByDay(db, consultationId, { audience: 'young_people' })).toEqual([
			{ day: '2026-06-02', n: 2 }
		]);
		expect(
			await responsesByDay(db, consultationId, {
				audience: 'practitioners',
				from: '2026-06-01',
				to: '2026-06-03'
			})
		).toEqual([
			{ day: '2026-06-01', n: 0 },
			{ day: '2026-06-02', n: 5 },
			{ day: '2026-06-03', n: 0 }
		]);
	});
});

describe('agreement by audience', () => {
	it("gives the distribution and base (don't know in the base) per audience", async () => {
		const a = await agreementByAudience(db, consultationId, p1);
		expect(a.audiences[0]).toEqual({
			audience: 'parents_carers',
			label: 'Parents and carers',
			n: 23,
			counts: {
				strongly_agree: 10,
				agree: 7,
				neither: 0,
				disagree: 5,
				strongly_disagree: 0,
				dont_know: 1
			}
		});
		expect(a.audiences[1]).toMatchObject({ n: 5, counts: { agree: 3, neither: 2 } });
		expect(a.audiences[2]).toMatchObject({ n: 2, counts: { strongly_disagree: 2 } });
		expect(a.all).toMatchObject({
			n: 30,
			counts: { strongly_agree: 10, agree: 10, neither: 2, disagree: 5, strongly_disagree: 2 }
		});
	});

	it('follows the filters, whichever way the figures are counted', async () => {
		expect((await agreementByAudience(db, consultationId, p1, needSensory)).all).toMatchObject({
			n: 8,
			counts: { strongly_agree: 5, agree: 3 }
		});
		const parents = await agreementByAudience(db, consultationId, p1, {
			audience: 'parents_carers'
		});
		expect(parents.audiences.map((a) => a.audience)).toEqual(['parents_carers']);
		expect(parents.all).toMatchObject({ n: 23 });
		expect(
			(await agreementByAudience(db, consultationId, p1, { channel: 'paper' })).all
		).toMatchObject({
			n: 5,
			counts: { strongly_agree: 5 }
		});
		expect((await agreementByAudience(db, consultationId, p2)).all).toMatchObject({
			n: 30,
			counts: { agree: 30 }
		});
	});

	it('gives every priority at once, matching one at a time', async () => {
		for (const filters of [none, needSensory, { audience: 'parents_carers' as const }]) {
			const all = await agreementByPriority(db, consultationId, priorityIds, filters);
			for (const id of priorityIds)
				expect(all.get(id)).toEqual(await agreementByAudience(db, consultationId, id, filters));
			expect((await priorityFigures(db, consultationId, priorityIds, filters)).agreement).toEqual(
				all
			);
		}
	});
});

describe('agreementRow', () => {
	it('counts every value, 0 where nobody chose it', async () => {
		expect(agreementRow('all', { agree: 3 })).toMatchObject({
			n: 3,
			counts: { agree: 3, strongly_agree: 0, dont_know: 0 }
		});
	});
});

describe('comments and themes', () => {
	it("counts answers to the priority's comment questions and roadshow notes on it", async () => {
		expect((await commentCounts(db, consultationId)).get(p1)).toBe(13);
		expect((await commentCounts(db, consultationId, { channel: 'online' })).get(p1)).toBe(12);
		expect((await commentCounts(db, consultationId, { channel: 'roadshow' })).get(p1)).toBe(1);
		expect((await commentCounts(db, consultationId, needSensory)).get(p1)).toBeUndefined();
		expect(
			(
				await commentCounts(db, consultationId, { audience: 'parents_carers', from: '2026-06-03' })
			).get(p1)
		).toBe(5);
		expect((await priorityFigures(db, consultationId, priorityIds, none)).comments).toEqual(
			await commentCounts(db, consultationId)
		);
	});

	it('ranks themes by tagged comments', async () => {
		expect(await topThemes(db, consultationId, { priorityId: p1 })).toEqual([
			expect.objectContaining({ name: 'Waiting', count: 7 }),
			expect.objectContaining({ name: 'Listening', count: 6 })
		]);
		expect(
			(
				await topThemes(db, consultationId, {
					priorityId: p1,
					filters: { channel: 'online', audience: 'parents_carers' }
				})
			).map((t) => [t.name, t.count])
		).toEqual([
			['Waiting', 7],
			['Listening', 5]
		]);
		expect(
			(await topThemes(db, consultationId, { filters: { channel: 'roadshow' } })).map((t) => [
				t.name,
				t.count
			])
		).toEqual([['Listening', 1]]);
		expect(await topThemes(db, consultationId, { filters: { audience: 'practitioners' } })).toEqual(
			[]
		);
		expect((await topThemesByPriority(db, consultationId, none)).get(p1)).toEqual(
			await topThemes(db, consultationId, { priorityId: p1 })
		);
		expect(await topThemes(db, otherConsultationId)).toEqual([]);
	});

	it('picks the most recent comments on a priority', async () => {
		const recent = await recentComments(db, consultationId, p1, none, 3);
		expect(recent.map((c) => c.text)).toEqual([
			'=HYPERLINK("x") nobody listens',
			'=HYPERLINK("x") nobody listens',
			'=HYPERLINK("x") nobody listens'
		]);
		expect(
			(await recentComments(db, consultationId, p1, { channel: 'roadshow' }, 3)).map((c) => c.text)
		).toEqual(['Parents felt unheard']);
	});
});

describe('roadshow panel', () => {
	it('gives capacity, places booked and attended per session', async () => {
		const panel = await roadshowPanel(db, consultationId, none);
		expect(panel.sessions).toEqual([
			expect.objectContaining({
				id: sessionId,
				capacity: 20,
				booked: 6,
				waiting: 0,
				attended: 3,
				notes: 1,
				responses: 1
			})
		]);
		expect(panel).toMatchObject({ booked: 6, attended: 3, waiting: 0 });
	});
});

describe('running totals', () => {
	it('give the same dashboard figures as counting the answers and tags themselves', async () => {
		// A date range covering every response sends answers and tags through the row-by-row
		// queries; no filter at all reads answer_tally and theme_tally.
		const days = (await loadDashboardFigures(db, consultationId, none)).byDay.map((d) => d.day);
		const everyDay = { from: days[0], to: days.at(-1) };
		// A date range shows its empty days too: compare the days with responses.
		const figures = async (filters: InsightFilters) => {
			const f = await loadDashboardFigures(db, consultationId, filters);
			return { ...f, byDay: f.byDay.filter((d) => d.n > 0) };
		};
		for (const filters of [none, { channel: 'online' }, { sessionId }] as InsightFilters[]) {
			const fromTallies = await figures(filters);
			expect(await figures({ ...filters, ...everyDay })).toEqual(fromTallies);
			expect(fromTallies.totals.total).toBeGreaterThan(0);
		}
		expect((await loadDashboardFigures(db, consultationId, none)).priorities[0].themes).not.toEqual(
			[]
		);
	});
});

describe('loadDashboard', () => {
	it('shows example comments, and nothing at all for a filtered group under the minimum', async () => {
		expect((await loadDashboard(db, consultationId, none))!.priorities[0].examples).toHaveLength(3);
		// 2 young people, and (with a minimum of 10) 8 sensory or physical needs: too few to show.
		expect(await loadDashboard(db, consultationId, { audience: 'young_people' })).toBeNull();
		expect(await loadDashboard(db, consultationId, needSensory)).toBeNull();
		// 23 parents, and 7 others left out: the rest is too small, so nothing either.
		expect(await loadDashboard(db, consultationId, { audience: 'parents_carers' })).toBeNull();
		expect(
			await loadDashboard(db, consultationId, { from: '2026-06-02', to: '2026-06-02' })
		).not.toBeNull();
	});
});

// SQLite's planner and its EXPLAIN QUERY PLAN.
describe.skipIf(testEngine === 'postgres')('query plans', () => {
	/** The plan SQLite makes for each dashboard statement run by `run`, by its SQL text. */
	async function plansOf(
		run: (db: typeof fresh.db) => Promise<unknown>
	): Promise<Map<string, string[]>> {
		const client = fresh.db.$client;
		const prepare = client.prepare.bind(client);
		const plans = new Map<string, string[]>();
		const spy = vi.spyOn(client, 'prepare').mockImplementation((text: string) => {
			const statement = prepare(text);
			const all = statement.all.bind(statement);
			statement.all = ((...params: unknown[]) => {
				const plan = prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[];
				plans.set(
					text,
					plan.map((p) => p.detail)
				);
				return all(...params);
			}) as typeof statement.all;
			return statement;
		});
		try {
			await run(fresh.db);
		} finally {
			spy.mockRestore();
		}
		return plans;
	}
	// Its own database, so that every statement is prepared (and seen) here.
	let fresh: Awaited<ReturnType<typeof insightsFixture>>;
	beforeAll(async () => {
		fresh = await insightsFixture();
	});

	it("counts each priority's themes from the running totals, the tags and links, never walking every answer", async () => {
		for (const filters of [none, needSensory, { audience: 'parents_carers' } as InsightFilters]) {
			const plans = await plansOf((db) => topThemesByPriority(db, fresh.consultationId, filters));
			const [plan] = [...plans].find(([text]) => text.includes('comment_priority cp')) ?? [];
			expect(plan).toBeDefined();
			const lines = plans.get(plan!)!;
			const uses = (start: string) => lines.some((l) => l.startsWith(start));
			// Unfiltered or by audience only, tagged answers are counted by theme_tally's key;
			// otherwise the tags are read from the index in answer order.
			if (filters === needSensory) {
				expect(uses('SEARCH ct USING COVERING INDEX comment_theme_consultation_answer_idx')).toBe(
					true
				);
				expect(uses('SCAN tt') || uses('SEARCH tt')).toBe(false);
			} else {
				expect(uses('SEARCH tt USING INDEX sqlite_autoindex_theme_tally_1 (question_id=?)')).toBe(
					true
				);
			}
			expect(uses('SEARCH cp USING COVERING INDEX comment_priority_consultation_idx')).toBe(true);
			// Answers and responses are only ever looked up by id.
			for (const line of lines.filter((l) => /^(SCAN|SEARCH) (a|r)\b/.test(l)))
				expect(line).toMatch(/^SEARCH (a|r) USING INTEGER PRIMARY KEY \(rowid=\?\)$/);
		}
	});

	it('finds the first and last day of responses by two index seeks, not a scan', async () => {
		const tallied = await plansOf((db) => responsesByDay(db, fresh.consultationId, none));
		const [, fromTally] = [...tallied].find(([text]) => text.includes('min(t.hour')) ?? [];
		expect(
			fromTally?.filter((l) =>
				l.startsWith('SEARCH t USING INDEX sqlite_autoindex_response_tally_1 (consultation_id=?)')
			)
		).toHaveLength(2);
		// An "about you" filter needs the responses themselves.
		const filtered = await plansOf((db) => responsesByDay(db, fresh.consultationId, needSensory));
		const [, fromResponses] =
			[...filtered].find(([text]) => text.includes('min(r.submitted_at)')) ?? [];
		expect(
			fromResponses?.filter((l) => l.includes('response_consultation_status_submitted_idx'))
		).toHaveLength(2);
	});
});
