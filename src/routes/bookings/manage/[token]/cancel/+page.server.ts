import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { cancelBooking } from '$lib/server/roadshow/bookings';
import { notifyCancelled } from '$lib/server/roadshow/emails';

export const actions = {
	default: async ({ params }) => {
		const manage = `/bookings/manage/${params.token}`;
		const db = getDb();
		const result = await cancelBooking(db, params.token, new Date());
		if (result.kind === 'not_found') error(404, 'This link does not work');
		if (result.kind === 'cancelled') {
			void notifyCancelled(db, result);
			redirect(303, `${manage}?updated=cancelled`);
		}
		// Already cancelled, session cancelled or booking closed: the booking page explains.
		redirect(303, manage);
	}
};
