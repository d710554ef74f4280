import { getConfig } from '$lib/server/config';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const config = getConfig();
	return { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS };
};
