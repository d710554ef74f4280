import { requirePermission, ROLE_DESCRIPTIONS, ROLE_NAMES, ROLES } from '$lib/server/auth/access';
import { createStaffUser } from '$lib/server/auth/users';
import { getDb } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/shared/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requirePermission(locals, 'staff:manage', url);
	return {
		roles: ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r], hint: ROLE_DESCRIPTIONS[r] }))
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request, getClientAddress }) => {
		const me = requirePermission(locals, 'staff:manage', url);
		const values = formValues(await request.formData());
		const result = await createStaffUser(getDb(), values, {
			staffUserId: me.id,
			ip: getClientAddress()
		});
		if (!result.ok) return invalid(values, result.errors);
		// Returned, not redirected: the one-time password is shown this once and never stored.
		return {
			created: {
				id: result.user.id,
				name: result.user.name,
				email: result.user.email,
				oneTimePassword: result.oneTimePassword
			}
		};
	}
};
