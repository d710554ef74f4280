import { RETENTION } from '$lib/server/retention';
import { currentLimits } from '$lib/server/limits';

export const load = () => {
	const limits = Object.values(currentLimits());
	return {
		retention: RETENTION,
		// Counters last as long as the longest limit's window.
		longestLimitHours: Math.ceil(Math.max(...limits.map((l) => l.seconds)) / 3600)
	};
};
