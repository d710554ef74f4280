import { error } from '@sveltejs/kit';
import { mayExportResponses, responsesCsv } from '$lib/server/insights/exports';
import { ukToday } from '$lib/format';
import { recordDataAccess } from '$lib/server/audit';
import { countResponses } from '$lib/server/insights/aggregate';
import { insightsRequest } from '../insights.server';

export const GET = async ({ locals, params, url, getClientAddress }) => {
	const r = await insightsRequest(locals, params.id, url);
	if (Object.keys(r.errors).length)
		error(400, `The filters are not valid: ${Object.values(r.errors).join('. ')}`);
	if (!(await mayExportResponses(r.db, r.consultation.id, r.filters))) {
		error(
			409,
			'Too few responses match these filters (or too few are left out by them) to download: a small group could be identified'
		);
	}
	await recordDataAccess(r.db, {
		actor: { staffUserId: locals.user!.id, ip: getClientAddress() },
		action: 'personal_data.downloaded',
		what: `the responses CSV for "${r.consultation.title}"`,
		filters: r.description,
		rows: await countResponses(r.db, r.consultation.id, r.filters),
		subjectType: 'consultation',
		subjectId: r.consultation.id
	});
	const chunks = responsesCsv(r.db, r.consultation.id, r.filters);
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		}
	});
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="responses-${r.consultation.slug}-${ukToday()}.csv"`,
			'Cache-Control': 'no-store'
		}
	});
};
