import { redirect } from '@sveltejs/kit';
import { PASSWORD_PATH, safeRedirectTo } from '$lib/server/auth/access';
import {
	SESSION_COOKIE,
	sessionExpiresAt,
	sessionLimits,
	setSessionCookie
} from '$lib/server/auth/session';
import { SIGN_IN_FAILED, SIGN_IN_THROTTLED, signIn, signInSchema } from '$lib/server/auth/signIn';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTo(url.searchParams.get('redirectTo')));
	return {
		signedOut: url.searchParams.has('signedOut'),
		timedOut: url.searchParams.has('timedOut')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, url, cookies, getClientAddress } = event;
		const parsed = parseForm(await request.formData(), signInSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);

		const result = await signIn(getDb(), {
			email: parsed.data.email,
			password: parsed.data.password,
			ip: getClientAddress(),
			previousToken: cookies.get(SESSION_COOKIE)
		});
		if (!result.ok) {
			return invalid(parsed.values, {
				email: result.reason === 'throttled' ? SIGN_IN_THROTTLED : SIGN_IN_FAILED
			});
		}
		setSessionCookie(event, result.token, sessionExpiresAt(result.session, sessionLimits()));
		redirect(
			303,
			result.user.mustChangePassword
				? PASSWORD_PATH
				: safeRedirectTo(url.searchParams.get('redirectTo'))
		);
	}
};
