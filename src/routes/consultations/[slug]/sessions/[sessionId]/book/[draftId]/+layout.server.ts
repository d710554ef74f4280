import { redirect } from '@sveltejs/kit';
import { loadJourney } from '../journey.server';

export const load = async ({ params, setHeaders, route }) => {
	// The answers are personal: never keep these pages in a shared or back-button cache.
	setHeaders({ 'cache-control': 'no-store' });
	const journey = await loadJourney(params, new Date());
	// Back, reload or a second tab on a journey that has booked: show that booking, never a new form.
	if (journey.booked && !route.id.endsWith('/confirm')) redirect(303, `${journey.base}/confirm`);
	return journey;
};
