import { RETENTION } from '$lib/server/retention';
import { currentLimits } from '$lib/server/limits';
import { getConfig } from '$lib/server/config';

export const load = () => {
	const limits = Object.values(currentLimits());
	return {
		retention: { ...RETENTION, liaisonDaysAfterLetter: getConfig().LIAISON_KEEP_DAYS },
		// Counters last as long as the longest limit's window.
		longestLimitHours: Math.ceil(Math.max(...limits.map((l) => l.seconds)) / 3600)
	};
};
