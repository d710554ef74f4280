import { requireUser, can } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { listConsultationsForStaff, statusLabels } from '$lib/server/consultations';
import { listUpcomingSessions } from '$lib/server/roadshow/sessions';
import { fullnessTag } from '$lib/server/roadshow/labels';
import { formatSessionWhen, ukLocalToInstant, ukToday } from '$lib/format';

export const load = async ({ locals }) => {
	const user = requireUser(locals);
	const consultations = (await listConsultationsForStaff(getDb(), ukToday())).map((c) => ({
		id: c.id,
		title: c.title,
		opensOn: c.opensOn,
		closingDate: c.closingDate,
		priorityCount: c.priorityCount,
		status: statusLabels[c.status],
		published: c.status !== 'draft'
	}));
	// From the start of today, so a session stays listed while it runs.
	const sessions = can(user, 'roadshow:run')
		? (await listUpcomingSessions(getDb(), ukLocalToInstant(ukToday(), '00:00'))).map((s) => ({
				id: s.id,
				title: s.title,
				consultationTitle: s.consultationTitle,
				when: formatSessionWhen(s.startsAt, s.endsAt),
				venue: s.mode === 'online' ? 'Online' : s.venueName,
				booked: `${s.confirmedPlaces} of ${s.capacity}`,
				waitingCount: s.waitingCount,
				fullness: fullnessTag(s.confirmedPlaces, s.capacity)
			}))
		: null;
	return {
		consultations,
		sessions,
		canManage: can(user, 'consultation:manage'),
		canRunRoadshow: can(user, 'roadshow:run')
	};
};
