import { contactSchema } from '$lib/server/roadshow/validation';
import { backHref, saveStep } from '../../journey.server';

export const load = ({ params, url }) => ({ backHref: backHref(params, 'contact', url) });

export const actions = {
	default: (event) => saveStep(event, 'contact', contactSchema)
};
