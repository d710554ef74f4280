import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { changeBookingPlaces } from '$lib/server/roadshow/bookings';
import { placesSchema } from '$lib/server/roadshow/validation';
import { partyProblemMessage } from '$lib/server/roadshow/party';
import { getManageView } from '$lib/server/roadshow/manage';
import { getConfig } from '$lib/server/config';
import { notifyChanged } from '$lib/server/roadshow/emails';

export const actions = {
	default: async ({ params, request }) => {
		const manage = `/bookings/manage/${params.token}`;
		const db = getDb();
		const view = await getManageView(db, params.token, new Date());
		if (!view) error(404, 'This link does not work');
		// The session's rules at the places question itself: adults-only refuses new children here.
		const parsed = parseForm(
			await request.formData(),
			placesSchema({
				childrenWelcome: view.session.childrenWelcome,
				childrenAlreadyBooked: view.booking.children
			})
		);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await changeBookingPlaces(db, params.token, parsed.data, new Date());
		switch (result.kind) {
			case 'changed':
				void notifyChanged(db, result, params.token);
				return redirect(303, `${manage}?updated=places`);
			case 'not_enough_places':
				return invalid(parsed.values, {
					adults:
						result.mostPlaces === 1
							? 'There is only 1 place for your booking. Enter 1 place in total'
							: `There are only ${result.mostPlaces} places for your booking. Enter ${result.mostPlaces} places or fewer in total`
				});
			case 'invalid_party': {
				const { field, message } = partyProblemMessage(
					result.problem,
					getConfig().BOOKING_MAX_PARTY
				);
				return invalid(parsed.values, { [field]: message });
			}
			case 'not_found':
				return error(404, 'This link does not work');
			// Closed or cancelled: the booking page explains.
			default:
				redirect(303, manage);
		}
	}
};
