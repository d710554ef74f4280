// Receives "Was this page helpful?" from any public page. Rate limits for public forms are
// registered in one policy table (see the README's list of public form actions).
import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formValues } from '$lib/server/shared/forms';
import { pageAnswerSchema, recordPageAnswer } from '$lib/server/pageFeedback';

export const actions = {
	default: async ({ request }) => {
		const parsed = pageAnswerSchema.safeParse(formValues(await request.formData()));
		if (!parsed.success) return fail(400, { invalid: true });
		const token = await recordPageAnswer(getDb(), parsed.data);
		redirect(303, `/page-feedback/${token}`);
	}
};
