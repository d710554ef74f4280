// "Confirm booking" and "Join the waiting list". The outcome is shown in the response to the post
// (no redirect), so the manage link can be shown once without putting it in any other address.
// The journey's draft is consumed by its booking: a resubmission, Back, reload or a second tab
// find that same booking and show it again (the layout's `booked`).
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getConfig } from '$lib/server/config';
import { confirmBookingDraft } from '$lib/server/roadshow/bookings';
import { manageBookingUrl } from '$lib/server/roadshow/calendar';
import { stepOfField } from '$lib/server/roadshow/drafts';
import { partyProblemMessage } from '$lib/server/roadshow/party';
import { familyHasOwnEmail, notifyBooked } from '$lib/server/roadshow/emails';
import { placesText } from '$lib/server/roadshow/emailTemplates';
import { loadJourney } from '../../journey.server';

type Params = { slug: string; sessionId: string; draftId: string };

async function place(event: RequestEvent<Params>, wait: boolean) {
	const now = new Date();
	const db = getDb();
	const journey = await loadJourney(event.params, now);
	const result = await confirmBookingDraft(
		db,
		event.params.draftId,
		journey.session.id,
		now,
		wait,
		event.getClientAddress()
	);
	switch (result.kind) {
		case 'booked': {
			if (!result.repeat) void notifyBooked(db, result);
			const { booking, manageToken } = result;
			return {
				outcome: 'booked' as const,
				status: booking.status,
				reference: booking.reference,
				places: placesText(booking),
				email: booking.email,
				familyEmail: familyHasOwnEmail(booking) ? booking.familyEmail : null,
				manageUrl: manageToken ? manageBookingUrl(event.url.origin, manageToken) : null,
				calendarHref: manageToken ? `/bookings/manage/${manageToken}/calendar.ics` : null
			};
		}
		case 'full':
			return {
				outcome: 'full' as const,
				placesLeft: result.placesLeft,
				party: partyOfAnswers(journey.answers)
			};
		case 'already_booked':
			return fail(409, { outcome: 'already_booked' as const, email: result.booking.email });
		case 'invalid_party':
			return fail(400, {
				outcome: 'party' as const,
				message: partyProblemMessage(result.problem, getConfig().BOOKING_MAX_PARTY).message
			});
		case 'invalid_answers':
			redirect(303, `${journey.base}/${stepOfField(result.field) ?? 'who'}?return=check`);
			break;
		case 'session_not_found':
			return error(404, 'Page not found');
		// The layout explains these from the session or the draft itself.
		case 'draft_expired':
		case 'session_cancelled':
		case 'booking_closed':
			return fail(409, { outcome: 'refused' as const });
	}
}

const partyOfAnswers = (answers: Record<string, unknown>) =>
	Number(answers.adults ?? 0) + Number(answers.children || 0);

export const actions = {
	book: (event) => place(event, false),
	wait: (event) => place(event, true)
};
