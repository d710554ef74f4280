import { loadJourney } from '../journey.server';

export const load = ({ params, setHeaders }) => {
	// The answers are personal: never keep these pages in a shared or back-button cache.
	setHeaders({ 'cache-control': 'no-store' });
	return loadJourney(params, new Date());
};
