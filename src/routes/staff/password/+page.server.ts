import { redirect } from '@sveltejs/kit';
import { PASSWORD_PATH, requireUser } from '$lib/server/auth/access';
import { sessionExpiresAt, sessionLimits, setSessionCookie } from '$lib/server/auth/session';
import { changePassword, changePasswordSchema } from '$lib/server/auth/signIn';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { mustChange: user.mustChangePassword, changed: url.searchParams.has('changed') };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event.locals, event.url);
		const parsed = parseForm(await event.request.formData(), changePasswordSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await changePassword(getDb(), user.id, parsed.data, {
			ip: event.getClientAddress()
		});
		if (!result.ok) return invalid(parsed.values, result.errors);
		// Every session was ended, including this one; carry on in the new one.
		setSessionCookie(event, result.token, sessionExpiresAt(result.session, sessionLimits()));
		redirect(303, `${PASSWORD_PATH}?changed`);
	}
};
