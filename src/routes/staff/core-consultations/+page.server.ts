import { requirePermission } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import {
	compareTerms,
	isTerm,
	listRegistrations,
	registrationTerms,
	STATUS_TAGS,
	STRANDS,
	termName
} from '$lib/server/coreConsultations';
import { formatDateTime } from '$lib/format';

export const load = async ({ locals, url }) => {
	requirePermission(locals, 'schools:manage', url);
	const db = getDb();
	const term = url.searchParams.get('term');
	const terms = (await registrationTerms(db)).sort(compareTerms).reverse();
	const chosen = term && isTerm(term) ? term : null;
	return {
		term: chosen,
		terms: terms.map((value) => ({ value, text: termName(value) })),
		registrations: (await listRegistrations(db, { term: chosen })).map((r) => ({
			id: r.id,
			reference: r.reference,
			school: r.schoolName,
			strand: STRANDS[r.strand].name,
			term: termName(r.term),
			tag: STATUS_TAGS[r.status],
			meeting: r.meetingAt && r.status !== 'cancelled' ? formatDateTime(r.meetingAt) : ''
		}))
	};
};
