import { accessNeedsSchema } from '$lib/server/roadshow/validation';
import { backHref, saveStep } from '../../journey.server';

export const load = ({ params, url }) => ({ backHref: backHref(params, 'access-needs', url) });

export const actions = {
	default: (event) => saveStep(event, 'access-needs', accessNeedsSchema)
};
