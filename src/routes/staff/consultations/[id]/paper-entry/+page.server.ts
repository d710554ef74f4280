import { getDb } from '$lib/server/db';
import { requireConsultationForStaff } from '$lib/server/consultations/guard';
import { questionnaireSummaries } from '$lib/server/questionnaires/answering';

export const load = async ({ locals, params, url }) => {
	const { consultation: c } = await requireConsultationForStaff(locals, params.id, 'roadshow:run');
	const reference = url.searchParams.get('done');
	return {
		consultation: { id: c.id, title: c.title, status: c.status },
		questionnaires: (await questionnaireSummaries(getDb(), c.id)).filter(
			(q) => q.published !== null
		),
		reference: reference && /^[A-Z0-9-]{1,20}$/.test(reference) ? reference : null
	};
};
