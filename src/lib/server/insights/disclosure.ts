// Disclosure control: every count, base and percentage the insights pages, the public response page
// and the exports publish comes out of here.
//
// The method is cell suppression with an exact audit (as statistical offices do it, e.g. τ-Argus):
// 1. Primary suppression: every count of 1 to 4 is hidden ("fewer than 5"). Zero is shown.
// 2. The page is written down as a reader who knows how the tables fit together would see it:
//    each figure a whole number of at least 0, totals the sums of their parts, bases at least the
//    answers they count.
// 3. Audit: with everything shown fixed, an integer programme (yalps) finds the smallest and the
//    largest value each hidden figure could take. If the two differ by less than 2, the figure
//    could be worked out or narrowed to two values.
// 4. Secondary suppression: the smallest shown count in a sum with it is hidden ("not shown";
//    cells before totals, counts of 5 or more before zeros), and the audit runs again, until every
//    hidden figure passes. As a last resort a "fewer than 5" becomes "not shown".
// 5. A percentage is shown only when its part and its base are, so it adds nothing to step 2.
// 6. Table by table (protectByTable): the figures several tables share (the number of responses
//    and of each audience, which bound every priority's bases) are always shown: an audience with
//    1 to 4 responses is shown together with another (groupSmallAudiences). The tables are then
//    linked only through shown figures, so each one's audit holds for the whole page.
// "fewer than 5" is always 1 to 4, and the audit takes it so; "not shown" claims nothing about the
// figure (it may be 0, or a small one), so the audit allows it any value.
import { solve, type Coefficients, type Constraint, type Model } from 'yalps';
import type { Audience, Channel } from '../db/schema';
import { agreementValues, type AgreementValue } from '../../agreement';
import { agreementRow, type AgreementRow, type Comment } from './aggregate';
import { audienceLabels } from '../questionnaires/audiences';
import type { DashboardFigures } from './dashboard';
import type { InsightFilters } from './filters';

export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED_TEXT = 'fewer than 5';
/** A figure hidden so that a small one cannot be worked out from it: any value, 0 included. */
export const WITHHELD_TEXT = 'not shown';
/** A hidden figure's smallest and largest possible values must differ by at least this. */
export const MIN_RANGE = 2;
export const TOO_FEW_TEXT = 'Too few responses to show with these filters';

/** How a count is published: its value, "fewer than 5" (small) or "not shown" (withheld). */
export type Count = number | 'small' | 'withheld';

export function isShown(c: Count): c is number {
	return typeof c === 'number';
}

/** "1,234", "0", "fewer than 5" or "not shown". */
export function formatCount(c: Count): string {
	if (c === 'small') return SUPPRESSED_TEXT;
	if (c === 'withheld') return WITHHELD_TEXT;
	return c.toLocaleString('en-GB');
}

/** "62%", or "not shown" when the percentage is withheld. */
export function formatPercent(p: number | null): string {
	return p === null ? WITHHELD_TEXT : `${p}%`;
}

/** Σ coefficient × figure, equal to (eq) or at most (le) rhs. */
export type Relation = {
	terms: [figure: string, coefficient: number][];
	op: 'eq' | 'le';
	rhs: number;
};
/** A whole-number percentage of the sum of `part` out of `base`, published unless withheld. */
export type PercentFigure = { id: string; part: string[]; base: string };

/** The figures of one page (or export) and what a reader knows links them. */
export type DisclosureModel = {
	counts: Map<string, number>;
	relations: Relation[];
	percents: PercentFigure[];
};

export type Published = {
	/** Every count as it may be shown. */
	counts: Map<string, Count>;
	/** Every percentage as it may be shown: null when withheld (or its base is 0 or hidden). */
	percents: Map<string, number | null>;
};

export const sumRelation = (total: string, parts: string[]): Relation => ({
	terms: [[total, -1], ...parts.map((p): [string, number] => [p, 1])],
	op: 'eq',
	rhs: 0
});

/** `small` is at most `large`, added only when it is true (a reader may know it). */
export function atMost(model: DisclosureModel, small: string, large: string): void {
	if ((model.counts.get(small) ?? 0) <= (model.counts.get(large) ?? 0))
		model.relations.push({
			terms: [
				[small, 1],
				[large, -1]
			],
			op: 'le',
			rhs: 0
		});
}

export const percentOf = (part: number, base: number) => Math.round((part / base) * 100);

type Status = Map<string, Count>;

/** A programme that runs past this counts as weak (the safe side). */
const OPTIONS = { timeout: 2000 };

/** Linear constraints over the hidden figures only, with everything shown put in as its value. */
type Linear = { terms: Map<string, number>; min?: number; max?: number };

function knowledge(model: DisclosureModel, status: Status): Linear[] {
	const out: Linear[] = [];
	const add = (terms: [string, number][], op: 'eq' | 'le' | 'ge', rhs: number) => {
		const hidden = new Map<string, number>();
		let constant = 0;
		for (const [f, c] of terms) {
			const s = status.get(f);
			if (s === undefined) throw new Error(`disclosure: unknown figure ${f}`);
			if (typeof s === 'number') constant += c * s;
			else hidden.set(f, (hidden.get(f) ?? 0) + c);
		}
		for (const [f, c] of hidden) if (c === 0) hidden.delete(f);
		if (hidden.size === 0) return;
		const bound = rhs - constant;
		out.push({
			terms: hidden,
			...(op === 'eq' ? { min: bound, max: bound } : op === 'le' ? { max: bound } : { min: bound })
		});
	};
	for (const r of model.relations) add(r.terms, r.op, r.rhs);
	return out;
}

const sumOf = (model: DisclosureModel, figures: string[]) =>
	figures.reduce((s, f) => s + model.counts.get(f)!, 0);

/** Groups of hidden figures tied together by some constraint, each audited on its own. */
function components(
	hidden: string[],
	linears: Linear[]
): { figures: string[]; linears: Linear[] }[] {
	const parent = new Map(hidden.map((h) => [h, h]));
	const find = (x: string): string => {
		let r = x;
		while (parent.get(r) !== r) r = parent.get(r)!;
		parent.set(x, r);
		return r;
	};
	for (const l of linears) {
		const [first, ...rest] = [...l.terms.keys()];
		for (const o of rest) parent.set(find(o), find(first));
	}
	const groups = new Map<string, { figures: string[]; linears: Linear[] }>();
	for (const h of hidden) {
		const root = find(h);
		if (!groups.has(root)) groups.set(root, { figures: [], linears: [] });
		groups.get(root)!.figures.push(h);
	}
	for (const l of linears) groups.get(find(l.terms.keys().next().value!))!.linears.push(l);
	return [...groups.values()];
}

/** The integer programme for one group: the hidden figures' bounds and the linked constraints. */
function programme(
	figures: string[],
	linears: Linear[],
	status: Status,
	upper: number,
	/** The figure to push up or down; null for all of them together. */
	objective: string | null,
	direction: 'maximize' | 'minimize',
	/** The objective figure's actual value: the audit only asks whether it can move MIN_RANGE. */
	actual?: number
): Model {
	const constraints: Record<string, Constraint> = {};
	const variables: Record<string, Coefficients> = {};
	for (const f of figures) {
		const small = status.get(f) === 'small';
		const bound = small ? { min: 1, max: SUPPRESSION_THRESHOLD - 1 } : { min: 0, max: upper };
		// Capped at actual ± MIN_RANGE, the solver stops once it reaches what the audit needs.
		if (f === objective && actual !== undefined) {
			if (direction === 'maximize') bound.max = Math.min(bound.max, actual + MIN_RANGE);
			else bound.min = Math.max(bound.min, actual - MIN_RANGE);
		}
		constraints[`bound:${f}`] = bound;
		variables[f] = { [`bound:${f}`]: 1, objective: objective === null || f === objective ? 1 : 0 };
	}
	linears.forEach((l, i) => {
		constraints[`c${i}`] = { min: l.min, max: l.max };
		for (const [f, c] of l.terms) (variables[f] as Record<string, number>)[`c${i}`] = c;
	});
	return { direction, objective: 'objective', constraints, variables, integers: true };
}

/**
 * The first hidden figure of a group whose possible values span less than MIN_RANGE, or null.
 * Every solution found widens what is known of every figure in it, so most need no programme.
 */
function weakFigure(
	group: { figures: string[]; linears: Linear[] },
	status: Status,
	actual: Map<string, number>,
	upper: number,
	/** Values seen so far; hiding more only widens them, so they carry over from round to round. */
	low: Map<string, number>,
	high: Map<string, number>
): string | null {
	for (const f of group.figures) {
		if (!low.has(f)) low.set(f, actual.get(f)!);
		if (!high.has(f)) high.set(f, actual.get(f)!);
	}
	const wide = (f: string) => high.get(f)! - low.get(f)! >= MIN_RANGE;
	const widen = (s: ReturnType<typeof solve>) => {
		// yalps lists only the figures above 0.
		const values = new Map(s.variables);
		for (const v of group.figures) {
			const value = Math.round(values.get(v) ?? 0);
			if (value < low.get(v)!) low.set(v, value);
			if (value > high.get(v)!) high.set(v, value);
		}
	};
	if (group.figures.every(wide)) return null;
	if (group.figures.length > 2)
		// Two programmes that move every figure at once often settle most of the group.
		for (const direction of ['maximize', 'minimize'] as const) {
			const s = solve(
				programme(group.figures, group.linears, status, upper, null, direction),
				OPTIONS
			);
			if (s.status === 'optimal') widen(s);
		}
	for (const f of group.figures) {
		for (const direction of ['maximize', 'minimize'] as const) {
			if (wide(f)) break;
			let s = solve(
				programme(group.figures, group.linears, status, upper, f, direction, actual.get(f)!),
				OPTIONS
			);
			// The cap can leave a degenerate programme the simplex cycles on: then solve it uncapped.
			if (s.status === 'cycled' || s.status === 'infeasible')
				s = solve(programme(group.figures, group.linears, status, upper, f, direction), OPTIONS);
			if (s.status !== 'optimal') {
				// Unbounded above means any large value fits. A programme the solver could not finish
				// in time counts as weak: hiding more is the safe side. Anything else is a fault.
				if (s.status === 'unbounded' && direction === 'maximize') {
					high.set(f, Infinity);
					continue;
				}
				if (s.status === 'timedout' || s.status === 'cycled') return f;
				throw new Error(`disclosure: audit found the figures ${s.status}`);
			}
			widen(s);
		}
		if (!wide(f)) return f;
	}
	return null;
}

/**
 * Which figures to hide last: 0 for cells (only ever parts of a sum), 1 for subtotals (a total
 * that is itself part of another), 2 for totals. Hiding a cell costs a reader least.
 */
function figureTiers(model: DisclosureModel): Map<string, number> {
	const total = new Set<string>();
	const part = new Set<string>();
	for (const r of model.relations)
		if (r.op === 'eq') for (const [f, c] of r.terms) (c < 0 ? total : part).add(f);
	const tiers = new Map<string, number>();
	for (const f of model.counts.keys()) tiers.set(f, total.has(f) ? (part.has(f) ? 1 : 2) : 0);
	return tiers;
}

const before = (a: number[], af: string, b: number[], bf: string) => {
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
	return af < bf;
};

/**
 * The shown count to hide next: one in a sum with the weak figure if there is one, else one tied
 * to its group; the lowest tier first, then the smallest above 0 (the classic rule: hide the
 * least information that protects the cell), zeros last.
 */
function secondaryCandidate(
	weak: string,
	group: string[],
	status: Status,
	neighbours: Map<string, Set<string>>,
	tiers: Map<string, number>,
	fixed: Map<string, Count>
): string | null {
	let best: { figure: string; key: number[] } | null = null;
	const consider = (g: string, direct: number) => {
		const s = status.get(g);
		if (typeof s !== 'number' || fixed.has(g)) return;
		const key = [tiers.get(g)!, direct, s === 0 ? 1 : 0, s];
		if (best === null || before(key, g, best.key, best.figure)) best = { figure: g, key };
	};
	for (const g of neighbours.get(weak) ?? []) consider(g, 0);
	for (const f of group) for (const g of neighbours.get(f) ?? []) consider(g, 1);
	return best === null ? null : (best as { figure: string }).figure;
}

/**
 * A percentage is published only when its part and its base are shown (and the base is above 0):
 * it then says nothing a reader could not work out from the counts, so the audit can leave it out.
 */
function shownPercents(model: DisclosureModel, status: Status): Map<string, number | null> {
	const out = new Map<string, number | null>();
	for (const p of model.percents) {
		const base = status.get(p.base);
		const parts = p.part.map((f) => status.get(f));
		out.set(
			p.id,
			typeof base === 'number' && base > 0 && parts.every((c) => typeof c === 'number')
				? percentOf(sumOf(model, p.part), base)
				: null
		);
	}
	return out;
}

/** Protects one page's figures: primary suppression, then secondary until the audit passes. */
export function protect(
	model: DisclosureModel,
	/** Figures already published by another table: kept as they are, never hidden here. */
	decided: Map<string, Count> = new Map()
): Published {
	const fixed = new Map(decided);
	const status: Status = new Map();
	for (const [f, n] of model.counts)
		status.set(f, fixed.get(f) ?? (n > 0 && n < SUPPRESSION_THRESHOLD ? 'small' : n));
	const low = new Map<string, number>();
	const high = new Map<string, number>();
	// No figure exceeds the largest: a tighter bound than a reader may have, so the audit is stricter.
	const upper = Math.max(SUPPRESSION_THRESHOLD, ...model.counts.values());
	const neighbours = new Map<string, Set<string>>();
	for (const r of model.relations)
		for (const [f] of r.terms) {
			if (!neighbours.has(f)) neighbours.set(f, new Set());
			for (const [g] of r.terms) if (g !== f) neighbours.get(f)!.add(g);
		}
	const tiers = figureTiers(model);
	const passed = new Set<string>();

	for (;;) {
		const hidden = [...status].filter(([, s]) => typeof s !== 'number').map(([f]) => f);
		const linears = knowledge(model, status);
		let weak: { figure: string; group: string[] } | null = null;
		for (const group of components(hidden, linears)) {
			const key = JSON.stringify([
				group.figures,
				group.figures.map((f) => status.get(f)),
				group.linears.map((l) => [[...l.terms], l.min, l.max])
			]);
			if (passed.has(key)) continue;
			const figure = weakFigure(group, status, model.counts, upper, low, high);
			if (figure === null) passed.add(key);
			else {
				weak = { figure, group: group.figures };
				break;
			}
		}
		if (!weak) break;
		const next = secondaryCandidate(weak.figure, weak.group, status, neighbours, tiers, fixed);
		if (next !== null) {
			status.set(next, 'withheld');
			continue;
		}
		// A withheld figure that everything else pins to one value (0 when its audience has none)
		// tells nothing more when shown, once nothing else can be hidden: show it, and keep it shown.
		if (
			status.get(weak.figure) === 'withheld' &&
			!fixed.has(weak.figure) &&
			low.get(weak.figure) === high.get(weak.figure)
		) {
			const value = model.counts.get(weak.figure)!;
			status.set(weak.figure, value);
			fixed.set(weak.figure, value);
			continue;
		}
		// Nothing shown is left to hide: a small count tied to others (three groups of 1 in a
		// total of 3 or 4) stops saying it is 1 to 4.
		const small = weak.group.find((f) => status.get(f) === 'small' && !fixed.has(f));
		if (small === undefined)
			// No figures in the message: it may reach a log.
			throw new Error(`disclosure: a hidden figure (${weak.figure}) cannot be protected`);
		status.set(small, 'withheld');
	}
	return { counts: status, percents: shownPercents(model, status) };
}

/**
 * A table of counts with row and column totals and a grand total, protected as one: for any other
 * part of the product that publishes a cross-tabulation (for example school evaluation results).
 */
export function protectTable(cells: number[][]): {
	cells: Count[][];
	rowTotals: Count[];
	columnTotals: Count[];
	total: Count;
} {
	const model: DisclosureModel = { counts: new Map(), relations: [], percents: [] };
	const columns = Math.max(0, ...cells.map((r) => r.length));
	const cell = (r: number, c: number) => `cell:${r}:${c}`;
	cells.forEach((row, r) => {
		for (let c = 0; c < columns; c++) model.counts.set(cell(r, c), row[c] ?? 0);
		model.counts.set(
			`row:${r}`,
			row.reduce((s, n) => s + n, 0)
		);
		model.relations.push(
			sumRelation(
				`row:${r}`,
				Array.from({ length: columns }, (_, c) => cell(r, c))
			)
		);
	});
	for (let c = 0; c < columns; c++) {
		model.counts.set(
			`column:${c}`,
			cells.reduce((s, row) => s + (row[c] ?? 0), 0)
		);
		model.relations.push(
			sumRelation(
				`column:${c}`,
				cells.map((_, r) => cell(r, c))
			)
		);
	}
	model.counts.set(
		'total',
		cells.flat().reduce((s, n) => s + n, 0)
	);
	model.relations.push(
		sumRelation(
			'total',
			cells.map((_, r) => `row:${r}`)
		)
	);
	const out = protect(model).counts;
	return {
		cells: cells.map((row, r) => Array.from({ length: columns }, (_, c) => out.get(cell(r, c))!)),
		rowTotals: cells.map((_, r) => out.get(`row:${r}`)!),
		columnTotals: Array.from({ length: columns }, (_, c) => out.get(`column:${c}`)!),
		total: out.get('total')!
	};
}

/** Any filter set: the page then shows figures only for groups big enough (see mayShowFiltered). */
export function hasFilters(filters: InsightFilters): boolean {
	return Boolean(
		filters.audience ||
		filters.channel ||
		filters.sessionId ||
		filters.from ||
		filters.to ||
		filters.profile?.length
	);
}

/**
 * A filtered view is shown only when the responses it picks out and the responses it leaves out
 * both number at least `minimum`: otherwise the unfiltered figures less the filtered ones would
 * describe a small group, which no cell suppression on either page can see.
 */
export function mayShowFiltered(matching: number, everyone: number, minimum: number): boolean {
	return matching >= minimum && everyone - matching >= minimum;
}

export type PublishedAgreementRow = {
	audience: Audience | 'all';
	label: string;
	n: Count;
	counts: Record<AgreementValue, Count>;
	/** Strongly agree or agree out of n, whole per cent; null when withheld or n is not a shown count above 0. */
	percentAgree: number | null;
};
export type PublishedSession = {
	id: number;
	title: string;
	startsAt: Date;
	cancelled: boolean;
	capacity: number;
	booked: Count;
	waiting: Count;
	attended: Count;
	notes: Count;
	responses: Count;
};
export type PublishedPriority = {
	id: number;
	position: number;
	title: string;
	agreement: { audiences: PublishedAgreementRow[]; all: PublishedAgreementRow };
	comments: Count;
	/** Theme tags on the priority's comments, and their share of its comments. */
	themes: { themeId: number; name: string; count: Count; percent: number | null }[];
	examples: Comment[];
};
/** The dashboard as every page and export publishes it. */
export type Dashboard = {
	totals: {
		total: Count;
		byAudience: { audience: Audience; label: string; n: Count }[];
		byChannel: { channel: Channel; label: string; n: Count }[];
	};
	byDay: { day: string; n: Count }[];
	roadshow: { sessions: PublishedSession[]; booked: Count; attended: Count; waiting: Count };
	priorities: PublishedPriority[];
	/** How many counts are hidden, as "fewer than 5" and as "not shown". */
	hidden: { small: number; withheld: number };
};

/**
 * The dashboard's figures as one model (they share totals: the audience, channel and day tables
 * add up to the responses; each priority's audience rows to its "All audiences" row, and its
 * bases are at most the responses of each audience), protected together.
 */
export function dashboardModel(raw: DashboardFigures): DisclosureModel {
	const m: DisclosureModel = { counts: new Map(), relations: [], percents: [] };
	const put = (name: string, n: number) => {
		m.counts.set(name, n);
		return name;
	};
	const t = raw.totals;
	const total = put('total', t.total);
	m.relations.push(
		sumRelation(
			total,
			t.byAudience.map((a) => put(`audience:${a.audience}`, a.n))
		),
		sumRelation(
			total,
			t.byChannel.map((c) => put(`channel:${c.channel}`, c.n))
		)
	);
	if (raw.byDay.length)
		m.relations.push(
			sumRelation(
				total,
				raw.byDay.map((d) => put(`day:${d.day}`, d.n))
			)
		);
	for (const p of raw.priorities) {
		const name = (audience: string, what: string) => `p${p.id}:${audience}:${what}`;
		const rows = [...p.agreement.audiences, p.agreement.all];
		for (const row of rows) {
			const n = put(name(row.audience, 'n'), row.n);
			const cells = agreementValues.map((v) => put(name(row.audience, v), row.counts[v]));
			m.relations.push(sumRelation(n, cells));
			m.percents.push({
				id: name(row.audience, 'agree%'),
				part: [name(row.audience, 'strongly_agree'), name(row.audience, 'agree')],
				base: n
			});
		}
		for (const what of [...agreementValues, 'n'])
			m.relations.push(
				sumRelation(
					name('all', what),
					p.agreement.audiences.map((a) => name(a.audience, what))
				)
			);
		atMost(m, name('all', 'n'), total);
		for (const a of p.agreement.audiences)
			if (m.counts.has(`audience:${a.audience}`))
				atMost(m, name(a.audience, 'n'), `audience:${a.audience}`);
		const comments = put(`p${p.id}:comments`, p.comments);
		for (const theme of p.themes) {
			const f = put(`p${p.id}:theme:${theme.themeId}`, theme.count);
			atMost(m, f, comments);
			m.percents.push({ id: `${f}%`, part: [f], base: comments });
		}
	}
	const r = raw.roadshow;
	for (const what of ['booked', 'waiting', 'attended'] as const) {
		put(`roadshow:${what}`, r[what]);
		m.relations.push(
			sumRelation(
				`roadshow:${what}`,
				r.sessions.filter((s) => !s.cancelled).map((s) => put(`s${s.id}:${what}`, s[what]))
			)
		);
	}
	for (const s of r.sessions) {
		put(`s${s.id}:booked`, s.booked);
		put(`s${s.id}:waiting`, s.waiting);
		put(`s${s.id}:attended`, s.attended);
		put(`s${s.id}:notes`, s.notes);
		put(`s${s.id}:responses`, s.responses);
		atMost(m, `s${s.id}:attended`, `s${s.id}:booked`);
	}
	const atSessions = r.sessions.reduce((n, s) => n + s.responses, 0);
	if (r.sessions.length && atSessions <= t.total)
		m.relations.push({
			terms: [...r.sessions.map((s): [string, number] => [`s${s.id}:responses`, 1]), [total, -1]],
			op: 'le',
			rhs: 0
		});
	return m;
}

/** Which table of the dashboard a figure belongs to. */
function dashboardTable(figure: string): string {
	// Responses at each session are bounded by the total, so they are protected with it.
	if (/^(total|audience:|channel:|day:)|^s\d+:responses$/.test(figure)) return 'responses';
	const priority = /^(p\d+):(theme:|comments)?/.exec(figure);
	if (priority) return `${priority[1]}:${priority[2] ? 'themes' : 'agreement'}`;
	return 'roadshow';
}

/**
 * Protects a page table by table. The first table (the responses: its total and margins, which
 * other tables refer to) is decided on its own; every later table is protected with those figures
 * fixed (never hidden for it) and with the first table's sums in its model, so a link through a
 * hidden total (n ≤ audience total) is audited exactly. Tables linked only through shown figures
 * are independent given them, so per-table audits hold for the page.
 */
export function protectByTable(
	model: DisclosureModel,
	tableOf: (figure: string) => string,
	first: string,
	/** Figures decided beforehand, as they will be shown: never hidden (or shown) otherwise. */
	pinned: Map<string, Count> = new Map()
): Published {
	const tables = [first, ...new Set([...model.counts.keys()].map(tableOf))].filter(
		(t, i, all) => all.indexOf(t) === i
	);
	const inFirst = (f: string) => tableOf(f) === first;
	const context = model.relations.filter((r) => r.terms.every(([f]) => inFirst(f)));
	const decided = new Map<string, Count>(pinned);
	const percents = new Map<string, number | null>();
	for (const table of tables) {
		const own = (f: string) => tableOf(f) === table;
		if ([...model.counts.keys()].filter(own).every((f) => pinned.has(f))) {
			for (const p of model.percents.filter((p) => own(p.base))) percents.set(p.id, null);
			continue;
		}
		const relations = model.relations.filter((r) => r.terms.some(([f]) => own(f)));
		// The first table's sums matter only through a figure of it this table refers to and hides.
		const refersToHidden = relations.some((r) =>
			r.terms.some(([f]) => inFirst(f) && typeof decided.get(f) !== 'number')
		);
		if (table !== first && refersToHidden) relations.push(...context);
		const tablePercents = model.percents.filter((p) => own(p.base) || p.part.some(own));
		const names = new Set<string>();
		for (const r of relations) for (const [f] of r.terms) names.add(f);
		for (const p of tablePercents) for (const f of [p.base, ...p.part]) names.add(f);
		for (const f of model.counts.keys()) if (own(f)) names.add(f);

		const tableModel = {
			counts: new Map([...names].map((f) => [f, model.counts.get(f)!])),
			relations,
			percents: tablePercents
		};
		let out: Published;
		try {
			out = protect(tableModel, new Map([...decided].filter(([f]) => names.has(f))));
		} catch {
			// The table narrows a pinned total whatever it hides: withhold the whole table (all 0
			// fits every link, so it then says nothing about the pinned figures).
			// Figures that a shown 0 already pins to 0 (an audience with no responses) stay shown.
			const zero = new Set([...decided].filter(([, c]) => c === 0).map(([f]) => f));
			for (let grew = true; grew;) {
				grew = false;
				for (const r of relations) {
					const top = r.terms.find(([, c]) => c < 0)?.[0];
					if (top === undefined || !zero.has(top)) continue;
					for (const [f, c] of r.terms)
						if (c > 0 && !zero.has(f)) {
							zero.add(f);
							grew = true;
						}
				}
			}
			out = {
				counts: new Map([...names].map((f): [string, Count] => [f, zero.has(f) ? 0 : 'withheld'])),
				percents: new Map(tablePercents.map((p): [string, null] => [p.id, null]))
			};
		}
		for (const [f, c] of out.counts) if (own(f)) decided.set(f, c);
		for (const [id, v] of out.percents) percents.set(id, v);
	}
	return { counts: decided, percents };
}

/**
 * Audiences as the page may show them: an audience with 1 to 4 responses is put together with the
 * smallest other audience that has any (again until none is left under 5), in the responses table
 * and in every priority's rows. The audience totals, which every priority's bases are bounded by,
 * are then all shown, so no table can narrow a hidden one (see protectByTable).
 */
export function groupSmallAudiences(raw: DashboardFigures): DashboardFigures {
	const groups = raw.totals.byAudience.map((a) => ({ members: [a.audience], n: a.n }));
	for (;;) {
		const live = groups.filter((g) => g.n > 0).sort((a, b) => a.n - b.n);
		if (live.length < 2 || live[0].n >= SUPPRESSION_THRESHOLD) break;
		const [small, other] = live;
		other.members.push(...small.members);
		other.n += small.n;
		groups.splice(groups.indexOf(small), 1);
	}
	if (groups.length === raw.totals.byAudience.length) return raw;
	const order = raw.totals.byAudience.map((a) => a.audience);
	const label = (members: Audience[]) => {
		const names = [...members]
			.sort((a, b) => order.indexOf(a) - order.indexOf(b))
			.map((a, i) => (i === 0 ? audienceLabels[a] : audienceLabels[a].toLowerCase()));
		return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
	};
	const keyed = groups
		.map((g) => ({
			...g,
			key: g.members.reduce((a, b) => (order.indexOf(a) < order.indexOf(b) ? a : b))
		}))
		.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
	const mergeRows = (rows: AgreementRow[], members: Audience[], key: Audience): AgreementRow => {
		const picked = rows.filter((r) => r.audience !== 'all' && members.includes(r.audience));
		const counts = Object.fromEntries(
			agreementValues.map((v) => [v, picked.reduce((s, r) => s + r.counts[v], 0)])
		);
		return { ...agreementRow(key, counts), label: label(members) };
	};
	return {
		...raw,
		totals: {
			...raw.totals,
			byAudience: keyed.map((g) => ({ audience: g.key, label: label(g.members), n: g.n }))
		},
		priorities: raw.priorities.map((p) => ({
			...p,
			agreement: {
				...p.agreement,
				audiences: keyed.map((g) => mergeRows(p.agreement.audiences, g.members, g.key))
			}
		}))
	};
}

/** The dashboard protected table by table, the responses table first (see protectByTable). */
export function protectDashboard(figures: DashboardFigures): Dashboard {
	const raw = groupSmallAudiences(figures);
	const model = dashboardModel(raw);
	const total = raw.totals.total;
	const pinned = new Map<string, Count>();
	if (total >= SUPPRESSION_THRESHOLD) {
		// Shown, so that the tables bounded by them are independent (see groupSmallAudiences).
		pinned.set('total', total);
		for (const a of raw.totals.byAudience) pinned.set(`audience:${a.audience}`, a.n);
	} else if (total > 0) {
		// 1 to 4 responses in all: no figure about them is shown (the roadshow's bookings still are).
		for (const f of model.counts.keys())
			if (dashboardTable(f) !== 'roadshow') pinned.set(f, f === 'total' ? 'small' : 'withheld');
	}
	const out = protectByTable(model, dashboardTable, 'responses', pinned);
	const c = (name: string) => out.counts.get(name)!;
	const row = (p: number, r: DashboardFigures['priorities'][number]['agreement']['all']) => ({
		audience: r.audience,
		label: r.label,
		n: c(`p${p}:${r.audience}:n`),
		counts: Object.fromEntries(
			agreementValues.map((v) => [v, c(`p${p}:${r.audience}:${v}`)])
		) as Record<AgreementValue, Count>,
		percentAgree: out.percents.get(`p${p}:${r.audience}:agree%`) ?? null
	});
	const hidden = { small: 0, withheld: 0 };
	for (const v of out.counts.values()) if (typeof v !== 'number') hidden[v]++;
	return {
		totals: {
			total: c('total'),
			byAudience: raw.totals.byAudience.map((a) => ({ ...a, n: c(`audience:${a.audience}`) })),
			byChannel: raw.totals.byChannel.map((ch) => ({ ...ch, n: c(`channel:${ch.channel}`) }))
		},
		byDay: raw.byDay.map((d) => ({ day: d.day, n: c(`day:${d.day}`) })),
		roadshow: {
			sessions: raw.roadshow.sessions.map((s) => ({
				...s,
				booked: c(`s${s.id}:booked`),
				waiting: c(`s${s.id}:waiting`),
				attended: c(`s${s.id}:attended`),
				notes: c(`s${s.id}:notes`),
				responses: c(`s${s.id}:responses`)
			})),
			booked: c('roadshow:booked'),
			attended: c('roadshow:attended'),
			waiting: c('roadshow:waiting')
		},
		priorities: raw.priorities.map((p) => ({
			id: p.id,
			position: p.position,
			title: p.title,
			agreement: {
				audiences: p.agreement.audiences.map((a) => row(p.id, a)),
				all: row(p.id, p.agreement.all)
			},
			comments: c(`p${p.id}:comments`),
			themes: p.themes.map((t) => ({
				themeId: t.themeId,
				name: t.name,
				count: c(`p${p.id}:theme:${t.themeId}`),
				percent: out.percents.get(`p${p.id}:theme:${t.themeId}%`) ?? null
			})),
			// Quotes only beside figures that are shown at all.
			examples: isShown(c('total')) ? p.examples : []
		})),
		hidden
	};
}
