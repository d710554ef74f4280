import { closingDate } from '$lib/server/consultations';
import { audienceLabels, isEasyReadAudience } from '$lib/server/questionnaires/audiences';
import { journeyBase, loadJourney, noStore, startHref } from '../../journey.server';

export const load = async ({ params, setHeaders }) => {
	noStore(setHeaders);
	const journey = await loadJourney(params);
	const c = journey.consultation;
	return {
		base: journeyBase(params),
		startHref: startHref(params.slug, params.audience),
		consultation: {
			slug: c.slug,
			title: c.title,
			closingDate: closingDate(c),
			contactEmail: c.contactEmail
		},
		questionnaireTitle: journey.version.title,
		audienceLabel: audienceLabels[journey.questionnaire.audience],
		easyRead: isEasyReadAudience(journey.questionnaire.audience),
		// An unsent response on a closed consultation: every page explains instead of asking.
		closed: journey.response.status === 'in_progress' && journey.status !== 'open'
	};
};
