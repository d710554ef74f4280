// One question per page. "Continue" saves the answer and goes to the next question, or back to
// check answers when the family came from there.
import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { CONCERNS, QUESTION_KEYS, saveAnswer } from '$lib/server/liaison';
import { formValues, invalid } from '$lib/server/shared/forms';
import {
	isQuestionKey,
	questionHref,
	requireAnswerable,
	requireFamilyLink
} from '../../family.server';

export const load = async ({ params, url }) => {
	const link = await requireAnswerable(params.token);
	const key = params.question;
	if (!isQuestionKey(key)) error(404, 'Page not found');
	const index = QUESTION_KEYS.indexOf(key);
	const returnToCheck = url.searchParams.get('return') === 'check';
	const a = link.answers;
	const start = `/pre-school-liaison/${params.token}`;
	return {
		key,
		number: index + 1,
		count: QUESTION_KEYS.length,
		returnToCheck,
		backHref: returnToCheck
			? `${start}/check`
			: index > 0
				? questionHref(params.token, QUESTION_KEYS[index - 1])
				: start,
		concerns: Object.entries(CONCERNS).map(([value, text]) => ({ value, text })),
		saved: {
			goingWell: a.goingWell ?? '',
			concerns: a.concerns ?? [],
			concernsOther: a.concernsOther ?? '',
			question1: a.questions?.[0] ?? '',
			question2: a.questions?.[1] ?? '',
			question3: a.questions?.[2] ?? '',
			support: a.support ?? '',
			reply: a.reply ?? '',
			replyAddress: a.replyAddress ?? link.referral.parentAddress ?? ''
		}
	};
};

export const actions = {
	default: async ({ params, request, url }) => {
		await requireFamilyLink(params.token);
		const key = params.question;
		if (!isQuestionKey(key)) error(404, 'Page not found');
		const values = formValues(await request.formData());
		const returnToCheck = values.return === 'check' || url.searchParams.get('return') === 'check';
		const result = await saveAnswer(getDb(), params.token, key, values);
		if (!result.ok) {
			if (result.reason === 'invalid') return invalid(values, result.errors);
			// Sent, closed or replaced since the page was shown: the page now says which.
			if (result.reason === 'unknown') error(404, 'This link does not work');
			redirect(303, `/pre-school-liaison/${params.token}`);
		}
		const following = QUESTION_KEYS[QUESTION_KEYS.indexOf(key) + 1];
		redirect(
			303,
			!returnToCheck && following
				? questionHref(params.token, following)
				: `/pre-school-liaison/${params.token}/check`
		);
	}
};
