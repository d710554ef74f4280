// "Save and come back later": the resume link on screen, and by email if they ask for it.
import { redirect } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { asksForContactDetails } from '$lib/server/questionnaires/audiences';
import { resumeEmailSchema } from '$lib/server/questionnaires/answering/publicForms';
import { notifyResumeLink } from '$lib/server/questionnaires/answering';
import { isAnswerable, journeyBase, loadJourney } from '../../../journey.server';

export const load = async ({ params, url }) => {
	const journey = await loadJourney(params);
	if (journey.response.status === 'submitted') redirect(303, `${journeyBase(params)}/sent`);
	if (!isAnswerable(journey)) return { link: null, offersEmail: false };
	return {
		link: `${url.origin}${journeyBase(params)}`,
		offersEmail: asksForContactDetails(journey.questionnaire.audience)
	};
};

export const actions = {
	default: async ({ params, request }) => {
		const journey = await loadJourney(params);
		if (!isAnswerable(journey) || !asksForContactDetails(journey.questionnaire.audience))
			redirect(303, journeyBase(params));
		const parsed = parseForm(await request.formData(), resumeEmailSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		// Queued before the page returns; delivery (SMTP only) carries on in the background.
		void notifyResumeLink(getDb(), {
			to: parsed.data.email,
			link: `${getConfig().PUBLIC_URL}${journeyBase(params)}`,
			consultationTitle: journey.consultation.title,
			closesOn: journey.consultation.closesOn
		});
		return { sentTo: parsed.data.email };
	}
};
