// One question per page. "Continue" saves the answer and goes on (skip logic decides where);
// "Save and come back later" saves it if it is valid and shows the resume link.
import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, type FormValues } from '$lib/server/shared/forms';
import {
	answerOnLink,
	questionAfter,
	questionForField,
	questionPage
} from '$lib/server/questionnaires/answering';
import {
	admitJourney,
	journeyBase,
	leaveIfDone,
	loadJourney,
	questionHref,
	type JourneyParams
} from '../../../../journey.server';

type Params = JourneyParams & { key: string };

export const load = async ({ params, url }) => {
	const journey = await loadJourney(params);
	leaveIfDone(params, journey);
	const page = questionPage(journey, params.key);
	if (page === 'unknown') error(404, 'Page not found');
	const returnToCheck = url.searchParams.get('return') === 'check';
	if (page === 'hidden') return { hidden: true as const, continueHref: journeyBase(params) };
	const q = page.question;
	return {
		hidden: false as const,
		versionId: journey.version.id,
		returnToCheck,
		number: page.number,
		backHref: returnToCheck
			? `${journeyBase(params)}/check`
			: page.previousKey
				? questionHref(params, page.previousKey)
				: `/consultations/${params.slug}/questionnaires/${params.audience}`,
		question: questionForField(q),
		saved: q.kind === 'text' ? page.saved.text : page.saved.values
	};
};

type Posted = {
	versionId: number;
	raw: string | string[];
	returnToCheck: boolean;
	values: FormValues;
};

async function readForm(request: Request): Promise<Posted> {
	const form = await request.formData();
	const raw = form.getAll('answer').filter((v): v is string => typeof v === 'string');
	const versionId = Number(form.get('versionId'));
	return {
		versionId: Number.isSafeInteger(versionId) ? versionId : -1,
		raw: raw.length === 1 ? raw[0] : raw,
		returnToCheck: form.get('return') === 'check',
		values: { answer: raw.length === 1 ? raw[0] : raw }
	};
}

/**
 * Saves the posted answer, the link opened in the same transaction; a failure comes back as the
 * field error, the answer kept.
 */
async function save(params: Params, posted: Posted) {
	const { journey, result } = await answerOnLink(
		getDb(),
		params.token,
		params.key,
		posted.versionId,
		posted.raw,
		(opened) => {
			const journey = admitJourney(params, opened);
			leaveIfDone(params, journey);
			return journey;
		}
	);
	if (result.ok) return { journey };
	// Sent, closed or hidden since the page was shown: the page itself now explains.
	if (result.reason === 'submitted' || result.reason === 'not_open' || result.reason === 'hidden') {
		redirect(303, questionHref(params, params.key, posted.returnToCheck));
	}
	if (result.reason === 'not_found' || result.reason === 'unknown_question')
		error(404, 'Page not found');
	return { failed: invalid(posted.values, { answer: result.message }) };
}

export const actions = {
	answer: async ({ params, request }) => {
		const posted = await readForm(request);
		const saved = await save(params, posted);
		if ('failed' in saved) return saved.failed;
		const { questions, byKey } = saved.journey;
		const next = questionAfter(questions, byKey, params.key, posted.returnToCheck);
		redirect(
			303,
			next ? questionHref(params, next.key, posted.returnToCheck) : `${journeyBase(params)}/check`
		);
	},
	save: async ({ params, request }) => {
		const posted = await readForm(request);
		// Nothing given: keep whatever was saved before.
		const given = typeof posted.raw === 'string' ? posted.raw.trim() !== '' : posted.raw.length > 0;
		if (given) {
			const saved = await save(params, posted);
			if ('failed' in saved) return saved.failed;
		} else {
			leaveIfDone(params, await loadJourney(params));
		}
		redirect(303, `${journeyBase(params)}/saved`);
	}
};
