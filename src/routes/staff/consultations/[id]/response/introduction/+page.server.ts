import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import {
	EASY_READ_LIMIT,
	getResponseDraft,
	INTRODUCTION_LIMIT,
	saveResponseText
} from '$lib/server/insights/saidDid';

export const load = async ({ locals, params }) => {
	const { consultation: c } = await requireConsultationToManage(locals, params.id);
	const draft = await getResponseDraft(getDb(), c.id);
	return {
		consultation: { id: c.id, title: c.title },
		saved: { introduction: draft.introduction, easyReadSummary: draft.easyReadSummary },
		limits: { introduction: INTRODUCTION_LIMIT, easyRead: EASY_READ_LIMIT }
	};
};

const schema = z.object({
	introduction: z.string().default(''),
	easyReadSummary: z.string().default('')
});

export const actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation } = await requireConsultationToManage(locals, params.id);
		const parsed = parseForm(await request.formData(), schema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await saveResponseText(getDb(), consultation.id, parsed.data, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!result.ok) return invalid(parsed.values, result.errors);
		redirect(303, `/staff/consultations/${consultation.id}/response?done=text`);
	}
};
