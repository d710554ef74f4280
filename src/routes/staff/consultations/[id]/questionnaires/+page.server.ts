import { getDb } from '$lib/server/db';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import { questionnaireSummaries, summaryStatus } from '$lib/server/questionnaires/answering';

export const load = ({ locals, params }) => {
	const { consultation: c } = requireConsultationToManage(locals, params.id);
	return {
		consultation: { id: c.id, title: c.title },
		questionnaires: questionnaireSummaries(getDb(), c.id).map((s) => ({
			...s,
			status: summaryStatus(s)
		}))
	};
};
