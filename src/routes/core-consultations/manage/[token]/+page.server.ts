import { getDb } from '$lib/server/db';
import {
	getEvaluation,
	SCHOOL_TYPE_NAMES,
	STATUS_TAGS,
	STRANDS,
	termName,
	THEMES,
	themesOf
} from '$lib/server/coreConsultations';
import { formatDateTime } from '$lib/format';
import { requireRegistrationForLink } from '../manage.server';

export const load = async ({ params }) => {
	const r = await requireRegistrationForLink(params.token);
	return {
		reference: r.reference,
		status: r.status,
		tag: STATUS_TAGS[r.status],
		rows: [
			{ key: 'School', value: `${r.schoolName} (${SCHOOL_TYPE_NAMES[r.schoolType]})` },
			{ key: 'Contact', value: `${r.contactName}, ${r.contactRole}, ${r.contactEmail}` },
			{ key: 'Kind of consultation', value: STRANDS[r.strand].name },
			{ key: 'Term', value: termName(r.term) },
			{
				key: 'Themes',
				value: [
					...themesOf(r).map((t) => THEMES[t as keyof typeof THEMES] ?? t),
					...(r.themesOther ? [r.themesOther] : [])
				].join('\n')
			}
		],
		meeting: r.meetingAt
			? { when: formatDateTime(r.meetingAt), where: r.meetingPlace, specialist: r.specialistName }
			: null,
		evaluated: Boolean(await getEvaluation(getDb(), r.id))
	};
};
