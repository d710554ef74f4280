import { nextQuestion } from '$lib/server/liaison';
import { questionHref, requireAnswerable } from '../family.server';

export const load = async ({ params }) => {
	const link = await requireAnswerable(params.token);
	const next = nextQuestion(link.answers);
	return {
		started: !!link.referral.answersStartedAt,
		startHref: next ? questionHref(params.token, next) : `/pre-school-liaison/${params.token}/check`
	};
};
