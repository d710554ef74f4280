import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { audienceCodes, type Audience } from '$lib/server/db/schema';
import { formValues, invalid } from '$lib/server/shared/forms';
import { requireConsultationForStaff } from '$lib/server/consultations/guard';
import {
	addRoadshowNote,
	listRoadshowNotes,
	NOTE_LIMIT
} from '$lib/server/questionnaires/answering';
import { audienceLabels } from '$lib/server/questionnaires/audiences';
import { formatDateTime } from '$lib/format';
import { parseSessionChoice, sessionChoices } from '../sessionChoices.server';

const fieldOrder = ['roadshowSessionId', 'audience', 'priorities', 'note'];
const inPageOrder = (errors: Record<string, string>) =>
	Object.fromEntries(
		Object.entries(errors).sort(([a], [b]) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b))
	);

export const load = async ({ locals, params, url }) => {
	const { consultation: c, priorities } = await requireConsultationForStaff(
		locals,
		params.id,
		'roadshow:run'
	);
	const sessions = await sessionChoices(c.id, 'Not from a particular session');
	const sessionName = new Map(sessions.map((s) => [s.value, s.text]));
	const priorityNumber = new Map(priorities.map((p) => [p.id, p.position]));
	return {
		consultation: { id: c.id, title: c.title },
		sessions,
		audiences: audienceCodes.map((a) => ({ value: a, text: audienceLabels[a] })),
		priorities: priorities.map((p) => ({ id: p.id, position: p.position, title: p.title })),
		noteLimit: NOTE_LIMIT,
		notes: (await listRoadshowNotes(getDb(), c.id)).map((n) => ({
			id: n.id,
			note: n.note,
			audience: audienceLabels[n.audience],
			session:
				n.roadshowSessionId === null
					? 'No particular session'
					: (sessionName.get(String(n.roadshowSessionId)) ?? 'A cancelled session'),
			priorities: n.priorityIds
				.map((id) => priorityNumber.get(id))
				.filter((x): x is number => x !== undefined)
				.sort((a, b) => a - b),
			added: formatDateTime(n.createdAt)
		})),
		// From a session's register: that session chosen already.
		session: sessions.some((x) => x.value === url.searchParams.get('session'))
			? url.searchParams.get('session')!
			: '',
		done: url.searchParams.get('done') === 'added'
	};
};

export const actions = {
	default: async ({ locals, params, request }) => {
		const { user, consultation: c } = await requireConsultationForStaff(
			locals,
			params.id,
			'roadshow:run'
		);
		const form = await request.formData();
		const values = formValues(form);
		const sessionId = parseSessionChoice(form.get('roadshowSessionId'));
		const audience = form.get('audience');
		const errors: Record<string, string> = {};
		if (sessionId === 'bad') errors.roadshowSessionId = 'Select a session from the list';
		if (typeof audience !== 'string' || !(audienceCodes as readonly string[]).includes(audience))
			errors.audience = 'Select who the feedback came from';
		const priorityIds = form.getAll('priorities').map(Number);
		if (priorityIds.some((n) => !Number.isInteger(n) || n < 1))
			errors.priorities = 'Select priorities from the list';
		const note = typeof form.get('note') === 'string' ? (form.get('note') as string) : '';
		if (Object.keys(errors).length) {
			if (note.trim() === '') errors.note = 'Enter the feedback';
			return invalid(values, inPageOrder(errors));
		}
		const added = await addRoadshowNote(getDb(), {
			consultationId: c.id,
			roadshowSessionId: sessionId as number | null,
			audience: audience as Audience,
			note,
			priorityIds,
			staffUserId: user.id
		});
		if (!added.ok) return invalid(values, inPageOrder(added.errors));
		redirect(303, `/staff/consultations/${c.id}/roadshow-notes?done=added`);
	}
};
