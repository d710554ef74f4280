import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/shared/forms';
import { parseId } from '$lib/server/consultations/guard';
import {
	parseQuestionForm,
	questionFormValues,
	updateQuestion
} from '$lib/server/questionnaires/authoring';
import { editorContext, formErrors, questionFormContext } from '../../editor.server';

/** A question of the draft; published questions cannot change (change the questionnaire first). */
async function draftQuestion(
	locals: App.Locals,
	params: { id: string; qid: string; questionId: string }
) {
	const ctx = await editorContext(locals, params);
	const id = parseId(params.questionId);
	if (!ctx.draft) redirect(303, ctx.base);
	const index = ctx.draft.questions.findIndex((q) => q.id === id);
	if (index < 0) error(404, 'Page not found');
	return {
		ctx,
		question: ctx.draft.questions[index],
		number: index + 1,
		before: ctx.draft.questions.slice(0, index)
	};
}

export const load = async ({ locals, params }) => {
	const { ctx, question, number, before } = await draftQuestion(locals, params);
	return {
		...questionFormContext(ctx, before),
		number,
		questionId: question.id,
		values: questionFormValues(question)
	};
};

export const actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const { ctx, question } = await draftQuestion(locals, params);
		const values = formValues(await request.formData());
		const parsed = parseQuestionForm(values, question);
		if (!parsed.ok) return invalid(values, parsed.errors);
		const saved = await updateQuestion(getDb(), question.id, parsed.input, {
			staffUserId: ctx.user.id,
			ip: getClientAddress()
		});
		if (!saved.ok) return invalid(values, formErrors(saved.errors));
		redirect(303, `${ctx.base}?done=changed#question-${question.id}`);
	}
};
