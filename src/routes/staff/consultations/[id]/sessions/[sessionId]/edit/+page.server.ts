import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { requireSessionOfConsultation } from '$lib/server/roadshow/guard';
import { updateSession } from '$lib/server/roadshow/sessions';
import { sessionFormSchema, sessionFormValues } from '$lib/server/roadshow/sessionValidation';
import { deliverQueued, notifyPromoted } from '$lib/server/roadshow/emails';

export const load = async ({ locals, params }) => {
	const { consultation, session } = await requireSessionOfConsultation(
		locals,
		params.id,
		params.sessionId,
		'consultation:manage'
	);
	return {
		consultation: { id: consultation.id, title: consultation.title },
		cancelled: session.cancelledAt !== null,
		values: sessionFormValues(session)
	};
};

export const actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation, session } = await requireSessionOfConsultation(
			locals,
			params.id,
			params.sessionId,
			'consultation:manage'
		);
		const parsed = parseForm(await request.formData(), sessionFormSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const db = getDb();
		const result = await updateSession(db, session.id, parsed.data, new Date(), {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (result.kind === 'below_confirmed') {
			return invalid(parsed.values, {
				capacity: `Capacity cannot be less than the ${result.confirmedPlaces} ${result.confirmedPlaces === 1 ? 'place' : 'places'} already booked`
			});
		}
		if (result.kind !== 'updated')
			return fail(409, { values: parsed.values, errors: {}, cancelled: true });
		if (result.moved > 0) await deliverQueued(db);
		if (result.promoted.length > 0) await notifyPromoted(db, result.promoted);
		const promoted = result.promoted.length > 0 ? `&promoted=${result.promoted.length}` : '';
		const moved = result.moved > 0 ? `&moved=${result.moved}` : '';
		redirect(
			303,
			`/staff/consultations/${consultation.id}/sessions?done=updated${promoted}${moved}`
		);
	}
};
