// Shared by the dashboard, the report and the exports: permission, the consultation, and filters.
import { requireConsultationFeedback } from '$lib/server/consultations/guard';
import { getDb } from '$lib/server/db';
import {
	describeFilters,
	filterQuery,
	loadFilterOptions,
	parseFilters
} from '$lib/server/insights/filters';

export async function insightsRequest(locals: App.Locals, idParam: string, url: URL) {
	const { consultation } = await requireConsultationFeedback(locals, idParam);
	const db = getDb();
	const options = await loadFilterOptions(db, consultation.id);
	const parsed = parseFilters(url.searchParams, options);
	return {
		db,
		consultation,
		options,
		...parsed,
		description: describeFilters(parsed.filters, options),
		query: filterQuery(parsed.values)
	};
}
