import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { requireConsultationToManage, parseId } from '$lib/server/consultations/guard';
import {
	getResponseDraft,
	savePrioritySaidDid,
	SAID_DID_LIMIT
} from '$lib/server/insights/saidDid';
import { displayFigures, responseFigures } from '$lib/server/insights/responseFigures';

async function priorityOf(locals: App.Locals, params: { id: string; priorityId: string }) {
	const found = await requireConsultationToManage(locals, params.id);
	const priorityId = parseId(params.priorityId);
	const p = found.priorities.find((x) => x.id === priorityId);
	if (!p) error(404, 'Page not found');
	return { ...found, priority: p };
}

export const load = async ({ locals, params }) => {
	const { consultation: c, priority: p } = await priorityOf(locals, params);
	const db = getDb();
	const saved = (await getResponseDraft(db, c.id)).priorities.find((x) => x.priorityId === p.id)!;
	return {
		consultation: { id: c.id, title: c.title },
		priority: { id: p.id, position: p.position, title: p.title, description: p.description },
		saved: { youSaid: saved.youSaid, weDid: saved.weDid },
		figures: displayFigures((await responseFigures(db, c.id, [p.id])).get(p.id)!),
		limit: SAID_DID_LIMIT
	};
};

const schema = z.object({ youSaid: z.string().default(''), weDid: z.string().default('') });

export const actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation, priority } = await priorityOf(locals, params);
		const parsed = parseForm(await request.formData(), schema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await savePrioritySaidDid(getDb(), consultation.id, priority.id, parsed.data, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!result.ok) return invalid(parsed.values, result.errors);
		redirect(303, `/staff/consultations/${consultation.id}/response?done=saved`);
	}
};
