import { getDb } from '$lib/server/db';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import { questionnaireSummaries, summaryStatus } from '$lib/server/questionnaires/answering';

export const load = async ({ locals, params }) => {
	const { consultation: c } = await requireConsultationToManage(locals, params.id);
	return {
		consultation: { id: c.id, title: c.title },
		questionnaires: (await questionnaireSummaries(getDb(), c.id)).map((s) => ({
			...s,
			status: summaryStatus(s)
		}))
	};
};
