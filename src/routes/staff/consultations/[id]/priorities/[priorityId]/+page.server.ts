import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { requireConsultationToManage, parseId } from '$lib/server/consultations/guard';
import {
	PRIORITY_FROZEN_MESSAGE,
	priorityFields,
	removePriority,
	updatePriority
} from '$lib/server/consultations';

async function findPriority(locals: App.Locals, params: { id: string; priorityId: string }) {
	const found = await requireConsultationToManage(locals, params.id);
	const priority = found.priorities.find((p) => p.id === parseId(params.priorityId));
	if (!priority) error(404, 'Page not found');
	return { ...found, priority };
}

export const load = async ({ locals, params }) => {
	const { consultation: c, priority: p } = await findPriority(locals, params);
	return {
		consultation: { id: c.id, title: c.title },
		priority: {
			id: p.id,
			position: p.position,
			title: p.title,
			easyReadTitle: p.easyReadTitle,
			description: p.description
		}
	};
};

export const actions = {
	save: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation, priority } = await findPriority(locals, params);
		const parsed = parseForm(await request.formData(), priorityFields);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await updatePriority(getDb(), consultation.id, priority.id, parsed.data, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (result === 'frozen') return invalid(parsed.values, { title: PRIORITY_FROZEN_MESSAGE });
		redirect(303, `/staff/consultations/${consultation.id}/priorities?done=updated`);
	},
	remove: async ({ locals, params, getClientAddress }) => {
		const { user, consultation, priority } = await findPriority(locals, params);
		const result = await removePriority(getDb(), consultation.id, priority.id, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (result === 'frozen') return invalid({}, { form: PRIORITY_FROZEN_MESSAGE });
		redirect(303, `/staff/consultations/${consultation.id}/priorities?done=removed`);
	}
};
