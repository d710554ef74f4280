import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireQuestionnaireForStaff } from '$lib/server/questionnaires/guard';
import { audienceLabels, channelLabels } from '$lib/server/questionnaires/audiences';
import { listSubmittedResponses } from '$lib/server/questionnaires/answering';
import { formatDateTime } from '$lib/format';

const PER_PAGE = 50;

export const load = async ({ locals, params, url }) => {
	const { consultation: c, questionnaire: q } = await requireQuestionnaireForStaff(
		locals,
		params.id,
		params.qid,
		'feedback:view'
	);
	const raw = url.searchParams.get('page') ?? '1';
	if (!/^[1-9]\d{0,5}$/.test(raw)) error(404, 'Page not found');
	const page = Number(raw);
	const { total, rows } = await listSubmittedResponses(getDb(), q.id, page, PER_PAGE);
	const pages = Math.max(1, Math.ceil(total / PER_PAGE));
	if (page > pages) error(404, 'Page not found');
	return {
		consultation: { id: c.id, title: c.title },
		questionnaire: { id: q.id, label: audienceLabels[q.audience] },
		total,
		page,
		pages,
		first: (page - 1) * PER_PAGE + 1,
		responses: rows.map((r) => ({
			id: r.id,
			reference: r.reference ?? 'None',
			channel: channelLabels[r.channel],
			version: r.versionNumber,
			submitted: r.submittedAt ? formatDateTime(r.submittedAt) : ''
		}))
	};
};
