import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { audienceCodes, type Audience } from '$lib/server/db/schema';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import { audienceLabels } from '$lib/server/questionnaires/audiences';
import { createQuestionnaire } from '$lib/server/questionnaires/authoring';
import { findQuestionnaireByAudience } from '$lib/server/questionnaires/versions';

function audienceOf(param: string): Audience {
	if (!(audienceCodes as readonly string[]).includes(param)) error(404, 'Page not found');
	return param as Audience;
}

const fields = z.object({
	start: z.enum(['starter', 'empty'], { error: 'Select how you want to start' })
});

export const load = async ({ locals, params }) => {
	const { consultation: c, priorities } = await requireConsultationToManage(locals, params.id);
	const audience = audienceOf(params.audience);
	const existing = await findQuestionnaireByAudience(getDb(), c.id, audience);
	if (existing) redirect(303, `/staff/consultations/${c.id}/questionnaires/${existing.id}`);
	return {
		consultation: { id: c.id, title: c.title },
		audience,
		label: audienceLabels[audience],
		priorityCount: priorities.length
	};
};

export const actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation: c } = await requireConsultationToManage(locals, params.id);
		const audience = audienceOf(params.audience);
		const parsed = parseForm(await request.formData(), fields);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const created = await createQuestionnaire(getDb(), c.id, audience, {
			useStarter: parsed.data.start === 'starter',
			actor: { staffUserId: user.id, ip: getClientAddress() }
		});
		if (!created.ok) {
			const existing = await findQuestionnaireByAudience(getDb(), c.id, audience);
			if (existing) redirect(303, `/staff/consultations/${c.id}/questionnaires/${existing.id}`);
			return invalid(parsed.values, { start: Object.values(created.errors)[0] });
		}
		redirect(
			303,
			`/staff/consultations/${c.id}/questionnaires/${created.questionnaireId}?done=created`
		);
	}
};
