import { whoSchema } from '$lib/server/roadshow/validation';
import { backHref, saveStep } from '../../journey.server';

export const load = ({ params, url }) => ({ backHref: backHref(params, 'who', url) });

export const actions = {
	default: (event) => saveStep(event, 'who', whoSchema)
};
