import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formValues, invalid } from '$lib/server/shared/forms';
import { dateToParts } from '$lib/server/shared/dateInput';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import { updateConsultation, validateConsultation } from '$lib/server/consultations';

export const load = async ({ locals, params }) => {
	const { consultation: c } = await requireConsultationToManage(locals, params.id);
	const opens = dateToParts(c.opensOn);
	const closes = dateToParts(c.closesOn);
	return {
		id: c.id,
		title: c.title,
		values: {
			title: c.title,
			slug: c.slug,
			summary: c.summary,
			strategyMarkdown: c.strategyMarkdown,
			highlightsMarkdown: c.highlightsMarkdown,
			contactEmail: c.contactEmail,
			'opensOn-day': opens.day,
			'opensOn-month': opens.month,
			'opensOn-year': opens.year,
			'closesOn-day': closes.day,
			'closesOn-month': closes.month,
			'closesOn-year': closes.year
		}
	};
};

export const actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation } = await requireConsultationToManage(locals, params.id);
		const values = formValues(await request.formData());
		const checked = validateConsultation(values);
		if (!checked.ok) return invalid(values, checked.errors);
		const saved = await updateConsultation(getDb(), consultation.id, checked.data, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!saved.ok) return invalid(values, saved.errors);
		redirect(303, `/staff/consultations/${consultation.id}?done=updated`);
	}
};
