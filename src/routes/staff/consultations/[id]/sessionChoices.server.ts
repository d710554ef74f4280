// The consultation's roadshow sessions as choices for the paper entry and roadshow notes forms.
import { getDb } from '$lib/server/db';
import { listSessionsForConsultation } from '$lib/server/roadshow/sessions';
import { formatSessionWhen } from '$lib/format';

export async function sessionChoices(consultationId: number, none: string) {
	const sessions = (await listSessionsForConsultation(getDb(), consultationId))
		.filter((s) => !s.cancelledAt)
		.map((s) => ({
			value: String(s.id),
			text: `${s.title}, ${formatSessionWhen(s.startsAt, s.endsAt)}`
		}));
	return [{ value: '', text: none }, ...sessions];
}

/** '' is no session; anything else must be a whole number (the domain checks it is this consultation's). */
export function parseSessionChoice(raw: FormDataEntryValue | null): number | null | 'bad' {
	if (raw === null || raw === '') return null;
	return typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : 'bad';
}
