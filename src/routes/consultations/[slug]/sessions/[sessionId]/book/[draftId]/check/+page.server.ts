import { redirect } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { firstUnansweredStep, stepOfField } from '$lib/server/roadshow/drafts';
import { partyProblem } from '$lib/server/roadshow/party';
import { answerRows } from '$lib/server/roadshow/summary';
import { bookingDetailsSchema } from '$lib/server/roadshow/validation';

export const load = async ({ parent }) => {
	const { answers, base, block, session } = await parent();
	if (block) return { rows: [] };
	const missing = firstUnansweredStep(answers);
	if (missing) redirect(303, `${base}/${missing}`);
	const parsed = bookingDetailsSchema().safeParse(answers);
	if (!parsed.success)
		redirect(303, `${base}/${stepOfField(String(parsed.error.issues[0].path[0])) ?? 'who'}`);
	// The session may have become adults-only since the places question was answered.
	const rules = {
		maxParty: getConfig().BOOKING_MAX_PARTY,
		childrenWelcome: session.childrenWelcome
	};
	if (partyProblem(parsed.data, rules)) redirect(303, `${base}/places?return=check`);
	return { rows: answerRows(parsed.data) };
};
