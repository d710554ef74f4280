import { requireUser, can } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { listConsultationsForStaff, statusLabels } from '$lib/server/consultations';
import { ukToday } from '$lib/format';

export const load = ({ locals }) => {
	const user = requireUser(locals);
	const consultations = listConsultationsForStaff(getDb(), ukToday()).map((c) => ({
		id: c.id,
		title: c.title,
		opensOn: c.opensOn,
		closesOn: c.closesOn,
		priorityCount: c.priorityCount,
		status: statusLabels[c.status]
	}));
	return { consultations, canManage: can(user, 'consultation:manage') };
};
