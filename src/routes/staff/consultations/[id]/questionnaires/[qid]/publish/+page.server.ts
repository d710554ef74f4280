import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid } from '$lib/server/shared/forms';
import { easyReadFlags, publishVersion } from '$lib/server/questionnaires/authoring';
import { editorContext } from '../editor.server';

export const load = async ({ locals, params }) => {
	const ctx = await editorContext(locals, params);
	if (!ctx.draft) redirect(303, ctx.base);
	return {
		consultation: {
			id: ctx.consultation.id,
			title: ctx.consultation.title,
			status: ctx.consultation.status
		},
		questionnaire: { id: ctx.questionnaire.id, label: ctx.label },
		draft: { number: ctx.draft.number, questionCount: ctx.draft.questions.length },
		published: ctx.published && { number: ctx.published.number },
		easyReadFlags: ctx.questionnaire.easyRead ? easyReadFlags(ctx.draft.questions) : []
	};
};

export const actions = {
	default: async ({ locals, params, getClientAddress }) => {
		const ctx = await editorContext(locals, params);
		if (!ctx.draft) redirect(303, ctx.base);
		const published = await publishVersion(getDb(), ctx.draft.id, {
			actor: { staffUserId: ctx.user.id, ip: getClientAddress() }
		});
		if (!published.ok) return invalid({}, published.errors);
		redirect(303, `${ctx.base}?published=${published.number}`);
	}
};
