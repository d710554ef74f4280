import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenRanges, type Known, type Term } from './readerAttack';
import { audienceCodes, channelCodes, type Audience, type Channel } from '../db/schema';
import { agreementValues, type AgreementValue } from '../../agreement';
import { audienceLabels, channelLabels } from '../questionnaires/audiences';
import { agreementRow } from './aggregate';
import type { DashboardFigures } from './dashboard';
import {
	mayShowFiltered,
	protectDashboard,
	protectTable,
	type Count,
	type Dashboard
} from './disclosure';

// The attacker's side, written separately from disclosure.ts: everything a reader of the page
// can see, as an integer programme over the hidden figures, solved exactly for each one's range.

type Respondent = {
	audience: Audience;
	channel: Channel;
	day: number;
	answers: (AgreementValue | null)[];
};

const DAYS = ['2026-11-28', '2026-11-29', '2026-11-30'];

/** The dashboard's figures counted from individual responses, as the SQL would count them. */
function figuresOf(people: Respondent[], priorities: number): DashboardFigures {
	const count = (pick: (p: Respondent) => boolean) => people.filter(pick).length;
	const days = DAYS.filter(
		(_, d) => people.some((p) => p.day <= d) && people.some((p) => p.day >= d)
	);
	return {
		totals: {
			total: people.length,
			byAudience: audienceCodes.map((audience) => ({
				audience,
				label: audienceLabels[audience],
				n: count((p) => p.audience === audience)
			})),
			byChannel: channelCodes.map((channel) => ({
				channel,
				label: channelLabels[channel],
				n: count((p) => p.channel === channel)
			}))
		},
		byDay: days.map((day) => ({ day, n: count((p) => DAYS[p.day] === day) })),
		roadshow: { sessions: [], booked: 0, attended: 0, waiting: 0 },
		priorities: Array.from({ length: priorities }, (_, i) => {
			const tally = (pick: (p: Respondent) => boolean) => {
				const out: Partial<Record<AgreementValue, number>> = {};
				for (const p of people) {
					const v = p.answers[i];
					if (v && pick(p)) out[v] = (out[v] ?? 0) + 1;
				}
				return out;
			};
			return {
				id: i + 1,
				position: i + 1,
				title: `Priority ${i + 1}`,
				agreement: {
					audiences: audienceCodes.map((a) =>
						agreementRow(
							a,
							tally((p) => p.audience === a)
						)
					),
					all: agreementRow(
						'all',
						tally(() => true)
					)
				},
				comments: 0,
				themes: [],
				examples: []
			};
		})
	};
}

/** What a reader knows from the published page: figures, how they add up, and the percentages. */
function readerModel(d: Dashboard) {
	const hidden = new Map<string, 'small' | 'withheld'>();
	const known: Known[] = [];
	// A figure as a term: a hidden one is a variable, a shown one a constant.
	const figure = (name: string, c: Count): Term | number => {
		if (typeof c === 'number') return c;
		hidden.set(name, c);
		return [name, 1];
	};
	const relate = (parts: (Term | number)[], total: Term | number, op: 'eq' | 'le' = 'eq') => {
		const terms: Term[] = [];
		let constant = 0;
		for (const p of parts)
			if (typeof p === 'number') constant += p;
			else terms.push(p);
		if (typeof total === 'number') constant -= total;
		else terms.push([total[0], -1]);
		if (terms.length === 0) {
			// Everything shown: it must add up, or the page itself is wrong.
			expect(op === 'eq' ? constant === 0 : constant <= 0).toBe(true);
			return;
		}
		known.push(op === 'eq' ? { terms, min: -constant, max: -constant } : { terms, max: -constant });
	};
	const total = figure('total', d.totals.total);
	const audience = new Map(
		d.totals.byAudience.map((a) => [a.audience, figure(`aud ${a.audience}`, a.n)])
	);
	relate([...audience.values()], total);
	relate(
		d.totals.byChannel.map((c) => figure(`ch ${c.channel}`, c.n)),
		total
	);
	if (d.byDay.length)
		relate(
			d.byDay.map((x) => figure(`day ${x.day}`, x.n)),
			total
		);
	for (const p of d.priorities) {
		const rows = [...p.agreement.audiences, p.agreement.all];
		const cell = new Map<string, Term | number>();
		for (const r of rows) {
			const n = figure(`${p.id} ${r.audience} n`, r.n);
			cell.set(`${r.audience} n`, n);
			const values = agreementValues.map((v) => {
				const c = figure(`${p.id} ${r.audience} ${v}`, r.counts[v]);
				cell.set(`${r.audience} ${v}`, c);
				return c;
			});
			relate(values, n);
			if (r.percentAgree !== null) {
				// Math.round: percent − 0.5 ≤ 100 × agree / n < percent + 0.5, n being shown.
				expect(typeof r.n).toBe('number');
				const agree = [values[0], values[1]];
				const base = r.n as number;
				const terms: Term[] = [];
				let constant = 0;
				for (const a of agree)
					if (typeof a === 'number') constant += 200 * a;
					else terms.push([a[0], 200]);
				const low = (2 * r.percentAgree - 1) * base - constant;
				const high = (2 * r.percentAgree + 1) * base - 1 - constant;
				if (terms.length) known.push({ terms, min: low, max: high });
				else expect(low <= 0 && 0 <= high).toBe(true);
			}
		}
		for (const what of [...agreementValues, 'n'])
			relate(
				p.agreement.audiences.map((a) => cell.get(`${a.audience} ${what}`)!),
				cell.get(`all ${what}`)!
			);
		relate([cell.get('all n')!], total, 'le');
		for (const a of p.agreement.audiences)
			relate([cell.get(`${a.audience} n`)!], audience.get(a.audience as Audience)!, 'le');
	}
	return { hidden, known };
}

/** The smallest and largest value of each hidden figure consistent with everything shown. */
const ranges = (d: Dashboard) => {
	const { hidden, known } = readerModel(d);
	return hiddenRanges(hidden, known);
};

const respondent = (priorities: number) =>
	fc.record({
		// Skewed: mostly parents, few young people; mostly online; a few answers each.
		audience: fc.constantFrom<Audience>(
			'parents_carers',
			'parents_carers',
			'parents_carers',
			'practitioners',
			'practitioners',
			'young_people'
		),
		channel: fc.constantFrom<Channel>('online', 'online', 'online', 'paper', 'roadshow'),
		day: fc.integer({ min: 0, max: DAYS.length - 1 }),
		answers: fc.array(
			fc.option(
				fc.constantFrom<AgreementValue>(
					'strongly_agree',
					'strongly_agree',
					'agree',
					'agree',
					'neither',
					'disagree',
					'strongly_disagree',
					'dont_know'
				),
				{ freq: 8 }
			),
			{ minLength: priorities, maxLength: priorities }
		)
	});

function checkPage(people: Respondent[], priorities: number) {
	const published = protectDashboard(figuresOf(people, priorities));
	for (const [name, [low, high]] of ranges(published))
		expect(high - low, `${name} could be narrowed to [${low}, ${high}]`).toBeGreaterThanOrEqual(2);
	return published;
}

describe('protectDashboard, attacked with an exact solver', () => {
	it('reproduces the 15-response case: parents 7, practitioners 6, young people 2 on paper', () => {
		const people: Respondent[] = [
			...Array.from({ length: 7 }, (_, i): Respondent => ({
				audience: 'parents_carers',
				channel: 'online',
				day: i % 2,
				// Five strongly agree, one agrees and one disagrees.
				answers: [i < 5 ? 'strongly_agree' : i === 5 ? 'agree' : 'disagree', 'strongly_agree']
			})),
			...Array.from({ length: 6 }, (_, i): Respondent => ({
				audience: 'practitioners',
				channel: 'online',
				day: i < 3 ? 0 : 2,
				answers: ['strongly_agree', 'strongly_agree']
			})),
			...Array.from({ length: 2 }, (): Respondent => ({
				audience: 'young_people',
				channel: 'paper',
				day: 2,
				answers: ['agree', 'agree']
			}))
		];
		const page = checkPage(people, 2);
		// Young people (2) are shown together with practitioners (6), in every table.
		expect(page.totals.byAudience.map((a) => [a.label, a.n])).toEqual([
			['Parents and carers', 7],
			['Practitioners and young people', 8]
		]);
		for (const p of page.priorities)
			expect(p.agreement.audiences.map((a) => a.label)).toEqual([
				'Parents and carers',
				'Practitioners and young people'
			]);
		expect(page.totals.byChannel.find((c) => c.channel === 'paper')!.n).toBe('small');
		expect(page.priorities[1].agreement.all.counts.agree).not.toBe(2);
	});

	it('no hidden figure can be worked out or narrowed to two values, over many small skewed data sets (1,000 data sets of 1 to 3 priorities)', () => {
		fc.assert(
			fc.property(
				fc
					.integer({ min: 1, max: 3 })
					.chain((priorities) =>
						fc.tuple(
							fc.constant(priorities),
							fc.array(respondent(priorities), { minLength: 0, maxLength: 24 })
						)
					),
				([priorities, people]) => {
					checkPage(people, priorities);
				}
			),
			{ numRuns: Number(process.env.DISCLOSURE_RUNS ?? 1000) }
		);
	}, 60_000);

	it('holds when an audience has 1 to 4 responses and four priorities share its total', () => {
		const of = (audience: Audience, min: number, max: number) =>
			fc.array(
				respondent(4).map((r) => ({ ...r, audience })),
				{ minLength: min, maxLength: max }
			);
		fc.assert(
			fc.property(
				of('parents_carers', 3, 12),
				of('practitioners', 0, 8),
				of('young_people', 1, 4),
				(parents, practitioners, young) => {
					checkPage([...parents, ...practitioners, ...young], 4);
				}
			),
			{ numRuns: 200 }
		);
	}, 60_000);

	it('keeps large counts visible', () => {
		const people: Respondent[] = Array.from({ length: 300 }, (_, i) => ({
			audience: audienceCodes[i % 3],
			channel: channelCodes[i % 3],
			day: i % 3,
			answers: [agreementValues[i % 6]]
		}));
		const page = checkPage(people, 1);
		expect(page.hidden).toEqual({ small: 0, withheld: 0 });
		expect(page.priorities[0].agreement.all.percentAgree).toBe(33);
	});
});

describe('protectTable', () => {
	it('protects a cross-table with its totals, for other services to use', () => {
		const out = protectTable([
			[12, 3, 9],
			[8, 10, 7]
		]);
		expect(out.cells[0][1]).toBe('small');
		// The row and the column of the 3 each hide another cell, so the 3 cannot be worked out.
		expect(out.cells[0].filter((c) => typeof c !== 'number').length).toBeGreaterThanOrEqual(2);
		expect(
			out.cells.map((r) => r[1]).filter((c) => typeof c !== 'number').length
		).toBeGreaterThanOrEqual(2);
		expect(out.total).toBe(49);
	});
});

describe('mayShowFiltered', () => {
	it('needs the minimum both in the filtered group and in the rest', () => {
		expect(mayShowFiltered(10, 20, 10)).toBe(true);
		expect(mayShowFiltered(9, 100, 10)).toBe(false);
		expect(mayShowFiltered(95, 100, 10)).toBe(false);
		expect(mayShowFiltered(6, 15, 10)).toBe(false);
	});
});
