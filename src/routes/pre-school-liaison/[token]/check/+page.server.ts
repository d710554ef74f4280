// Check your answers, then send them to the group.
import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { CONCERNS, submitAnswers, type QuestionKey } from '$lib/server/liaison';
import { questionHref, requireAnswerable, requireFamilyLink } from '../../family.server';

const MISSING: Record<QuestionKey, string> = {
	'going-well': 'Tell us what is going well',
	concerns: 'Tell us what you are worried about',
	questions: 'Tell us if you have questions for the group',
	support: 'Tell us who else supports your child and family',
	reply: 'Tell us how you would like us to reply'
};

export const load = async ({ params }) => {
	const { answers: a } = await requireAnswerable(params.token);
	const row = (key: QuestionKey, label: string, value: string | null) => ({
		key: label,
		value: value ?? 'Not answered yet',
		href: questionHref(params.token, key, true),
		answered: value !== null
	});
	return {
		rows: [
			row('going-well', 'What is going well', a.goingWell ?? null),
			row(
				'concerns',
				'What you are worried about',
				a.concerns?.length || a.concernsOther
					? [
							...(a.concerns ?? []).map((c) => CONCERNS[c] ?? c),
							...(a.concernsOther ? [a.concernsOther] : [])
						].join('\n')
					: null
			),
			row(
				'questions',
				'Your questions',
				a.questions
					? a.questions.length
						? a.questions.map((q, i) => `${i + 1}. ${q}`).join('\n')
						: 'No questions'
					: null
			),
			row('support', 'Who else supports you', a.support ?? null),
			row(
				'reply',
				'How we reply',
				a.reply ? (a.reply === 'letter' ? `By letter to:\n${a.replyAddress}` : 'By email') : null
			)
		]
	};
};

export const actions = {
	default: async ({ params }) => {
		await requireFamilyLink(params.token);
		const result = await submitAnswers(getDb(), params.token);
		// Sent now, or before (a double click, another tab): the confirmation either way.
		if (result.ok) redirect(303, `/pre-school-liaison/${params.token}/sent`);
		if (result.reason === 'incomplete')
			return fail(400, {
				missing: {
					href: questionHref(params.token, result.missing, true),
					message: MISSING[result.missing]
				}
			});
		if (result.reason === 'unknown') error(404, 'This link does not work');
		redirect(303, `/pre-school-liaison/${params.token}`);
	}
};
