import { requirePermission } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import {
	coreResults,
	isTerm,
	recentTerms,
	STRANDS,
	termName,
	USEFULNESS_NAMES
} from '$lib/server/coreConsultations';
import { ukToday } from '$lib/format';

export const load = async ({ locals, url }) => {
	requirePermission(locals, 'schools:manage', url);
	const year = recentTerms(ukToday(), 3);
	const term = url.searchParams.get('term');
	const terms = term && isTerm(term) ? [term] : year;
	return {
		term: terms.length === 1 ? terms[0] : '',
		termOptions: year.map((value) => ({ value, text: termName(value) })),
		period: terms.map(termName).join(', '),
		strands: Object.values(STRANDS).map((s) => s.name),
		usefulnessNames: Object.values(USEFULNESS_NAMES),
		results: await coreResults(getDb(), terms)
	};
};
