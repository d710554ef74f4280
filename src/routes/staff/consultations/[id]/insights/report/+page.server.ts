import { loadDashboard } from '$lib/server/insights/dashboard';
import { dashboardView } from '$lib/server/insights/view';
import { formatDateTime } from '$lib/format';
import { insightsRequest } from '../insights.server';

export const load = ({ locals, params, url }) => {
	const r = insightsRequest(locals, params.id, url);
	const dashboard = loadDashboard(r.db, r.consultation.id, r.filters);
	return {
		consultation: { id: r.consultation.id, title: r.consultation.title },
		description: r.description,
		query: r.query,
		hasErrors: Object.keys(r.errors).length > 0,
		printedAt: formatDateTime(new Date()),
		view: dashboard && dashboardView(dashboard)
	};
};
