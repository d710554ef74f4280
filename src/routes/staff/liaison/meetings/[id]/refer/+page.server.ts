import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { addReferral, PROFESSIONS, referralSchema } from '$lib/server/liaison';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { formatDateTime, formatDeadline } from '$lib/format';
import { requireLiaisonStaff, requireMeeting } from '../../../liaison.server';

// The order the fields appear in, for the error summary.
const ORDER = [
	'childFirstName',
	'childAgeYears',
	'childAgeMonths',
	'referrerName',
	'referrerProfession',
	'parentName',
	'parentEmail',
	'parentPhone',
	'parentAddress',
	'parentAgreed'
];

export const load = async (event) => {
	requireLiaisonStaff(event);
	const { meeting, group } = await requireMeeting(event.params.id);
	if (new Date() >= meeting.answersDueAt) redirect(303, `/staff/liaison/meetings/${meeting.id}`);
	return {
		id: meeting.id,
		group: group.name,
		when: formatDateTime(meeting.meetsAt),
		due: formatDeadline(meeting.answersDueAt),
		professions: PROFESSIONS
	};
};

export const actions = {
	default: async (event) => {
		const { actor } = requireLiaisonStaff(event);
		const { meeting } = await requireMeeting(event.params.id);
		const parsed = parseForm(await event.request.formData(), referralSchema);
		if (!parsed.ok)
			return invalid(
				parsed.values,
				Object.fromEntries(ORDER.filter((k) => parsed.errors[k]).map((k) => [k, parsed.errors[k]]))
			);
		const result = await addReferral(getDb(), meeting.id, parsed.data, actor);
		if (!result.ok)
			return invalid(parsed.values, {
				childFirstName:
					'The questionnaire for this meeting has closed, so children can no longer be added to it. Add the child to a later meeting.'
			});
		redirect(303, `/staff/liaison/meetings/${meeting.id}?done=referred`);
	}
};
