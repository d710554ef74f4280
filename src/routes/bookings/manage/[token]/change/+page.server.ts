import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { changeBookingPlaces } from '$lib/server/roadshow/bookings';
import { placesSchema } from '$lib/server/roadshow/validation';
import { notifyChanged } from '$lib/server/roadshow/emails';

export const actions = {
	default: async ({ params, request }) => {
		const manage = `/bookings/manage/${params.token}`;
		const parsed = parseForm(await request.formData(), placesSchema());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const db = getDb();
		const result = changeBookingPlaces(db, params.token, parsed.data, new Date());
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
			case 'invalid_party':
				return invalid(parsed.values, { adults: 'Enter the number of places' });
			case 'children_not_welcome':
				return invalid(parsed.values, {
					children: 'This session is for adults, so you cannot add places for children'
				});
			case 'not_found':
				return error(404, 'This link does not work');
			// Closed or cancelled: the booking page explains.
			default:
				redirect(303, manage);
		}
	}
};
