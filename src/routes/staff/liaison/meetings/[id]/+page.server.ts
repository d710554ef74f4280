import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import {
	checkMeetingForm,
	listMeetingReferrals,
	STATUS_TAGS,
	updateMeeting
} from '$lib/server/liaison';
import { formValues, invalid } from '$lib/server/shared/forms';
import { formatDateTime, formatDeadline, ukTimeOfDay, ukToday } from '$lib/format';
import { meetingFormOf, requireLiaisonStaff, requireMeeting } from '../../liaison.server';

const boxes = (name: string, instant: Date) => {
	const [year, month, day] = ukToday(instant).split('-');
	return {
		[`${name}-day`]: String(Number(day)),
		[`${name}-month`]: String(Number(month)),
		[`${name}-year`]: year
	};
};

export const load = async (event) => {
	const { actor } = requireLiaisonStaff(event);
	const { meeting, group } = await requireMeeting(event.params.id);
	const now = new Date();
	const referrals = await listMeetingReferrals(getDb(), meeting, actor, now);
	return {
		id: meeting.id,
		group: { id: group.id, name: group.name },
		when: formatDateTime(meeting.meetsAt),
		venue: meeting.venue,
		due: formatDeadline(meeting.answersDueAt),
		open: now < meeting.answersDueAt,
		notice: event.url.searchParams.get('done'),
		canMove: meeting.meetsAt > now && referrals.every((r) => r.status !== 'letter_sent'),
		saved: {
			...boxes('date', meeting.meetsAt),
			time: ukTimeOfDay(meeting.meetsAt),
			venue: meeting.venue,
			...boxes('due', meeting.answersDueAt)
		},
		referrals: referrals.map((r) => ({
			id: r.id,
			child: r.childFirstName,
			age: `${r.childAgeYears} years ${r.childAgeMonths} months`,
			referrer: `${r.referrerName}, ${r.referrerProfession}`,
			tag: STATUS_TAGS[r.status]
		}))
	};
};

const REFUSED = {
	past: 'This meeting has happened, so it cannot be moved',
	letters_sent: 'Outcome letters have been sent for this meeting, so it cannot be moved',
	not_found: 'There is no such meeting'
} as const;

export const actions = {
	move: async (event) => {
		const { actor } = requireLiaisonStaff(event);
		const { meeting } = await requireMeeting(event.params.id);
		const values = formValues(await event.request.formData());
		const checked = checkMeetingForm(meetingFormOf(values));
		if (!checked.ok) return invalid(values, checked.errors);
		const result = await updateMeeting(getDb(), meeting.id, checked.data, actor);
		if (!result.ok) return invalid(values, { date: REFUSED[result.reason] });
		redirect(303, `/staff/liaison/meetings/${meeting.id}?done=moved`);
	}
};
