import { requirePermission } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { listPageComments, summarisePageFeedback } from '$lib/server/pageFeedback';
import { readPeriodFilter } from '$lib/server/pageFeedback/period';
import { formatDateTime } from '$lib/format';

export const load = async ({ locals, url }) => {
	requirePermission(locals, 'pageFeedback:view', url);
	const path = url.searchParams.get('page') ?? '';
	const filter = readPeriodFilter(url.searchParams);
	const db = getDb();
	const summary =
		(await summarisePageFeedback(db, filter.period)).find((p) => p.path === path) ?? null;
	return {
		path,
		summary,
		query: filter.query,
		comments: path
			? (await listPageComments(db, filter.period, path)).map((c) => ({
					id: c.id,
					helpful: c.helpful,
					tryingToDo: c.tryingToDo,
					whatWentWrong: c.whatWentWrong,
					when: formatDateTime(c.createdAt)
				}))
			: []
	};
};
