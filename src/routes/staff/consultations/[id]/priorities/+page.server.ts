import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import {
	addPriority,
	movePriority,
	PRIORITY_FROZEN_MESSAGE,
	priorityFields
} from '$lib/server/consultations';

const doneMessages: Record<string, string> = {
	added: 'Priority added',
	moved: 'Priorities reordered',
	updated: 'Priority saved',
	removed: 'Priority removed'
};

export const load = async ({ locals, params, url }) => {
	const { consultation: c, priorities } = await requireConsultationToManage(locals, params.id);
	return {
		consultation: { id: c.id, title: c.title, status: c.status },
		priorities: priorities.map((p) => ({
			id: p.id,
			position: p.position,
			title: p.title,
			description: p.description
		})),
		done: doneMessages[url.searchParams.get('done') ?? ''] ?? null
	};
};

const moveSchema = z.object({
	priorityId: z.coerce.number().int().positive(),
	direction: z.enum(['up', 'down'])
});

export const actions = {
	add: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation } = await requireConsultationToManage(locals, params.id);
		const parsed = parseForm(await request.formData(), priorityFields);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await addPriority(getDb(), consultation.id, parsed.data, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		redirect(303, `/staff/consultations/${consultation.id}/priorities?done=added`);
	},
	move: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation } = await requireConsultationToManage(locals, params.id);
		const parsed = parseForm(await request.formData(), moveSchema);
		const moved = parsed.ok
			? await movePriority(
					getDb(),
					consultation.id,
					parsed.data.priorityId,
					parsed.data.direction,
					{
						staffUserId: user.id,
						ip: getClientAddress()
					}
				)
			: 'not_found';
		if (moved === 'frozen') return invalid({}, { form: PRIORITY_FROZEN_MESSAGE });
		if (moved !== 'done')
			return invalid(
				{},
				{
					form: 'That priority could not be moved. It may have been removed: refresh the page and try again'
				}
			);
		redirect(303, `/staff/consultations/${consultation.id}/priorities?done=moved`);
	}
};
