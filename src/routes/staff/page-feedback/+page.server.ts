import { requirePermission } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { summarisePageFeedback } from '$lib/server/pageFeedback';
import { readPeriodFilter } from '$lib/server/pageFeedback/period';

export const load = async ({ locals, url }) => {
	requirePermission(locals, 'pageFeedback:view', url);
	const filter = readPeriodFilter(url.searchParams);
	return {
		pages: await summarisePageFeedback(getDb(), filter.period),
		values: filter.values,
		errors: filter.errors,
		query: filter.query
	};
};
