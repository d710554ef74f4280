import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/shared/forms';
import { requireQuestionnaireForStaff } from '$lib/server/questionnaires/guard';
import { audienceLabels } from '$lib/server/questionnaires/audiences';
import { describeShowIf } from '$lib/server/questionnaires/authoring';
import {
	enterPaperResponse,
	questionForField,
	type RawAnswer
} from '$lib/server/questionnaires/answering';
import { getPublishedVersion } from '$lib/server/questionnaires/versions';
import { parseSessionChoice, sessionChoices } from '../../sessionChoices.server';

async function publishedQuestionnaire(locals: App.Locals, params: { id: string; qid: string }) {
	const found = await requireQuestionnaireForStaff(locals, params.id, params.qid, 'roadshow:run');
	const version = await getPublishedVersion(getDb(), found.questionnaire.id);
	if (!version) error(404, 'Page not found');
	return { ...found, version };
}

export const load = async ({ locals, params }) => {
	const {
		consultation: c,
		questionnaire: q,
		version
	} = await publishedQuestionnaire(locals, params);
	return {
		consultation: { id: c.id, title: c.title },
		questionnaire: { id: q.id, label: audienceLabels[q.audience], easyRead: q.easyRead },
		version: { number: version.number },
		sessions: await sessionChoices(c.id, 'Not filled in at a roadshow session'),
		questions: version.questions.map((x) => ({
			...questionForField(x),
			condition: describeShowIf(x, version.questions)
		}))
	};
};

export const actions = {
	default: async ({ locals, params, request }) => {
		const {
			user,
			consultation: c,
			questionnaire: q,
			version
		} = await publishedQuestionnaire(locals, params);
		const form = await request.formData();
		const values = formValues(form);
		const sessionId = parseSessionChoice(form.get('roadshowSessionId'));
		if (sessionId === 'bad')
			return invalid(values, { roadshowSessionId: 'Select a session from the list' });
		const answers: Record<string, RawAnswer> = {};
		for (const question of version.questions) {
			const given = form.getAll(question.key).filter((v): v is string => typeof v === 'string');
			if (given.length) answers[question.key] = question.kind === 'multiple' ? given : given[0];
		}
		const entered = await enterPaperResponse(getDb(), user.id, q.id, answers, new Date(), {
			channel: 'paper',
			roadshowSessionId: sessionId
		});
		if (!entered.ok) return invalid(values, entered.errors);
		redirect(
			303,
			`/staff/consultations/${c.id}/paper-entry?done=${encodeURIComponent(entered.reference)}`
		);
	}
};
