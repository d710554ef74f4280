import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import {
	registerSchool,
	registrationSchema,
	notifySchool,
	upcomingTerms,
	termName,
	STRANDS,
	SCHOOL_TYPE_NAMES,
	THEMES
} from '$lib/server/coreConsultations';
import { ukToday } from '$lib/format';

const options = (record: Record<string, string>) =>
	Object.entries(record).map(([value, text]) => ({ value, text }));

export const load = () => ({
	terms: upcomingTerms(ukToday()).map((value) => ({ value, text: termName(value) })),
	strands: Object.entries(STRANDS).map(([value, s]) => ({
		value,
		text: s.name,
		hint: s.description
	})),
	schoolTypes: options(SCHOOL_TYPE_NAMES),
	themes: options(THEMES)
});

export const actions = {
	default: async ({ request }) => {
		const parsed = parseForm(
			await request.formData(),
			registrationSchema(upcomingTerms(ukToday()))
		);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const db = getDb();
		const result = await registerSchool(db, parsed.data);
		if (!result.ok) {
			const { existing } = result;
			return invalid(parsed.values, {
				schoolName: `${existing.schoolName} has already registered for the ${termName(existing.term)} (reference ${existing.reference}). Use the link in the email we sent then to change it, or choose another term`
			});
		}
		void notifySchool(db, 'registered', result.registration, result.manageToken);
		redirect(303, `/core-consultations/registered?reference=${result.registration.reference}`);
	}
};
