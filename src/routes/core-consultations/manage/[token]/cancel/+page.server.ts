import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import {
	cancelCoreConsultation,
	cancelSchema,
	notifySchool,
	STRANDS
} from '$lib/server/coreConsultations';
import { formatDateTime } from '$lib/format';
import { requireRegistrationForLink } from '../../manage.server';

export const load = async ({ params }) => {
	const r = await requireRegistrationForLink(params.token);
	if (r.status === 'cancelled' || r.status === 'held')
		redirect(303, `/core-consultations/manage/${params.token}`);
	return {
		what: `${STRANDS[r.strand].name} for ${r.schoolName}`,
		when: r.meetingAt ? formatDateTime(r.meetingAt) : null
	};
};

export const actions = {
	default: async ({ request, params }) => {
		const r = await requireRegistrationForLink(params.token);
		const parsed = parseForm(await request.formData(), cancelSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		if (parsed.data.confirm === 'no') redirect(303, `/core-consultations/manage/${params.token}`);
		const db = getDb();
		const result = await cancelCoreConsultation(db, r.id, 'school', null);
		if (result.ok && result.changed) void notifySchool(db, 'cancelled', result.registration);
		redirect(303, `/core-consultations/manage/${params.token}`);
	}
};
