import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { requireSessionOfConsultation } from '$lib/server/roadshow/guard';
import { cancelSession, getSessionWithCounts } from '$lib/server/roadshow/sessions';
import { cancelSessionSchema } from '$lib/server/roadshow/sessionValidation';
import { notifySessionCancelled } from '$lib/server/roadshow/emails';
import { formatSessionWhen } from '$lib/format';

export const load = async ({ locals, params }) => {
	const { consultation, session } = await requireSessionOfConsultation(
		locals,
		params.id,
		params.sessionId,
		'consultation:manage'
	);
	const counts = (await getSessionWithCounts(getDb(), session.id))!;
	return {
		consultation: { id: consultation.id, title: consultation.title },
		session: {
			title: session.title,
			when: formatSessionWhen(session.startsAt, session.endsAt),
			venue: session.venueName,
			cancelled: session.cancelledAt !== null,
			confirmedPlaces: counts.confirmedPlaces,
			waitingCount: counts.waitingCount
		}
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
		const parsed = parseForm(await request.formData(), cancelSessionSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const db = getDb();
		const result = await cancelSession(db, session.id, parsed.data.reason, new Date(), {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		// Told after the commit, so an email problem cannot undo the cancellation.
		if (result.kind === 'cancelled')
			await notifySessionCancelled(db, result.session, result.notify);
		redirect(303, `/staff/consultations/${consultation.id}/sessions?done=cancelled`);
	}
};
