// The booking journey's question pages. Answers wait in a booking_draft row between pages (the
// public get no cookies): its random id is in the page address, the answers never are.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getDb } from '$lib/server/db';
import { getConfig } from '$lib/server/config';
import { familyHasOwnEmail } from '$lib/server/roadshow/emails';
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
import type { PublicSession } from '$lib/server/roadshow/public';
import { findBookingOfDraft } from '$lib/server/roadshow/bookings';
import { placesText } from '$lib/server/roadshow/emailTemplates';
import { reminderLeadText } from '$lib/server/roadshow/labels';

type SessionParams = { slug: string; sessionId: string };
type DraftParams = SessionParams & { draftId: string };

export const sessionHref = (p: SessionParams) => `/consultations/${p.slug}/sessions/${p.sessionId}`;
export const bookHref = (p: SessionParams) => `${sessionHref(p)}/book`;

export type Block = 'cancelled' | 'closed' | 'expired';

/** What the confirmation page shows again for a journey that has made its booking. */
export type BookedView = {
	status: string;
	reference: string;
	places: string;
	email: string;
	familyEmail: string | null;
};

/**
 * The session, the answers so far, and why the journey cannot go on (if it cannot). A journey
 * that has made its booking is `booked`: every page of it shows that booking's confirmation.
 */
export async function loadJourney(params: DraftParams, now: Date) {
	const page = await loadPublicSession(params, now);
	const db = getDb();
	const answers = await getDraftAnswers(db, params.draftId, page.session.id, now);
	const made = answers
		? undefined
		: await findBookingOfDraft(db, params.draftId, page.session.id, now);
	const booked: BookedView | null = made
		? {
				status: made.status,
				reference: made.reference,
				places: placesText(made),
				email: made.email,
				familyEmail: familyHasOwnEmail(made) ? made.familyEmail : null
			}
		: null;
	const block: Block | null = booked
		? null
		: (bookingBlock(page.session) ?? (answers ? null : 'expired'));
	return {
		...page,
		block,
		booked,
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
	/** Or built from the session, when its rules decide (adults-only sessions at the places step). */
	schema: z.ZodType | ((session: PublicSession) => z.ZodType)
) {
	const now = new Date();
	const journey = await loadJourney(event.params, now);
	if (journey.booked) redirect(303, `${journey.base}/confirm`);
	// A closed, cancelled or expired journey: the page itself explains.
	if (journey.block) redirect(303, event.url.pathname);
	const parsed = parseForm(
		await event.request.formData(),
		typeof schema === 'function' ? schema(journey.session) : schema
	);
	if (!parsed.ok) return invalid(parsed.values, parsed.errors);
	await saveDraftStep(getDb(), event.params.draftId, journey.session.id, step, parsed.values, now);
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
