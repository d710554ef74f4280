import { placesSchema } from '$lib/server/roadshow/validation';
import { backHref, saveStep } from '../../journey.server';

export const load = ({ params, url }) => ({ backHref: backHref(params, 'places', url) });

export const actions = {
	default: (event) =>
		saveStep(event, 'places', (session) =>
			placesSchema({ childrenWelcome: session.childrenWelcome })
		)
};
