import { requirePermission, ROLE_NAMES } from '$lib/server/auth/access';
import { listStaffUsers } from '$lib/server/auth/users';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = requirePermission(locals, 'staff:manage', url);
	const accounts = (await listStaffUsers(getDb())).map((u) => ({
		id: u.id,
		name: u.name,
		email: u.email,
		role: ROLE_NAMES[u.role],
		active: !u.disabledAt,
		awaitingFirstSignIn: u.mustChangePassword,
		isYou: u.id === me.id
	}));
	return { accounts };
};
