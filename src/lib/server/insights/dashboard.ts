// The whole dashboard for one consultation and set of filters: the figures the page, the report
// and the summary workbook show, and what the benchmark times as "raw SQL".
import type { Db } from '../db';
import { priority } from '../db/schema';
import { asc, eq } from 'drizzle-orm';
import {
	priorityFigures,
	recentComments,
	responsesByDay,
	responseTotals,
	roadshowPanel,
	topThemesByPriority,
	type Comment,
	type Count,
	type PriorityAgreement,
	type ResponseTotals,
	type SessionFigures,
	type ThemeCount
} from './aggregate';
import type { InsightFilters } from './filters';
import { suppress, SUPPRESSION_THRESHOLD } from './suppress';

export type PriorityInsights = {
	id: number;
	position: number;
	title: string;
	agreement: PriorityAgreement;
	comments: Count;
	themes: ThemeCount[];
	/** Empty when fewer than 5 responses match: a quote could identify someone in a small group. */
	examples: Comment[];
};

export type Dashboard = {
	totals: ResponseTotals;
	byDay: { day: string; n: Count }[];
	roadshow: { sessions: SessionFigures[]; booked: Count; attended: Count; waiting: Count };
	priorities: PriorityInsights[];
};

export function listPriorities(db: Db, consultationId: number) {
	return db
		.select({ id: priority.id, position: priority.position, title: priority.title })
		.from(priority)
		.where(eq(priority.consultationId, consultationId))
		.orderBy(asc(priority.position))
		.all();
}

export function loadDashboard(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	options: { examples?: number } = {}
): Dashboard {
	const priorities = listPriorities(db, consultationId);
	const totals = responseTotals(db, consultationId, filters);
	const { agreement, comments } = priorityFigures(
		db,
		consultationId,
		priorities.map((p) => p.id),
		filters
	);
	const themes = topThemesByPriority(db, consultationId, filters);
	const showExamples = totals.rawTotal >= SUPPRESSION_THRESHOLD && options.examples !== 0;
	return {
		totals,
		byDay: responsesByDay(db, consultationId, filters),
		roadshow: roadshowPanel(db, consultationId, filters),
		priorities: priorities.map((p) => ({
			...p,
			agreement: agreement.get(p.id)!,
			comments: suppress(comments.get(p.id) ?? 0),
			themes: themes.get(p.id) ?? [],
			examples: showExamples
				? recentComments(db, consultationId, p.id, filters, options.examples ?? 3)
				: []
		}))
	};
}
