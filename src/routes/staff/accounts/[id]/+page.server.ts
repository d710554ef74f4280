import { error, redirect } from '@sveltejs/kit';
import { requirePermission, ROLE_DESCRIPTIONS, ROLE_NAMES, ROLES } from '$lib/server/auth/access';
import { enableStaffUser, updateStaffUser } from '$lib/server/auth/users';
import { getDb } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/shared/forms';
import { formatDateTime } from '$lib/format';
import { accountFromParam } from '../account.server';
import type { Actions, PageServerLoad } from './$types';

const doneMessages: Record<string, string> = {
	updated: 'Account details saved',
	disabled: 'Account disabled. They have been signed out',
	enabled: 'Account enabled. They can sign in again'
};

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const me = requirePermission(locals, 'staff:manage', url);
	const account = await accountFromParam(params.id);
	return {
		account: {
			id: account.id,
			name: account.name,
			email: account.email,
			role: account.role,
			roleName: ROLE_NAMES[account.role],
			active: !account.disabledAt,
			awaitingFirstSignIn: account.mustChangePassword,
			created: formatDateTime(account.createdAt),
			disabled: account.disabledAt ? formatDateTime(account.disabledAt) : null
		},
		isYou: account.id === me.id,
		roles: ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r], hint: ROLE_DESCRIPTIONS[r] })),
		done: doneMessages[url.searchParams.get('done') ?? ''] ?? null
	};
};

export const actions: Actions = {
	update: async ({ locals, url, params, request, getClientAddress }) => {
		const me = requirePermission(locals, 'staff:manage', url);
		const account = await accountFromParam(params.id);
		const values = formValues(await request.formData());
		const result = await updateStaffUser(getDb(), account.id, values, {
			staffUserId: me.id,
			ip: getClientAddress()
		});
		if (!result.ok) {
			if ('notFound' in result) error(404, 'Page not found');
			return invalid(values, result.errors);
		}
		redirect(303, `/staff/accounts/${account.id}?done=updated`);
	},
	enable: async ({ locals, url, params, getClientAddress }) => {
		const me = requirePermission(locals, 'staff:manage', url);
		const account = await accountFromParam(params.id);
		await enableStaffUser(getDb(), account.id, { staffUserId: me.id, ip: getClientAddress() });
		redirect(303, `/staff/accounts/${account.id}?done=enabled`);
	}
};
