import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/consultations/guard';
import { requireSessionToRun } from '$lib/server/roadshow/guard';
import { checkInBooking, getSessionRegister, undoCheckIn } from '$lib/server/roadshow/register';
import { partyLabel } from '$lib/server/roadshow/registerView';
import { accessNeedsText } from '$lib/server/roadshow/summary';
import { formatSessionWhen, formatTime } from '$lib/format';

export const load = async ({ locals, params }) => {
	const { session } = await requireSessionToRun(locals, params.sessionId);
	const register = (await getSessionRegister(getDb(), session.id))!;
	return {
		session: {
			id: session.id,
			title: session.title,
			when: formatSessionWhen(session.startsAt, session.endsAt),
			venue: session.mode === 'online' ? 'Online' : session.venueName,
			cancelled: session.cancelledAt !== null
		},
		confirmedPlaces: register.confirmedPlaces,
		checkedInPlaces: register.checkedInPlaces,
		bookings: register.confirmed.map((b) => ({
			id: b.id,
			name: b.bookedBy === 'on_behalf' && b.familyName ? b.familyName : b.contactName,
			reference: b.reference,
			party: partyLabel(b),
			// So the person at the door can have the hearing loop or quiet space ready.
			accessNeeds: accessNeedsText(b.accessNeeds, b.accessNeedsOther),
			arrivedAt: b.attendedAt ? formatTime(b.attendedAt) : null
		}))
	};
};

async function mark(
	locals: App.Locals,
	params: { sessionId: string },
	request: Request,
	arrived: boolean
) {
	const { session } = await requireSessionToRun(locals, params.sessionId);
	const raw = (await request.formData()).get('bookingId');
	const bookingId = parseId(typeof raw === 'string' ? raw : '');
	const now = new Date();
	const booking = arrived
		? await checkInBooking(getDb(), session.id, bookingId, now)
		: await undoCheckIn(getDb(), session.id, bookingId, now);
	if (!booking) error(404, 'Page not found');
	// Back to the same person, so the list does not jump to the top on a phone.
	redirect(303, `/staff/roadshow/${session.id}/check-in#booking-${booking.id}`);
}

export const actions = {
	arrived: ({ locals, params, request }) => mark(locals, params, request, true),
	undo: ({ locals, params, request }) => mark(locals, params, request, false)
};
