import { error, redirect } from '@sveltejs/kit';
import { closingDate } from '$lib/server/consultations';
import { getDb } from '$lib/server/db';
import { audienceFromSlug, audienceLabels } from '$lib/server/questionnaires/audiences';
import {
	estimateMinutes,
	findStartPage,
	resumeQuestion,
	startResponse
} from '$lib/server/questionnaires/answering';
import { isEasyReadAudience, asksForContactDetails } from '$lib/server/questionnaires/audiences';
import { startHref } from './journey.server';

async function findPage(params: { slug: string; audience: string }) {
	const audience = audienceFromSlug(params.audience);
	const page = audience && (await findStartPage(getDb(), params.slug, audience));
	if (!audience || !page) error(404, 'Page not found');
	return { audience, page };
}

export const load = async ({ params }) => {
	const { audience, page } = await findPage(params);
	const c = page.consultation;
	return {
		consultation: {
			slug: c.slug,
			title: c.title,
			status: c.status,
			opensOn: c.opensOn,
			closingDate: closingDate(c),
			contactEmail: c.contactEmail
		},
		audienceLabel: audienceLabels[audience],
		easyRead: isEasyReadAudience(audience),
		asksForContactDetails: asksForContactDetails(audience),
		title: page.version.title,
		intro: page.version.intro,
		minutes: estimateMinutes(page.questions)
	};
};

export const actions = {
	start: async ({ params }) => {
		const { page } = await findPage(params);
		const first = resumeQuestion(page.questions, {});
		const started = first && (await startResponse(getDb(), page.questionnaire.id, 'online'));
		// Closed since the page was shown: the start page explains.
		if (!first || !started || !started.ok) redirect(303, startHref(params.slug, params.audience));
		redirect(
			303,
			`${startHref(params.slug, params.audience)}/r/${started.resumeToken}/q/${encodeURIComponent(first.key)}`
		);
	}
};
