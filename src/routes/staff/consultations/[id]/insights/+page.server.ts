import { loadDashboard } from '$lib/server/insights/dashboard';
import { audienceOptions, channelOptions } from '$lib/server/insights/filters';
import { dashboardView } from '$lib/server/insights/view';
import { SUPPRESSION_THRESHOLD } from '$lib/server/insights/suppress';
import { addDays } from '$lib/server/insights/sql';
import { formatDate } from '$lib/format';
import { insightsRequest } from './insights.server';

/** Every day the consultation is open, for the date selects (plus a date from the address outside it). */
function dayOptions(opensOn: string, closesOn: string, extra: (string | undefined)[]) {
	const days = new Set<string>();
	for (let d = opensOn; d <= closesOn && days.size < 400; d = addDays(d, 1)) days.add(d);
	for (const d of extra) if (d && /^\d{4}-\d{2}-\d{2}$/.test(d)) days.add(d);
	return [...days].sort().map((value) => ({ value, text: formatDate(value) }));
}

export const load = ({ locals, params, url }) => {
	const r = insightsRequest(locals, params.id, url);
	const dashboard = loadDashboard(r.db, r.consultation.id, r.filters);
	const matching = dashboard.totals.rawTotal;
	return {
		consultation: { id: r.consultation.id, title: r.consultation.title },
		values: r.values,
		errors: r.errors,
		active: r.active,
		description: r.description,
		query: r.query,
		// Row-level exports would show a small group's answers one by one.
		canExport: matching === 0 || matching >= SUPPRESSION_THRESHOLD,
		choices: {
			audience: audienceOptions,
			channel: channelOptions,
			session: r.options.sessions,
			days: dayOptions(r.consultation.opensOn, r.consultation.closesOn, [r.values.from, r.values.to]),
			profile: r.options.profile.map((p) => ({ param: p.param, label: p.label, options: p.options }))
		},
		view: dashboardView(dashboard)
	};
};
