// "I've lost my link". The same answer whether or not we hold a booking for the address, so the
// page cannot be used to find out who has booked.
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { reissueManageLinks } from '$lib/server/roadshow/bookings';
import { resendLinkSchema } from '$lib/server/roadshow/validation';
import { notifyManageLinks } from '$lib/server/roadshow/emails';

export const actions = {
	default: async ({ request }) => {
		const parsed = parseForm(await request.formData(), resendLinkSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const db = getDb();
		const reissued = await reissueManageLinks(db, parsed.data.email, new Date());
		void notifyManageLinks(db, reissued);
		redirect(303, '/bookings/lost-link/sent');
	}
};
