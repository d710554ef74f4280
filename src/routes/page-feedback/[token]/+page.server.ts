import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import {
	addPageComments,
	COMMENT_MAX,
	findPageAnswer,
	pageCommentSchema
} from '$lib/server/pageFeedback';
import { SECRET_SEGMENT } from '$lib/pageFeedback';

const NOT_FOUND =
	'This link to add comments is not valid. Go back to the page you were on to tell us whether it was helpful.';

export const load = async ({ params }) => {
	const found = await findPageAnswer(getDb(), params.token);
	if (found.state === 'unknown') error(404, NOT_FOUND);
	const { path, helpful } = found.answer;
	return {
		state: found.state,
		helpful,
		// A page behind someone's secret link cannot be linked back to.
		returnTo: path.includes(SECRET_SEGMENT) ? null : path,
		maxLength: COMMENT_MAX
	};
};

export const actions = {
	default: async ({ request, params }) => {
		const db = getDb();
		const found = await findPageAnswer(db, params.token);
		if (found.state === 'unknown') error(404, NOT_FOUND);
		if (found.state !== 'open') redirect(303, `/page-feedback/${params.token}`);
		const parsed = parseForm(await request.formData(), pageCommentSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		if (!parsed.data.tryingToDo && !parsed.data.whatWentWrong) {
			const field = found.answer.helpful ? 'tryingToDo' : 'whatWentWrong';
			return invalid(parsed.values, {
				[field]: found.answer.helpful
					? 'Enter what you were trying to do'
					: 'Enter what you were trying to do or what went wrong'
			});
		}
		await addPageComments(db, params.token, parsed.data);
		redirect(303, `/page-feedback/${params.token}`);
	}
};
