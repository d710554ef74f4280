import { error } from '@sveltejs/kit';
import { allAuditEvents, auditCsvRows, recordDataAccess } from '$lib/server/audit';
import { requirePermission } from '$lib/server/auth/access';
import { listStaffUsers } from '$lib/server/auth/users';
import { getDb } from '$lib/server/db';
import { CSV_BOM, writeCsv } from '$lib/server/shared/csv';
import { ukToday } from '$lib/format';
import { describeAuditFilters, readAuditFilters } from '../filters.server';

export const GET = async ({ locals, url, getClientAddress }) => {
	const user = requirePermission(locals, 'audit:view', url);
	const db = getDb();
	const form = readAuditFilters(url);
	if (Object.keys(form.errors).length)
		error(400, `The filters are not valid: ${Object.values(form.errors).join('. ')}`);
	const events = await allAuditEvents(db, form.filters);
	const people = new Map((await listStaffUsers(db)).map((u) => [u.id, u.name]));
	// The log holds names and IP addresses: its export is itself recorded.
	await recordDataAccess(db, {
		actor: { staffUserId: user.id, ip: getClientAddress() },
		action: 'personal_data.downloaded',
		what: 'the audit log CSV',
		filters: describeAuditFilters(form, people),
		rows: events.length,
		subjectType: 'audit_event',
		subjectId: 'export'
	});
	return new Response(CSV_BOM + writeCsv(auditCsvRows(events)), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="audit-log-${ukToday()}.csv"`,
			'Cache-Control': 'no-store'
		}
	});
};
