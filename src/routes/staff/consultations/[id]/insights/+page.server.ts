import { countDashboardOffThread } from '$lib/server/insights/offThread';
import { audienceOptions, channelOptions, dayOptions } from '$lib/server/insights/filters';
import { dashboardView } from '$lib/server/insights/view';
import { mayExportCount } from '$lib/server/insights/exports';
import { getConfig } from '$lib/server/config';
import { insightsRequest } from './insights.server';

export const load = async ({ locals, params, url }) => {
	const r = await insightsRequest(locals, params.id, url);
	const { dashboard, matching } = await countDashboardOffThread(r.db, r.consultation.id, r.filters);
	return {
		consultation: { id: r.consultation.id, title: r.consultation.title },
		values: r.values,
		errors: r.errors,
		active: r.active,
		description: r.description,
		query: r.query,
		// Too few with these filters: no figures, no downloads, just a way back.
		tooFew: dashboard === null,
		minGroup: getConfig().INSIGHTS_MIN_GROUP,
		// Row-level exports would show a small group's answers one by one.
		canExport: dashboard !== null && mayExportCount(matching),
		choices: {
			audience: audienceOptions,
			channel: channelOptions,
			session: r.options.sessions,
			days: dayOptions(r.consultation.opensOn, r.consultation.closesOn, r.filters),
			profile: r.options.profile.map((p) => ({
				param: p.param,
				label: p.label,
				options: p.options
			}))
		},
		view: dashboard && dashboardView(dashboard)
	};
};
