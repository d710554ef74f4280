import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid } from '$lib/server/shared/forms';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import {
	closeConsultationEarly,
	publishConsultation,
	publishProblems,
	reopenConsultation,
	transitionRefusal
} from '$lib/server/consultations';
import { ukToday } from '$lib/format';

export const load = async ({ locals, params }) => {
	const { consultation: c, priorities } = await requireConsultationToManage(locals, params.id);
	return {
		consultation: {
			id: c.id,
			title: c.title,
			slug: c.slug,
			status: c.status,
			opensOn: c.opensOn,
			closesOn: c.closesOn,
			/** The UK date staff closed it early, or null. */
			closedEarlyOn: c.closedEarlyAt ? c.closingDate : null
		},
		// The buttons offered are the transitions the domain would allow.
		canClose: transitionRefusal('close', c, ukToday()) === null,
		canReopen: transitionRefusal('reopen', c, ukToday()) === null,
		problems: publishProblems(c, priorities.length)
	};
};

export const actions = {
	publish: async ({ locals, params, getClientAddress }) => {
		const { user, consultation } = await requireConsultationToManage(locals, params.id);
		const result = await publishConsultation(getDb(), consultation.id, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!result.ok) return invalid({}, result.errors);
		redirect(303, `/staff/consultations/${consultation.id}?done=published`);
	},
	close: async ({ locals, params, getClientAddress }) => {
		const { user, consultation } = await requireConsultationToManage(locals, params.id);
		const result = await closeConsultationEarly(getDb(), consultation.id, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!result.ok) return invalid({}, result.errors);
		redirect(303, `/staff/consultations/${consultation.id}?done=closed`);
	},
	reopen: async ({ locals, params, getClientAddress }) => {
		const { user, consultation } = await requireConsultationToManage(locals, params.id);
		const result = await reopenConsultation(getDb(), consultation.id, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!result.ok) return invalid({}, result.errors);
		redirect(303, `/staff/consultations/${consultation.id}?done=reopened`);
	}
};
