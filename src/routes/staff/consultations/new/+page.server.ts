import { redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/shared/forms';
import { createConsultation, validateConsultation } from '$lib/server/consultations';

export const load = ({ locals }) => {
	requirePermission(locals, 'consultation:manage');
};

export const actions = {
	default: async ({ locals, request, getClientAddress }) => {
		const user = requirePermission(locals, 'consultation:manage');
		const values = formValues(await request.formData());
		const checked = validateConsultation(values);
		if (!checked.ok) return invalid(values, checked.errors);
		const created = await createConsultation(getDb(), checked.data, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!created.ok) return invalid(values, created.errors);
		redirect(303, `/staff/consultations/${created.id}?done=created`);
	}
};
