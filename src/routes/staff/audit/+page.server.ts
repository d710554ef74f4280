import { error } from '@sveltejs/kit';
import { listAuditEvents } from '$lib/server/audit';
import { requirePermission } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { formatDateTime } from '$lib/format';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = ({ locals, url }) => {
	requirePermission(locals, 'audit:view', url);
	const param = url.searchParams.get('page') ?? '1';
	if (!/^[1-9]\d{0,6}$/.test(param)) error(404, 'Page not found');
	const result = listAuditEvents(getDb(), { page: Number(param), pageSize: PAGE_SIZE });
	if (result.page > result.pageCount) error(404, 'Page not found');
	return {
		events: result.events.map((e) => ({
			id: e.id,
			when: formatDateTime(e.occurredAt),
			who: e.actorName ?? 'Not signed in',
			what: e.summary,
			ip: e.ip
		})),
		page: result.page,
		pageCount: result.pageCount,
		total: result.total
	};
};
