import { requirePermission } from '$lib/server/auth/access';
import { resetStaffPassword } from '$lib/server/auth/users';
import { getDb } from '$lib/server/db';
import { accountFromParam } from '../../account.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const me = requirePermission(locals, 'staff:manage', url);
	const account = await accountFromParam(params.id);
	return { account: { id: account.id, name: account.name }, isYou: account.id === me.id };
};

export const actions: Actions = {
	default: async ({ locals, url, params, getClientAddress }) => {
		const me = requirePermission(locals, 'staff:manage', url);
		const account = await accountFromParam(params.id);
		const result = await resetStaffPassword(getDb(), account.id, {
			staffUserId: me.id,
			ip: getClientAddress()
		});
		if (!result.ok) return { problem: result.message };
		// Returned, not redirected: the one-time password is shown this once and never stored.
		return { oneTimePassword: result.oneTimePassword };
	}
};
