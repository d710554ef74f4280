import { error, json } from '@sveltejs/kit';
import { extendSession, SESSION_COOKIE, setSessionCookie } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';

/** "Stay signed in" from the time-out warning: restarts the idle time on the server. */
export const POST = async (event) => {
	const { locals, cookies } = event;
	const token = cookies.get(SESSION_COOKIE);
	if (!locals.user || !locals.sessionId || !token) error(401, 'You have been signed out');
	const now = new Date();
	const expiresAt = await extendSession(getDb(), locals.sessionId, now);
	if (!expiresAt) error(401, 'You have been signed out');
	setSessionCookie(event, token, expiresAt);
	return json({ secondsLeft: Math.floor((expiresAt.getTime() - now.getTime()) / 1000) });
};
