// Finding the response a resume-link page is about. The secret in the address is the only key:
// no account, no cookie. A forged or mismatched link is a 404, an old one a 410.
import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { getDb } from '$lib/server/db';
import { audienceFromSlug } from '$lib/server/questionnaires/audiences';
import { openJourney, type Journey, type OpenResult } from '$lib/server/questionnaires/answering';

export type JourneyParams = { slug: string; audience: string; token: string };

export const LINK_NOT_FOUND = 'This link does not work';
export const LINK_EXPIRED = 'This link has expired';

/** `audience` as in the address: "parents-carers". */
export function startHref(slug: string, audience: string): string {
	return `/consultations/${slug}/questionnaires/${audience}`;
}

/** The address every page of one response hangs off; it holds the secret. */
export function journeyBase(params: JourneyParams): string {
	return `${startHref(params.slug, params.audience)}/r/${params.token}`;
}

export function questionHref(params: JourneyParams, key: string, returnToCheck = false): string {
	return `${journeyBase(params)}/q/${encodeURIComponent(key)}${returnToCheck ? '?return=check' : ''}`;
}

// A page's layout and the page itself both need the journey. On a GET nothing changes between
// them, so it is read once per request; after a form post it is always read afresh.
const readThisRequest = new WeakMap<Request, Journey>();

export async function loadJourney(params: JourneyParams, now = new Date()): Promise<Journey> {
	const { request } = getRequestEvent();
	const reused = request.method === 'GET' ? readThisRequest.get(request) : undefined;
	if (reused) return reused;
	const journey = await openJourneyAt(params, now);
	if (request.method === 'GET') readThisRequest.set(request, journey);
	return journey;
}

async function openJourneyAt(params: JourneyParams, now: Date): Promise<Journey> {
	return admitJourney(params, await openJourney(getDb(), params.token, now));
}

/** The opened link's journey, if it is a link to this page's consultation and audience. */
export function admitJourney(params: JourneyParams, found: OpenResult): Journey {
	const audience = audienceFromSlug(params.audience);
	if (!found.ok)
		error(
			found.reason === 'expired' ? 410 : 404,
			found.reason === 'expired' ? LINK_EXPIRED : LINK_NOT_FOUND
		);
	const { journey } = found;
	// A real link pasted under another consultation or audience is not a link to anything.
	if (journey.consultation.slug !== params.slug || journey.questionnaire.audience !== audience)
		error(404, LINK_NOT_FOUND);
	return journey;
}

/** A response that can take answers now: in progress, on an open consultation. */
export const isAnswerable = (journey: Journey) =>
	journey.response.status === 'in_progress' && journey.status === 'open';

/** For pages that take answers: a sent response goes to its confirmation, a closed one to the layout's explanation. */
export function leaveIfDone(params: JourneyParams, journey: Journey): void {
	if (journey.response.status === 'submitted') redirect(303, `${journeyBase(params)}/sent`);
	if (!isAnswerable(journey)) redirect(303, journeyBase(params));
}

export function noStore(setHeaders: (headers: Record<string, string>) => void): void {
	setHeaders({ 'cache-control': 'no-store' });
}
