import { requirePermission } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { pageFeedbackCsv } from '$lib/server/pageFeedback';
import { readPeriodFilter } from '$lib/server/pageFeedback/period';
import { ukToday } from '$lib/format';

export const GET = async ({ locals, url }) => {
	requirePermission(locals, 'pageFeedback:view', url);
	const { period } = readPeriodFilter(url.searchParams);
	return new Response(await pageFeedbackCsv(getDb(), period), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="page-feedback-${ukToday()}.csv"`
		}
	});
};
