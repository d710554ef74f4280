import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { requireConsultationForStaff } from '$lib/server/consultations/guard';
import { createSession } from '$lib/server/roadshow/sessions';
import { sessionFormSchema } from '$lib/server/roadshow/sessionValidation';

export const load = async ({ locals, params }) => {
	const { consultation } = await requireConsultationForStaff(
		locals,
		params.id,
		'consultation:manage'
	);
	return {
		consultation: { id: consultation.id, title: consultation.title },
		values: { mode: 'in_person', childrenWelcome: 'yes' }
	};
};

export const actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation } = await requireConsultationForStaff(
			locals,
			params.id,
			'consultation:manage'
		);
		const parsed = parseForm(await request.formData(), sessionFormSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await createSession(getDb(), consultation.id, parsed.data, new Date(), {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		redirect(303, `/staff/consultations/${consultation.id}/sessions?done=created`);
	}
};
