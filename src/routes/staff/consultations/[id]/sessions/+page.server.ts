import { can } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { listSessionsForConsultation } from '$lib/server/roadshow/sessions';
import { requireConsultationForStaff } from '$lib/server/consultations/guard';
import {
	fullnessTag,
	movedNote,
	promotedNote,
	sessionStatusTag
} from '$lib/server/roadshow/labels';
import { formatSessionWhen } from '$lib/format';

function doneMessage(url: URL): string | null {
	const emailed =
		movedNote(Number(url.searchParams.get('moved') ?? 0)) +
		promotedNote(Number(url.searchParams.get('promoted') ?? 0));
	switch (url.searchParams.get('done')) {
		case 'created':
			return 'Session added';
		case 'updated':
			return `Session saved.${emailed}`;
		case 'cancelled':
			return 'Session cancelled. Everyone who had booked or was on the waiting list has been emailed.';
		default:
			return null;
	}
}

export const load = async ({ locals, params, url }) => {
	const { user, consultation } = await requireConsultationForStaff(
		locals,
		params.id,
		'roadshow:run'
	);
	const now = new Date();
	const sessions = (await listSessionsForConsultation(getDb(), consultation.id)).map((s) => ({
		id: s.id,
		title: s.title,
		when: formatSessionWhen(s.startsAt, s.endsAt),
		venue:
			s.mode === 'online'
				? `Online${s.venueName && s.venueName !== 'Online' ? ` (${s.venueName})` : ''}`
				: s.venueName,
		audience: s.audienceLabel,
		capacity: s.capacity,
		confirmedPlaces: s.confirmedPlaces,
		waitingCount: s.waitingCount,
		status: sessionStatusTag(s, s.confirmedPlaces, now),
		fullness: s.cancelledAt ? null : fullnessTag(s.confirmedPlaces, s.capacity),
		changeable: !s.cancelledAt && s.startsAt > now
	}));
	return {
		consultation: { id: consultation.id, title: consultation.title },
		sessions,
		canManage: can(user, 'consultation:manage'),
		done: doneMessage(url)
	};
};
