// Check your answers, optional contact details, and "Send your response".
import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formValues, parseForm, type FieldErrors } from '$lib/server/shared/forms';
import {
	checkAnswerRows,
	missingAnswers,
	submitResponse,
	type Journey,
	type MissingAnswer
} from '$lib/server/questionnaires/answering';
import { asksForContactDetails } from '$lib/server/questionnaires/audiences';
import { contactDetailsSchema } from '$lib/server/questionnaires/answering/publicForms';
import {
	isAnswerable,
	journeyBase,
	leaveIfDone,
	loadJourney,
	questionHref,
	type JourneyParams
} from '../../../journey.server';

type Problem = { href: string; message: string };

export const load = async ({ params }) => {
	const journey = await loadJourney(params);
	if (journey.response.status === 'submitted') redirect(303, `${journeyBase(params)}/sent`);
	if (!isAnswerable(journey)) return { groups: [], offersContact: false };
	// Grouped as the questions were: by the priority they ask about, then the rest.
	const groups: {
		title: string;
		rows: (ReturnType<typeof checkAnswerRows>[number] & { href: string })[];
	}[] = [];
	for (const row of checkAnswerRows(journey)) {
		const title = row.caption ?? (row.isProfile ? 'About you' : 'Your other answers');
		let group = groups.find((g) => g.title === title);
		if (!group) groups.push((group = { title, rows: [] }));
		group.rows.push({ ...row, href: questionHref(params, row.key, true) });
	}
	return { groups, offersContact: asksForContactDetails(journey.questionnaire.audience) };
};

function problems(params: JourneyParams, journey: Journey, missing: MissingAnswer[]): Problem[] {
	return missing.map((m) => {
		const q = journey.questions.find((x) => x.id === m.questionId)!;
		return {
			href: questionHref(params, m.key, true),
			message: q.caption
				? `${q.caption}: ${m.message.toLowerCase()}`
				: `${q.text} – ${m.message.toLowerCase()}`
		};
	});
}

export const actions = {
	default: async ({ params, request }) => {
		const journey = await loadJourney(params);
		leaveIfDone(params, journey);
		const form = await request.formData();
		const offersContact = asksForContactDetails(journey.questionnaire.audience);
		const parsed = offersContact ? parseForm(form, contactDetailsSchema) : null;
		const errors: FieldErrors = parsed && !parsed.ok ? parsed.errors : {};
		const missing = problems(params, journey, missingAnswers(journey.questions, journey.byKey));
		if (missing.length || Object.keys(errors).length)
			return fail(400, { values: formValues(form), errors, missing });
		const contact = parsed?.ok
			? {
					name: parsed.data.contactName,
					email: parsed.data.contactEmail,
					phone: parsed.data.contactPhone
				}
			: null;
		const sent = await submitResponse(getDb(), journey.response.id, new Date(), contact);
		if (!sent.ok && sent.reason === 'missing_answers') {
			return fail(400, {
				values: formValues(form),
				errors,
				missing: problems(params, journey, sent.missing)
			});
		}
		// Sent, or closed meanwhile: the next page says which.
		redirect(303, sent.ok ? `${journeyBase(params)}/sent` : journeyBase(params));
	}
};
