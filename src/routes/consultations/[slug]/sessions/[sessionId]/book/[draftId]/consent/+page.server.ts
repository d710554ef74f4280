import { consentQuestionSchema } from '$lib/server/roadshow/validation';
import { backHref, saveStep } from '../../journey.server';

export const load = ({ params, url }) => ({ backHref: backHref(params, 'consent', url) });

export const actions = {
	default: (event) => saveStep(event, 'consent', consentQuestionSchema)
};
