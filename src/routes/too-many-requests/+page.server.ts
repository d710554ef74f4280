// Explains a rate-limit refusal. The hook posts here (server-side, within the same request) with
// what the person typed, so the page can offer it back with a "Try again" button.
import { RETRY_FIELD, RETURN_FIELD } from '$lib/server/limits/refuse';
import { retryMessage } from '$lib/server/limits';

/** Only a path on this site: never send someone's answers elsewhere. */
const sameSitePath = (value: unknown) =>
	typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null;

export const actions = {
	default: async ({ request }) => {
		const form = await request.formData();
		const seconds = Number(form.get(RETRY_FIELD));
		const fields: [string, string][] = [];
		for (const [name, value] of form.entries()) {
			if (name === RETRY_FIELD || name === RETURN_FIELD || typeof value !== 'string') continue;
			fields.push([name, value]);
		}
		return {
			retry: Number.isFinite(seconds) && seconds > 0 ? retryMessage(seconds) : null,
			returnTo: sameSitePath(form.get(RETURN_FIELD)),
			fields
		};
	}
};
