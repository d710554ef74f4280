// The booking journey's question pages. Answers wait in a booking_draft row between pages (the
// public get no cookies): its random id is in the page address, the answers never are.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getDb } from '$lib/server/db';
import { getConfig } from '$lib/server/config';
import { invalid, parseForm } from '$lib/server/shared/forms';
import {
	firstUnansweredStep,
	getDraftAnswers,
	nextStep,
	previousStep,
	saveDraftStep,
	type JourneyStep
} from '$lib/server/roadshow/drafts';
import { bookingBlock, loadPublicSession } from '../session.server';
import { reminderLeadText } from '$lib/server/roadshow/labels';

type SessionParams = { slug: string; sessionId: string };
type DraftParams = SessionParams & { draftId: string };

export const sessionHref = (p: SessionParams) => `/consultations/${p.slug}/sessions/${p.sessionId}`;
export const bookHref = (p: SessionParams) => `${sessionHref(p)}/book`;

export type Block = 'cancelled' | 'closed' | 'expired';

/** The session, the answers so far, and why the journey cannot go on (if it cannot). */
export function loadJourney(params: DraftParams, now: Date) {
	const page = loadPublicSession(params, now);
	const answers = getDraftAnswers(getDb(), params.draftId, page.session.id, now);
	const block: Block | null = bookingBlock(page.session) ?? (answers ? null : 'expired');
	return {
		...page,
		block,
		answers: answers ?? {},
		base: `${bookHref(params)}/${params.draftId}`,
		sessionHref: sessionHref(params),
		maxParty: getConfig().BOOKING_MAX_PARTY,
		reminderLead: reminderLeadText(getConfig().REMINDER_LEAD_HOURS)
	};
}

/** Where "Continue" goes: the next question, or back to check answers when changing an answer. */
function afterStep(step: JourneyStep, answers: Record<string, unknown>, url: URL): string {
	if (url.searchParams.get('return') === 'check')
		return firstUnansweredStep(answers as never) ?? 'check';
	return nextStep(step);
}

/** The action of every question page after the first. */
export async function saveStep(
	event: RequestEvent<DraftParams>,
	step: JourneyStep,
	schema: z.ZodType
) {
	const now = new Date();
	const journey = loadJourney(event.params, now);
	// A closed, cancelled or expired journey: the page itself explains.
	if (journey.block) redirect(303, event.url.pathname);
	const parsed = parseForm(await event.request.formData(), schema);
	if (!parsed.ok) return invalid(parsed.values, parsed.errors);
	saveDraftStep(getDb(), event.params.draftId, journey.session.id, step, parsed.values, now);
	redirect(
		303,
		`${journey.base}/${afterStep(step, { ...journey.answers, ...parsed.values }, event.url)}`
	);
}

/** To check answers when changing an answer, otherwise the previous question (or the session page). */
export function backHref(params: DraftParams, step: JourneyStep, url: URL): string {
	const base = `${bookHref(params)}/${params.draftId}`;
	if (url.searchParams.get('return') === 'check') return `${base}/check`;
	const previous = previousStep(step);
	return previous ? `${base}/${previous}` : sessionHref(params);
}
