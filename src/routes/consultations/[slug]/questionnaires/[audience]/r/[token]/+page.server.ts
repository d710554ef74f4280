// The resume link: carries on from the first question after the last one answered.
import { redirect } from '@sveltejs/kit';
import { resumeQuestion } from '$lib/server/questionnaires/answering';
import { isAnswerable, journeyBase, loadJourney, questionHref } from '../../journey.server';

export const load = async ({ params }) => {
	const journey = await loadJourney(params);
	if (journey.response.status === 'submitted') redirect(303, `${journeyBase(params)}/sent`);
	// Closed: the layout explains.
	if (!isAnswerable(journey)) return {};
	const next = resumeQuestion(journey.questions, journey.byKey);
	redirect(303, next ? questionHref(params, next.key) : `${journeyBase(params)}/check`);
};
