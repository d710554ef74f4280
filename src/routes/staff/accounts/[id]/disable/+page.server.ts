import { redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/access';
import { disableStaffUser } from '$lib/server/auth/users';
import { getDb } from '$lib/server/db';
import { accountFromParam } from '../../account.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const me = requirePermission(locals, 'staff:manage', url);
	const account = await accountFromParam(params.id);
	if (account.disabledAt) redirect(303, `/staff/accounts/${account.id}`);
	return {
		account: { id: account.id, name: account.name, email: account.email },
		isYou: account.id === me.id
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params, getClientAddress }) => {
		const me = requirePermission(locals, 'staff:manage', url);
		const account = await accountFromParam(params.id);
		const result = await disableStaffUser(getDb(), account.id, {
			staffUserId: me.id,
			ip: getClientAddress()
		});
		if (!result.ok) return { problem: result.message };
		redirect(303, `/staff/accounts/${account.id}?done=disabled`);
	}
};
