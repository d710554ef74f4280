import { redirect } from '@sveltejs/kit';
import { firstUnansweredStep, stepOfField } from '$lib/server/roadshow/drafts';
import { generateIdempotencyKey } from '$lib/server/roadshow/references';
import { answerRows } from '$lib/server/roadshow/summary';
import { bookingDetailsSchema } from '$lib/server/roadshow/validation';

export const load = async ({ parent }) => {
	const { answers, base, block } = await parent();
	if (block) return { rows: [], idempotencyKey: '' };
	const missing = firstUnansweredStep(answers);
	if (missing) redirect(303, `${base}/${missing}`);
	// A new key each time the page is shown: a double-click or a resubmission of this form books once.
	const idempotencyKey = generateIdempotencyKey();
	const parsed = bookingDetailsSchema().safeParse({ ...answers, idempotencyKey });
	if (!parsed.success)
		redirect(303, `${base}/${stepOfField(String(parsed.error.issues[0].path[0])) ?? 'who'}`);
	return { rows: answerRows(parsed.data), idempotencyKey };
};
