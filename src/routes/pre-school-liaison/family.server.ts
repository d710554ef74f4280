// The family's secret link: what it opens, or the plain "this link does not work" page.
import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { openFamilyLink, QUESTION_KEYS, type QuestionKey } from '$lib/server/liaison';

export const LINK_NOT_WORKING = 'This link does not work';

export async function requireFamilyLink(token: string) {
	const link = await openFamilyLink(getDb(), token);
	if (link.state === 'unknown') error(404, LINK_NOT_WORKING);
	return link;
}

/** Pages that ask or check answers: once the answers are sent, the link shows the confirmation. */
export async function requireAnswerable(token: string) {
	const link = await requireFamilyLink(token);
	if (link.state === 'sent') redirect(303, `/pre-school-liaison/${token}/sent`);
	return link;
}

export const questionHref = (token: string, key: QuestionKey, returnToCheck = false) =>
	`/pre-school-liaison/${token}/${key}${returnToCheck ? '?return=check' : ''}`;

export function isQuestionKey(key: string): key is QuestionKey {
	return (QUESTION_KEYS as readonly string[]).includes(key);
}
