import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { checkGroupForm, PROFESSIONS, updateGroup } from '$lib/server/liaison';
import { formValues, invalid } from '$lib/server/shared/forms';
import { requireGroup, requireLiaisonStaff } from '../../../liaison.server';

export const load = async (event) => {
	requireLiaisonStaff(event);
	const { group, members } = await requireGroup(event.params.id);
	const saved: Record<string, string> = { name: group.name, area: group.area };
	PROFESSIONS.forEach((p, i) => {
		saved[`member-${i}`] = members.find((m) => m.profession === p)?.name ?? '';
	});
	return { id: group.id, name: group.name, professions: PROFESSIONS, saved };
};

export const actions = {
	default: async (event) => {
		const { actor } = requireLiaisonStaff(event);
		const { group } = await requireGroup(event.params.id);
		const values = formValues(await event.request.formData());
		const checked = checkGroupForm(values);
		if (!checked.ok) return invalid(values, checked.errors);
		await updateGroup(getDb(), group.id, checked.data, actor);
		redirect(303, `/staff/liaison/groups/${group.id}?done=changed`);
	}
};
