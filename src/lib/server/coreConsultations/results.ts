// Results per strand for a set of terms: registrations, meetings held, schools reached and how
// useful schools found the meetings, through small-number suppression.
import { and, countDistinct, eq, inArray, ne, count, sql } from 'drizzle-orm';
import { type Db, countWhere, firstRow } from '../db';
import {
	coreConsultation,
	coreConsultationEvaluation,
	CORE_STRANDS,
	USEFULNESS
} from '../db/schema';
import { suppressCount, suppressTable, type SuppressedTable } from './disclosure';

export type CoreResults = {
	terms: string[];
	/** Rows: strands. Columns: registrations, meetings held (no row totals: not parts of a whole). */
	activity: SuppressedTable;
	/** Rows: strands. Columns: the usefulness answers; row totals are evaluations received. */
	usefulness: SuppressedTable;
	/** Different schools with a meeting held in these terms. */
	schoolsReached: number | null;
};

export async function coreResults(db: Db, terms: string[]): Promise<CoreResults> {
	const inTerms = terms.length ? inArray(coreConsultation.term, terms) : sql`false`;
	const activityRows = await db
		.select({
			strand: coreConsultation.strand,
			registrations: countWhere(ne(coreConsultation.status, 'cancelled')),
			held: countWhere(eq(coreConsultation.status, 'held'))
		})
		.from(coreConsultation)
		.where(inTerms)
		.groupBy(coreConsultation.strand);
	const evaluationRows = await db
		.select({
			strand: coreConsultation.strand,
			usefulness: coreConsultationEvaluation.usefulness,
			n: count()
		})
		.from(coreConsultationEvaluation)
		.innerJoin(
			coreConsultation,
			eq(coreConsultation.id, coreConsultationEvaluation.coreConsultationId)
		)
		.where(inTerms)
		.groupBy(coreConsultation.strand, coreConsultationEvaluation.usefulness);
	const reached = firstRow(
		await db
			.select({ n: countDistinct(coreConsultation.schoolKey) })
			.from(coreConsultation)
			.where(and(inTerms, eq(coreConsultation.status, 'held')))
			.limit(1)
	)!.n;

	const activity = CORE_STRANDS.map((s) => {
		const row = activityRows.find((r) => r.strand === s);
		return [Number(row?.registrations ?? 0), Number(row?.held ?? 0)];
	});
	const usefulness = CORE_STRANDS.map((s) =>
		USEFULNESS.map((u) =>
			Number(evaluationRows.find((r) => r.strand === s && r.usefulness === u)?.n ?? 0)
		)
	);
	return {
		terms,
		activity: suppressTable(activity, { rowTotals: false }),
		usefulness: suppressTable(usefulness),
		schoolsReached: suppressCount(Number(reached))
	};
}
