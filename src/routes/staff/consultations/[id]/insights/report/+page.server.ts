import { countDashboardOffThread } from '$lib/server/insights/offThread';
import { dashboardView } from '$lib/server/insights/view';
import { formatDateTime } from '$lib/format';
import { insightsRequest } from '../insights.server';
import { recordDataAccess } from '$lib/server/audit';

export const load = async ({ locals, params, url, getClientAddress }) => {
	const r = await insightsRequest(locals, params.id, url);
	const { dashboard, matching } = await countDashboardOffThread(r.db, r.consultation.id, r.filters);
	if (dashboard)
		await recordDataAccess(r.db, {
			actor: { staffUserId: locals.user!.id, ip: getClientAddress() },
			action: 'personal_data.printed',
			what: `the printable report for "${r.consultation.title}"`,
			filters: r.description,
			rows: matching,
			subjectType: 'consultation',
			subjectId: r.consultation.id
		});
	return {
		consultation: { id: r.consultation.id, title: r.consultation.title },
		description: r.description,
		query: r.query,
		hasErrors: Object.keys(r.errors).length > 0,
		printedAt: formatDateTime(new Date()),
		view: dashboard && dashboardView(dashboard)
	};
};
