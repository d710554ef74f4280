import { getConfig } from '$lib/server/config';
import { PERMISSIONS, can } from '$lib/server/auth/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const config = getConfig();
	const user = locals.user;
	return {
		user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
		permissions: user ? PERMISSIONS.filter((p) => can(user, p)) : null,
		site: {
			councilName: config.COUNCIL_NAME,
			serviceName: config.SERVICE_NAME,
			feedbackUrl: config.FEEDBACK_URL
		}
	};
};
