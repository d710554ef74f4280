import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/consultations/guard';
import { sessionToRun } from '$lib/server/roadshow/guard';
import { cancelBookingByStaff } from '$lib/server/roadshow/bookings';
import { getSessionRegister } from '$lib/server/roadshow/register';
import { registerEntry } from '$lib/server/roadshow/registerView';
import { notifyCancelled } from '$lib/server/notify';
import { formatSessionWhen } from '$lib/format';

/** A live (confirmed or waiting) booking of this session, or 404. */
function findBooking(locals: App.Locals, params: { sessionId: string; bookingId: string }) {
	const { session } = sessionToRun(locals, params.sessionId);
	const bookingId = parseId(params.bookingId);
	const register = getSessionRegister(getDb(), session.id)!;
	const booking = [...register.confirmed, ...register.waiting].find((b) => b.id === bookingId);
	if (!booking) error(404, 'Page not found');
	return { session, booking };
}

export const load = ({ locals, params }) => {
	const { session, booking } = findBooking(locals, params);
	return {
		session: { id: session.id, title: session.title, when: formatSessionWhen(session.startsAt, session.endsAt) },
		booking: { ...registerEntry(booking), waiting: booking.status === 'waiting' }
	};
};

export const actions = {
	default: async ({ locals, params }) => {
		const { session, booking } = findBooking(locals, params);
		const db = getDb();
		const result = cancelBookingByStaff(db, booking.id, new Date());
		const promoted = result.kind === 'cancelled' ? result.promoted : [];
		// After the commit: the person cancelled, and anyone given their places, are emailed.
		if (result.kind === 'cancelled') await notifyCancelled(db, result);
		redirect(303, `/staff/roadshow/${session.id}?done=booking-cancelled${promoted.length ? `&promoted=${promoted.length}` : ''}`);
	}
};
