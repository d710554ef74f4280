import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/shared/forms';
import {
	addQuestion,
	ensureDraftVersion,
	parseQuestionForm
} from '$lib/server/questionnaires/authoring';
import { editorContext, formErrors, questionFormContext } from '../../editor.server';

export const load = async ({ locals, params }) => {
	const ctx = await editorContext(locals, params);
	if (!ctx.draft) redirect(303, ctx.base);
	return questionFormContext(ctx, ctx.draft.questions);
};

export const actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const ctx = await editorContext(locals, params);
		const values = formValues(await request.formData());
		const parsed = parseQuestionForm(values);
		if (!parsed.ok) return invalid(values, parsed.errors);
		const actor = { staffUserId: ctx.user.id, ip: getClientAddress() };
		const draftId = await ensureDraftVersion(getDb(), ctx.questionnaire.id, new Date(), actor);
		if (draftId === null) redirect(303, ctx.base);
		const added = await addQuestion(getDb(), draftId, parsed.input, actor);
		if (!added.ok) return invalid(values, formErrors(added.errors));
		redirect(303, `${ctx.base}?done=added#question-${added.questionId}`);
	}
};
