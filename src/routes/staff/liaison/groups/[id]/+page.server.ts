import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { addMeeting, checkMeetingForm } from '$lib/server/liaison';
import { formValues, invalid } from '$lib/server/shared/forms';
import { formatDateTime, formatDeadline } from '$lib/format';
import { meetingFormOf, requireGroup, requireLiaisonStaff } from '../../liaison.server';

export const load = async (event) => {
	requireLiaisonStaff(event);
	const { group, members, meetings } = await requireGroup(event.params.id);
	const now = new Date();
	return {
		id: group.id,
		name: group.name,
		area: group.area,
		notice: event.url.searchParams.get('done'),
		members: members.map((m) => ({ key: m.profession, value: m.name })),
		meetings: meetings.map((m) => ({
			id: m.id,
			when: formatDateTime(m.meetsAt),
			venue: m.venue,
			due: formatDeadline(m.answersDueAt),
			past: m.meetsAt <= now,
			referrals: m.referrals,
			answered: m.answered,
			lettersSent: m.lettersSent
		}))
	};
};

export const actions = {
	meeting: async (event) => {
		const { actor } = requireLiaisonStaff(event);
		const { group } = await requireGroup(event.params.id);
		const values = formValues(await event.request.formData());
		const checked = checkMeetingForm(meetingFormOf(values));
		if (!checked.ok) return invalid(values, checked.errors);
		const meeting = await addMeeting(getDb(), group.id, checked.data, actor);
		redirect(303, `/staff/liaison/meetings/${meeting.id}?done=created`);
	}
};
