import { getDb } from '$lib/server/db';
import { CONCERNS, readAgendaPack } from '$lib/server/liaison';
import { formatDateTime, formatDeadline } from '$lib/format';
import { requireLiaisonStaff, requireMeeting } from '../../../liaison.server';

export const load = async (event) => {
	const { actor } = requireLiaisonStaff(event);
	const { meeting, group } = await requireMeeting(event.params.id);
	const items = await readAgendaPack(getDb(), meeting, actor);
	return {
		id: meeting.id,
		group: group.name,
		area: group.area,
		when: formatDateTime(meeting.meetsAt),
		venue: meeting.venue,
		due: formatDeadline(meeting.answersDueAt),
		printedAt: formatDateTime(new Date()),
		children: items.map(({ referral: r, answers: a }) => ({
			id: r.id,
			child: r.childFirstName,
			age: `${r.childAgeYears} years ${r.childAgeMonths} months`,
			referrer: `${r.referrerName}, ${r.referrerProfession}`,
			parent: r.parentName,
			// Only answers the family chose to send go to the group; a half-finished questionnaire stays theirs.
			answers: r.answersSentAt
				? {
						goingWell: a.goingWell ?? '',
						concerns: [
							...(a.concerns ?? []).map((c) => CONCERNS[c] ?? c),
							...(a.concernsOther ? [`Something else: ${a.concernsOther}`] : [])
						],
						questions: a.questions ?? [],
						support: a.support ?? '',
						reply: a.reply === 'letter' ? 'By letter' : 'By email'
					}
				: null
		}))
	};
};
