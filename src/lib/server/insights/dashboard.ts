// The whole dashboard for one consultation and set of filters: the figures the page, the report,
// the summary workbook and the public response page show.
import { withReadSnapshot, type Db } from '../db';
import { priority } from '../db/schema';
import { asc, eq } from 'drizzle-orm';
import {
	countResponses,
	priorityFigures,
	recentComments,
	responsesByDay,
	responseTotals,
	roadshowPanel,
	topThemesByPriority,
	type Comment,
	type PriorityAgreement,
	type ResponseTotals,
	type SessionFigures,
	type ThemeCount
} from './aggregate';
import { getConfig } from '../config';
import {
	hasFilters,
	mayShowFiltered,
	protectDashboard,
	SUPPRESSION_THRESHOLD,
	type Dashboard
} from './disclosure';
import type { InsightFilters } from './filters';

export type PriorityFigures = {
	id: number;
	position: number;
	title: string;
	agreement: PriorityAgreement;
	comments: number;
	themes: ThemeCount[];
	/** Empty when fewer than 5 responses match: a quote could identify someone in a small group. */
	examples: Comment[];
};

/** Every figure of the dashboard as counted, before disclosure control: never shown as it is. */
export type DashboardFigures = {
	totals: ResponseTotals;
	byDay: { day: string; n: number }[];
	roadshow: { sessions: SessionFigures[]; booked: number; attended: number; waiting: number };
	priorities: PriorityFigures[];
};

export async function listPriorities(db: Db, consultationId: number) {
	return await db
		.select({ id: priority.id, position: priority.position, title: priority.title })
		.from(priority)
		.where(eq(priority.consultationId, consultationId))
		.orderBy(asc(priority.position));
}

/** The counting half of the dashboard, what the benchmark times as "raw SQL". */
export async function loadDashboardFigures(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	options: { examples?: number } = {}
): Promise<DashboardFigures> {
	const priorities = await listPriorities(db, consultationId);
	const totals = await responseTotals(db, consultationId, filters);
	const { agreement, comments } = await priorityFigures(
		db,
		consultationId,
		priorities.map((p) => p.id),
		filters
	);
	const themes = await topThemesByPriority(db, consultationId, filters);
	const showExamples = totals.total >= SUPPRESSION_THRESHOLD && options.examples !== 0;
	return {
		totals,
		byDay: await responsesByDay(db, consultationId, filters),
		roadshow: await roadshowPanel(db, consultationId, filters),
		priorities: await Promise.all(
			priorities.map(async (p) => ({
				...p,
				agreement: agreement.get(p.id)!,
				comments: comments.get(p.id) ?? 0,
				themes: themes.get(p.id) ?? [],
				examples: showExamples
					? await recentComments(db, consultationId, p.id, filters, options.examples ?? 3)
					: []
			}))
		)
	};
}

/**
 * Whether these filters leave groups big enough to show (see mayShowFiltered): both the responses
 * that match and those that do not, so a filtered view cannot be taken away from the whole.
 */
export async function filtersShowable(
	db: Db,
	consultationId: number,
	filters: InsightFilters
): Promise<boolean> {
	if (!hasFilters(filters)) return true;
	return mayShowFiltered(
		await countResponses(db, consultationId, filters),
		await countResponses(db, consultationId, {}),
		getConfig().INSIGHTS_MIN_GROUP
	);
}

/**
 * The dashboard as it may be published: every figure through disclosure control. null when the
 * filters pick out too few responses (or leave too few out) to show anything.
 */
export async function loadDashboard(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	options: { examples?: number } = {}
): Promise<Dashboard | null> {
	if (!(await filtersShowable(db, consultationId, filters))) return null;
	return protectDashboard(await loadDashboardFigures(db, consultationId, filters, options));
}

export type CountedDashboard = {
	dashboard: Dashboard | null;
	/** Responses matching the filters: for decisions, never shown. */
	matching: number;
};

/**
 * The dashboard and the responses matching its filters, counted in one read transaction: every
 * figure from the same snapshot however many writes land meanwhile, so the totals the disclosure
 * control relies on add up. What the worker thread (countingWorker.ts) runs.
 */
export function countDashboard(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	options: { examples?: number } = {}
): Promise<CountedDashboard> {
	return withReadSnapshot(db, async (tx) => ({
		dashboard: await loadDashboard(tx, consultationId, filters, options),
		matching: await countResponses(tx, consultationId, filters)
	}));
}
