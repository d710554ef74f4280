// "Confirm booking" and "Join the waiting list". The outcome is shown in the response to the post
// (no redirect), so the manage link can be shown once without putting it in any other address;
// a resubmission finds the same booking through the idempotency key and shows it again.
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createBooking, joinWaitingList } from '$lib/server/roadshow/bookings';
import { manageBookingUrl } from '$lib/server/roadshow/calendar';
import { bookingDetailsSchema } from '$lib/server/roadshow/validation';
import { familyHasOwnEmail, notifyBooked } from '$lib/server/roadshow/emails';
import { placesText } from '$lib/server/roadshow/emailTemplates';
import { loadJourney } from '../../journey.server';

type Params = { slug: string; sessionId: string; draftId: string };

async function place(event: RequestEvent<Params>, wait: boolean) {
	const now = new Date();
	const db = getDb();
	const journey = loadJourney(event.params, now);
	const form = await event.request.formData();
	const parsed = bookingDetailsSchema().safeParse({
		...journey.answers,
		idempotencyKey: form.get('idempotencyKey') ?? ''
	});
	if (journey.block === 'expired' || !parsed.success)
		return fail(400, { outcome: 'invalid' as const });
	const details = parsed.data;
	const input = { ...details, sessionId: journey.session.id };
	const result = wait ? joinWaitingList(db, input, now) : createBooking(db, input, now);
	switch (result.kind) {
		case 'booked': {
			void notifyBooked(db, result);
			const { booking, manageToken } = result;
			return {
				outcome: 'booked' as const,
				repeat: result.repeat,
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
				party: details.adults + details.children,
				idempotencyKey: details.idempotencyKey
			};
		case 'invalid_party':
		case 'children_not_welcome':
			return fail(400, { outcome: 'invalid' as const });
		case 'session_not_found':
			return error(404, 'Page not found');
		// The layout explains these from the session itself.
		case 'session_cancelled':
		case 'booking_closed':
			return { outcome: 'refused' as const };
	}
}

export const actions = {
	book: (event) => place(event, false),
	wait: (event) => place(event, true)
};
