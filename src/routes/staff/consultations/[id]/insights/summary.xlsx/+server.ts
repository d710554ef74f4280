import { error } from '@sveltejs/kit';
import { countDashboardOffThread } from '$lib/server/insights/offThread';
import { summaryWorkbook } from '$lib/server/insights/exports';
import { TOO_FEW_TEXT } from '$lib/server/insights/disclosure';
import { ukToday } from '$lib/format';
import { recordDataAccess } from '$lib/server/audit';
import { insightsRequest } from '../insights.server';

export const GET = async ({ locals, params, url, getClientAddress }) => {
	const r = await insightsRequest(locals, params.id, url);
	if (Object.keys(r.errors).length)
		error(400, `The filters are not valid: ${Object.values(r.errors).join('. ')}`);
	const { dashboard, matching } = await countDashboardOffThread(
		r.db,
		r.consultation.id,
		r.filters,
		{ examples: 0 }
	);
	if (!dashboard) error(409, TOO_FEW_TEXT);
	const file = await summaryWorkbook(r.db, r.consultation, dashboard, r.filters, r.description);
	await recordDataAccess(r.db, {
		actor: { staffUserId: locals.user!.id, ip: getClientAddress() },
		action: 'personal_data.downloaded',
		what: `the summary workbook for "${r.consultation.title}"`,
		filters: r.description,
		rows: matching,
		subjectType: 'consultation',
		subjectId: r.consultation.id
	});
	return new Response(new Uint8Array(file), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="summary-${r.consultation.slug}-${ukToday()}.xlsx"`,
			'Cache-Control': 'no-store'
		}
	});
};
