import { error } from '@sveltejs/kit';
import { listAuditEvents, listAuditKinds } from '$lib/server/audit';
import { requirePermission } from '$lib/server/auth/access';
import { listStaffUsers } from '$lib/server/auth/users';
import { getDb } from '$lib/server/db';
import { formatDateTime } from '$lib/format';
import { readAuditFilters } from './filters.server';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, 'audit:view', url);
	const param = url.searchParams.get('page') ?? '1';
	if (!/^[1-9]\d{0,6}$/.test(param)) error(404, 'Page not found');
	const db = getDb();
	const form = readAuditFilters(url);
	const valid = Object.keys(form.errors).length === 0;
	const result = await listAuditEvents(db, {
		page: Number(param),
		pageSize: PAGE_SIZE,
		filters: valid ? form.filters : {}
	});
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
		total: result.total,
		people: (await listStaffUsers(db)).map((u) => ({ value: String(u.id), text: u.name })),
		kinds: await listAuditKinds(db),
		values: form.values,
		errors: form.errors,
		query: valid ? form.query : ''
	};
};
