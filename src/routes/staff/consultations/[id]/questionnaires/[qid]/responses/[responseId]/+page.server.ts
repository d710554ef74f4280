import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/consultations/guard';
import { requireQuestionnaireForStaff } from '$lib/server/questionnaires/guard';
import {
	answerRows,
	deleteContactDetailsAsStaff,
	getContactDetails,
	getResponse
} from '$lib/server/questionnaires/answering';
import { audienceLabels, channelLabels } from '$lib/server/questionnaires/audiences';
import { formatDateTime } from '$lib/format';

async function sentResponse(
	locals: App.Locals,
	params: { id: string; qid: string; responseId: string }
) {
	const found = await requireQuestionnaireForStaff(locals, params.id, params.qid, 'feedback:view');
	const r = await getResponse(getDb(), parseId(params.responseId));
	if (
		!r ||
		r.response.questionnaireId !== found.questionnaire.id ||
		r.response.status !== 'submitted'
	)
		error(404, 'Page not found');
	return { ...found, r };
}

export const load = async ({ locals, params, url }) => {
	const { consultation: c, questionnaire: q, r } = await sentResponse(locals, params);
	return {
		consultation: { id: c.id, title: c.title },
		questionnaire: { id: q.id, label: audienceLabels[q.audience] },
		response: {
			id: r.response.id,
			reference: r.response.reference,
			channel: channelLabels[r.response.channel],
			version: r.version.number,
			submitted: r.response.submittedAt ? formatDateTime(r.response.submittedAt) : ''
		},
		answers: answerRows(r.version.questions, r.answers),
		hasContact: (await getContactDetails(getDb(), r.response.id)) !== null,
		done: url.searchParams.get('done') === 'contact-deleted' ? 'Contact details deleted' : null
	};
};

export const actions = {
	deleteContact: async ({ locals, params, getClientAddress }) => {
		const { user, consultation: c, questionnaire: q, r } = await sentResponse(locals, params);
		await deleteContactDetailsAsStaff(getDb(), r.response.id, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		redirect(
			303,
			`/staff/consultations/${c.id}/questionnaires/${q.id}/responses/${r.response.id}?done=contact-deleted`
		);
	}
};
