import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/consultations/guard';
import { requireSessionToRun } from '$lib/server/roadshow/guard';
import { cancelBookingByStaff } from '$lib/server/roadshow/bookings';
import { getLiveBooking } from '$lib/server/roadshow/register';
import { registerEntry } from '$lib/server/roadshow/registerView';
import { notifyCancelled } from '$lib/server/roadshow/emails';
import { formatSessionWhen } from '$lib/format';

export const load = async ({ locals, params }) => {
	const { session } = await requireSessionToRun(locals, params.sessionId);
	const booking = await getLiveBooking(getDb(), session.id, parseId(params.bookingId));
	if (!booking) error(404, 'Page not found');
	// Everyone on a cancelled session has already been told; the register explains.
	if (session.cancelledAt) redirect(303, `/staff/roadshow/${session.id}`);
	return {
		session: {
			id: session.id,
			title: session.title,
			when: formatSessionWhen(session.startsAt, session.endsAt)
		},
		booking: { ...registerEntry(booking), waiting: booking.status === 'waiting' }
	};
};

export const actions = {
	default: async ({ locals, params, getClientAddress }) => {
		const { user, session } = await requireSessionToRun(locals, params.sessionId);
		const db = getDb();
		const result = await cancelBookingByStaff(
			db,
			session.id,
			parseId(params.bookingId),
			new Date(),
			{
				staffUserId: user.id,
				ip: getClientAddress()
			}
		);
		if (result.kind === 'not_found') error(404, 'Page not found');
		if (result.kind !== 'cancelled') redirect(303, `/staff/roadshow/${session.id}`);
		// After the commit: the person cancelled, and anyone given their places, are emailed.
		await notifyCancelled(db, result);
		const promoted = result.promoted.length ? `&promoted=${result.promoted.length}` : '';
		redirect(303, `/staff/roadshow/${session.id}?done=booking-cancelled${promoted}`);
	}
};
