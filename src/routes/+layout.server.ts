import { getConfig } from '$lib/server/config';
import { PERMISSIONS, can } from '$lib/server/auth/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const config = getConfig();
	const user = locals.user;
	// Read on every navigation (it depends on the address), so the time-out warning's clock
	// restarts whenever the server has counted activity.
	const now = url.pathname ? Date.now() : 0;
	const expiresAt = locals.sessionExpiresAt;
	return {
		user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
		permissions: user ? PERMISSIONS.filter((p) => can(user, p)) : null,
		session:
			user && expiresAt
				? {
						idleMinutes: config.SESSION_IDLE_MINUTES,
						secondsLeft: Math.max(0, Math.floor((expiresAt.getTime() - now) / 1000))
					}
				: null,
		site: {
			councilName: config.COUNCIL_NAME,
			serviceName: config.SERVICE_NAME,
			feedbackUrl: config.FEEDBACK_URL
		}
	};
};
