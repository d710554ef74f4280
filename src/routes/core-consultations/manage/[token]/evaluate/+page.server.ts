import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import {
	evaluateMeeting,
	evaluationSchema,
	getEvaluation,
	STRANDS,
	USEFULNESS_NAMES
} from '$lib/server/coreConsultations';
import { requireRegistrationForLink } from '../../manage.server';

export const load = async ({ params }) => {
	const r = await requireRegistrationForLink(params.token);
	// Not held yet, or already answered: the manage page says which.
	if (r.status !== 'held' || (await getEvaluation(getDb(), r.id)))
		redirect(303, `/core-consultations/manage/${params.token}`);
	return {
		strand: STRANDS[r.strand].name,
		usefulness: Object.entries(USEFULNESS_NAMES).map(([value, text]) => ({ value, text }))
	};
};

export const actions = {
	default: async ({ request, params }) => {
		const r = await requireRegistrationForLink(params.token);
		const parsed = parseForm(await request.formData(), evaluationSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		// A second submission (double click, another tab) lands on the same thank-you.
		await evaluateMeeting(getDb(), r.id, parsed.data);
		redirect(303, `/core-consultations/manage/${params.token}`);
	}
};
