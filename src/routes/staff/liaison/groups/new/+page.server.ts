import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { checkGroupForm, createGroup, PROFESSIONS } from '$lib/server/liaison';
import { formValues, invalid } from '$lib/server/shared/forms';
import { requireLiaisonStaff } from '../../liaison.server';

export const load = (event) => {
	requireLiaisonStaff(event);
	return { professions: PROFESSIONS };
};

export const actions = {
	default: async (event) => {
		const { actor } = requireLiaisonStaff(event);
		const values = formValues(await event.request.formData());
		const checked = checkGroupForm(values);
		if (!checked.ok) return invalid(values, checked.errors);
		const group = await createGroup(getDb(), checked.data, actor);
		redirect(303, `/staff/liaison/groups/${group.id}?done=created`);
	}
};
