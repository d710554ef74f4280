import { describe, expect, it, vi } from 'vitest';
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
import { loadDashboard } from './dashboard';
import type { InsightFilters } from './filters';
import { insightsFixture } from './testFixtures';

// Expected figures are counted by hand from the table in testFixtures.ts.
const { db, consultationId, otherConsultationId, priorityIds, sessionId } = insightsFixture();
const [p1, p2] = priorityIds;
const none: InsightFilters = {};
const needSensory: InsightFilters = {
	profile: [{ key: 'type-of-need', value: 'sensory_physical' }]
};

describe('response totals', () => {
	it('counts submitted responses only, by audience and channel, suppressing 1 to 4', () => {
		const t = responseTotals(db, consultationId, none);
		expect(t.rawTotal).toBe(30);
		expect(t.total).toBe(30);
		expect(t.byAudience.map((a) => a.n)).toEqual([23, 5, null]);
		expect(t.byChannel.map((c) => [c.channel, c.n])).toEqual([
			['online', 24],
			['paper', 5],
			['roadshow', null]
		]);
	});

	it('follows every kind of filter', () => {
		expect(
			countResponses(db, consultationId, { audience: 'parents_carers', channel: 'paper' })
		).toBe(5);
		expect(countResponses(db, consultationId, needSensory)).toBe(8);
		expect(countResponses(db, consultationId, { sessionId })).toBe(1);
		// 2 June in UK time includes group F, sent at 23:30 UTC on 1 June.
		expect(countResponses(db, consultationId, { from: '2026-06-02', to: '2026-06-02' })).toBe(19);
		expect(countResponses(db, consultationId, { to: '2026-06-01' })).toBe(5);
		expect(countResponses(db, consultationId, { ...needSensory, audience: 'practitioners' })).toBe(
			3
		);
		expect(countResponses(db, otherConsultationId, none)).toBe(9);
	});

	it('counts responses per UK day', () => {
		expect(responsesByDay(db, consultationId, none)).toEqual([
			{ day: '2026-06-01', n: 5 },
			{ day: '2026-06-02', n: 19 },
			{ day: '2026-06-03', n: 6 }
		]);
		expect(responsesByDay(db, consultationId, { audience: 'young_people' })).toEqual([
			{ day: '2026-06-02', n: null }
		]);
		expect(
			responsesByDay(db, consultationId, {
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
	it("gives the distribution, base and % agree (don't know in the base) per audience, suppressed", () => {
		const a = agreementByAudience(db, consultationId, p1);
		const parents = a.audiences[0];
		expect(parents).toMatchObject({
			audience: 'parents_carers',
			n: 23,
			// One "don't know" alone would be 23 less the rest, so the smallest other count (disagree, 5) is withheld too.
			counts: {
				strongly_agree: 10,
				agree: 7,
				neither: 0,
				disagree: null,
				strongly_disagree: 0,
				dont_know: null
			},
			withheld: ['disagree'],
			agree: 17,
			percentAgree: 74
		});
		expect(a.audiences[1]).toMatchObject({
			audience: 'practitioners',
			n: 5,
			counts: { agree: null, neither: null, strongly_agree: 0 },
			agree: null,
			percentAgree: null
		});
		// A group under 5 hides everything, zeros included.
		expect(a.audiences[2]).toMatchObject({
			audience: 'young_people',
			n: null,
			agree: null,
			percentAgree: null,
			counts: { strongly_disagree: null, agree: null }
		});
		expect(a.all).toMatchObject({
			n: 30,
			counts: {
				strongly_agree: 10,
				agree: 10,
				neither: null,
				disagree: 5,
				strongly_disagree: null,
				dont_know: null
			},
			agree: 20,
			percentAgree: 67
		});
	});

	it('follows the filters, whichever way the figures are counted', () => {
		expect(agreementByAudience(db, consultationId, p1, needSensory).all).toMatchObject({
			n: 8,
			agree: 8,
			percentAgree: 100,
			counts: { strongly_agree: null, agree: null },
			withheld: ['strongly_agree']
		});
		const parents = agreementByAudience(db, consultationId, p1, { audience: 'parents_carers' });
		expect(parents.audiences.map((a) => a.audience)).toEqual(['parents_carers']);
		expect(parents.all).toMatchObject({ n: 23, percentAgree: 74 });
		expect(agreementByAudience(db, consultationId, p1, { channel: 'paper' }).all).toMatchObject({
			n: 5,
			counts: { strongly_agree: 5 },
			percentAgree: 100
		});
		expect(agreementByAudience(db, consultationId, p2).all).toMatchObject({
			n: 30,
			counts: { agree: 30 },
			percentAgree: 100
		});
	});

	it('gives every priority at once, matching one at a time', () => {
		for (const filters of [none, needSensory, { audience: 'parents_carers' as const }]) {
			const all = agreementByPriority(db, consultationId, priorityIds, filters);
			for (const id of priorityIds)
				expect(all.get(id)).toEqual(agreementByAudience(db, consultationId, id, filters));
			expect(priorityFigures(db, consultationId, priorityIds, filters).agreement).toEqual(all);
		}
	});
});

describe('agreementRow', () => {
	it('never lets a hidden small count be worked out from n or "% agree"', () => {
		// n 25 less the shown counts would give "agree" (2) alone: strongly agree, the smallest other, is withheld too.
		const one = agreementRow('all', { strongly_agree: 6, agree: 2, disagree: 17 });
		expect(one).toMatchObject({
			n: 25,
			counts: { strongly_agree: null, agree: null, disagree: 17 },
			withheld: ['strongly_agree']
		});
		// 32% of 25 is 8 agreeing: both hidden counts are on that side, so it reveals neither.
		expect(one).toMatchObject({ agree: 8, percentAgree: 32 });

		// One hidden count on each side: n less the rest gives only their sum, but "% agree" (48% of 25 = 12) would give 12 - 10 = 2.
		const split = agreementRow('all', { strongly_agree: 10, agree: 2, disagree: 10, dont_know: 3 });
		expect(split).toMatchObject({
			n: 25,
			counts: { strongly_agree: 10, agree: null, disagree: 10, dont_know: null },
			withheld: []
		});
		expect(split).toMatchObject({ agree: null, percentAgree: null });

		expect(agreementRow('all', { agree: 3 })).toMatchObject({
			n: null,
			withheld: [],
			percentAgree: null
		});
		expect(agreementRow('all', { agree: 20, disagree: 5 })).toMatchObject({
			counts: { agree: 20, disagree: 5 },
			withheld: [],
			percentAgree: 80
		});
	});
});

describe('comments and themes', () => {
	it("counts answers to the priority's comment questions and roadshow notes on it", () => {
		expect(commentCounts(db, consultationId).get(p1)).toBe(13);
		expect(commentCounts(db, consultationId, { channel: 'online' }).get(p1)).toBe(12);
		expect(commentCounts(db, consultationId, { channel: 'roadshow' }).get(p1)).toBe(1);
		expect(commentCounts(db, consultationId, needSensory).get(p1)).toBeUndefined();
		expect(
			commentCounts(db, consultationId, { audience: 'parents_carers', from: '2026-06-03' }).get(p1)
		).toBe(5);
		expect(priorityFigures(db, consultationId, priorityIds, none).comments).toEqual(
			commentCounts(db, consultationId)
		);
	});

	it('ranks themes by tagged comments', () => {
		expect(topThemes(db, consultationId, { priorityId: p1 })).toEqual([
			expect.objectContaining({ name: 'Waiting', count: 7 }),
			expect.objectContaining({ name: 'Listening', count: 6 })
		]);
		expect(
			topThemes(db, consultationId, {
				priorityId: p1,
				filters: { channel: 'online', audience: 'parents_carers' }
			}).map((t) => [t.name, t.count])
		).toEqual([
			['Waiting', 7],
			['Listening', 5]
		]);
		expect(
			topThemes(db, consultationId, { filters: { channel: 'roadshow' } }).map((t) => [
				t.name,
				t.count
			])
		).toEqual([['Listening', null]]);
		expect(topThemes(db, consultationId, { filters: { audience: 'practitioners' } })).toEqual([]);
		expect(topThemesByPriority(db, consultationId, none).get(p1)).toEqual(
			topThemes(db, consultationId, { priorityId: p1 })
		);
		expect(topThemes(db, otherConsultationId)).toEqual([]);
	});

	it('picks the most recent comments on a priority', () => {
		const recent = recentComments(db, consultationId, p1, none, 3);
		expect(recent.map((c) => c.text)).toEqual([
			'=HYPERLINK("x") nobody listens',
			'=HYPERLINK("x") nobody listens',
			'=HYPERLINK("x") nobody listens'
		]);
		expect(
			recentComments(db, consultationId, p1, { channel: 'roadshow' }, 3).map((c) => c.text)
		).toEqual(['Parents felt unheard']);
	});
});

describe('roadshow panel', () => {
	it('gives capacity, places booked and attended per session, suppressed', () => {
		const panel = roadshowPanel(db, consultationId, none);
		expect(panel.sessions).toEqual([
			expect.objectContaining({
				id: sessionId,
				capacity: 20,
				booked: 6,
				waiting: 0,
				attended: null,
				notes: null,
				responses: null
			})
		]);
		expect(panel).toMatchObject({ booked: 6, attended: null, waiting: 0 });
	});
});

describe('loadDashboard', () => {
	it('hides example comments when fewer than 5 responses match', () => {
		expect(loadDashboard(db, consultationId, none).priorities[0].examples).toHaveLength(3);
		expect(
			loadDashboard(db, consultationId, { audience: 'young_people' }).priorities[0].examples
		).toEqual([]);
	});
});

describe('query plans', () => {
	/** The plan SQLite makes for each dashboard statement run by `run`, by its SQL text. */
	function plansOf(run: (db: typeof fresh.db) => void): Map<string, string[]> {
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
			run(fresh.db);
		} finally {
			spy.mockRestore();
		}
		return plans;
	}
	// Its own database, so that every statement is prepared (and seen) here.
	const fresh = insightsFixture();

	it("counts each priority's themes from the tags and links, never walking every answer", () => {
		for (const filters of [none, needSensory, { audience: 'parents_carers' } as InsightFilters]) {
			const plans = plansOf((db) => topThemesByPriority(db, fresh.consultationId, filters));
			const [plan] = [...plans].find(([text]) => text.includes('comment_theme ct')) ?? [];
			expect(plan).toBeDefined();
			const lines = plans.get(plan!)!;
			const uses = (start: string) => lines.some((l) => l.startsWith(start));
			expect(uses('SEARCH ct USING COVERING INDEX comment_theme_consultation_answer_idx')).toBe(
				true
			);
			expect(uses('SEARCH cp USING COVERING INDEX comment_priority_consultation_idx')).toBe(true);
			// Answers and responses are only ever looked up by id.
			for (const line of lines.filter((l) => /^(SCAN|SEARCH) (a|r)\b/.test(l)))
				expect(line).toMatch(/^SEARCH (a|r) USING INTEGER PRIMARY KEY \(rowid=\?\)$/);
		}
	});

	it('finds the first and last day of responses by two index seeks, not a scan', () => {
		const plans = plansOf((db) => responsesByDay(db, fresh.consultationId, none));
		const [, lines] = [...plans].find(([text]) => text.includes('min(r.submitted_at)')) ?? [];
		expect(
			lines?.filter((l) => l.includes('response_consultation_status_submitted_idx'))
		).toHaveLength(2);
	});
});
