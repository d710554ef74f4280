// The action of the pages that change a booking's contact details or access needs.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, type FieldErrors } from '$lib/server/shared/forms';
import {
	changeBookingDetails,
	type AccessChange,
	type ContactChange
} from '$lib/server/roadshow/bookingDetails';
import { getManageView } from '$lib/server/roadshow/manage';
import { notifyDetailsChanged } from '$lib/server/roadshow/emails';

const ALREADY_BOOKED = {
	email:
		'There is already a booking for this session with this email address. Enter a different email address',
	familyEmail:
		'There is already a booking for this session for the family with this email address. Enter a different email address'
};

export async function saveDetails(
	event: RequestEvent<{ token: string }>,
	schema: z.ZodType<ContactChange | AccessChange>,
	/** Rewords the schema's messages for this booking (the family's needs, not "yours"). */
	reword: (errors: FieldErrors, bookedBy: 'family' | 'on_behalf') => FieldErrors = (e) => e
) {
	const { token } = event.params;
	const manage = `/bookings/manage/${token}`;
	const db = getDb();
	const view = await getManageView(db, token, new Date());
	if (!view) error(404, 'This link does not work');
	const parsed = parseForm(await event.request.formData(), schema);
	if (!parsed.ok) return invalid(parsed.values, reword(parsed.errors, view.booking.bookedBy));
	const result = await changeBookingDetails(
		db,
		token,
		parsed.data,
		new Date(),
		event.getClientAddress()
	);
	switch (result.kind) {
		case 'changed':
			void notifyDetailsChanged(db, result, token, view.consultation.contactEmail);
			return redirect(303, `${manage}?updated=details`);
		// A reload or a second click after the change: the same confirmation, no second email.
		case 'unchanged':
			return redirect(303, `${manage}?updated=saved`);
		case 'already_booked':
			return invalid(parsed.values, { [result.field]: ALREADY_BOOKED[result.field] });
		case 'not_found':
			return error(404, 'This link does not work');
		// Closed or cancelled meanwhile: the page itself explains.
		default:
			return redirect(303, event.url.pathname);
	}
}
