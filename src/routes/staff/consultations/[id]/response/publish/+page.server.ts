import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid } from '$lib/server/shared/forms';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import {
	getResponseDraft,
	publishResponse,
	responsePublishProblems
} from '$lib/server/insights/saidDid';
import { responsePageContent } from '$lib/server/insights/saidDidPage';

export const load = async ({ locals, params }) => {
	const { consultation: c } = await requireConsultationToManage(locals, params.id);
	const db = getDb();
	return {
		consultation: { id: c.id, title: c.title, slug: c.slug, status: c.status },
		problems: await responsePublishProblems(db, c.id),
		warnings: (await responsePageContent(db, c.id, await getResponseDraft(db, c.id))).warnings
	};
};

export const actions = {
	default: async ({ locals, params, getClientAddress }) => {
		const { user, consultation } = await requireConsultationToManage(locals, params.id);
		const result = await publishResponse(getDb(), consultation.id, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!result.ok) return invalid({}, { form: result.problems.join('. ') });
		redirect(303, `/staff/consultations/${consultation.id}/response?done=published`);
	}
};
