import { redirect } from '@sveltejs/kit';
import { SIGN_IN_PATH } from '$lib/server/auth/access';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { recordSignOut } from '$lib/server/auth/signIn';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, SIGN_IN_PATH);
};

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		const timedOut = (await event.request.formData()).get('reason') === 'timeout';
		if (locals.user && locals.sessionId) {
			const db = getDb();
			await invalidateSession(db, locals.sessionId);
			await recordSignOut(db, locals.user, event.getClientAddress());
		}
		deleteSessionCookie(event);
		redirect(303, `${SIGN_IN_PATH}?${timedOut ? 'timedOut' : 'signedOut'}`);
	}
};
