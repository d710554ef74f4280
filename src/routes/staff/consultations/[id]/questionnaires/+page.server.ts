import { getDb } from '$lib/server/db';
import { manageConsultation } from '$lib/server/consultations/guard';
import { questionnaireSummaries, summaryStatus } from '$lib/server/questionnaires';

export const load = ({ locals, params }) => {
	const { consultation: c } = manageConsultation(locals, params.id);
	return {
		consultation: { id: c.id, title: c.title },
		questionnaires: questionnaireSummaries(getDb(), c.id).map((s) => ({
			...s,
			status: summaryStatus(s)
		}))
	};
};
