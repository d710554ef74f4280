import {
	error,
	isHttpError,
	isRedirect,
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { can, PASSWORD_PATH, signInUrl, staffPathPermission } from '$lib/server/auth/access';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	sessionExpiresAt,
	sessionLimits,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { getDb, isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from '$lib/server/db';
import { log } from '$lib/server/log';
import { startUp } from '$lib/server/startup';
import { FORM_NOT_READ, isMalformedForm } from '$lib/server/shared/forms';
import { limitPublicForm } from '$lib/server/limits/refuse';
import { HSTS, SECURITY_HEADERS } from '$lib/securityHeaders.js';

// Start-up (migrations and the demo seed) is owned by src/lib/server/startup.ts.
export const init: ServerInit = async () => {
	await startUp();
};

/** The page a request the database could not serve is answered with; it reads no data. */
const UNAVAILABLE_PATH = '/service-unavailable';

/** Reads the session cookie and puts the signed-in staff member, if any, on event.locals. */
const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.sessionExpiresAt = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token || event.url.pathname === UNAVAILABLE_PATH) return resolve(event);

	const now = new Date();
	const limits = sessionLimits();
	const result = await validateSessionToken(getDb(), token, now, limits);
	if (!result) {
		deleteSessionCookie(event);
		return resolve(event);
	}
	event.locals.user = result.user;
	event.locals.sessionId = result.session.id;
	event.locals.sessionExpiresAt = sessionExpiresAt(result.session, limits);
	// The cookie's expiry follows the idle timeout: move it on whenever the session was refreshed.
	if (result.session.lastActiveAt.getTime() === now.getTime()) {
		setSessionCookie(event, token, sessionExpiresAt(result.session, limits));
	}
	return resolve(event);
};

const isStaffPath = (pathname: string) => pathname === '/staff' || pathname.startsWith('/staff/');
/** Pages showing someone's own answers or booking: a journey in progress, a manage or resume link. */
const privateJourney =
	/^\/consultations\/[^/]+\/(sessions\/[^/]+\/book\/|questionnaires\/[^/]+\/r\/)/;
const isPrivatePath = (pathname: string) =>
	isStaffPath(pathname) ||
	pathname.startsWith('/bookings/manage/') ||
	privateJourney.test(pathname);

/**
 * A first gate for /staff: every page and action still checks for itself with requireUser or
 * requirePermission. A page visit that lacks a permission is let through to the route, whose own
 * check renders the full 403 page inside the layout; anything else (form posts, data and
 * endpoint requests) is refused here.
 */
const staffGate: Handle = ({ event, resolve }) => {
	const { pathname } = event.url;
	if (!isStaffPath(pathname)) return resolve(event);
	const permission = staffPathPermission(pathname);
	if (permission === 'public') return resolve(event);

	const user = event.locals.user;
	if (!user) redirect(303, signInUrl(event.url));
	if (user.mustChangePassword && pathname !== PASSWORD_PATH) redirect(303, PASSWORD_PATH);
	if (permission && !can(user, permission)) {
		const method = event.request.method;
		const pageVisit =
			(method === 'GET' || method === 'HEAD') &&
			!event.isDataRequest &&
			(event.request.headers.get('accept') ?? '').includes('text/html');
		if (!pageVisit) return refusal(event, 403, 'You do not have permission to see this page');
	}
	return resolve(event);
};

/** A refusal answered here, as JSON for scripts and data requests, as plain text otherwise. */
function refusal(event: Parameters<Handle>[0]['event'], status: number, message: string) {
	const accept = event.request.headers.get('accept') ?? '';
	if (event.isDataRequest || accept.includes('application/json'))
		return json({ message }, { status });
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}

/** Public form posts past their rate limit are refused before they reach their action. */
const limitPublicForms: Handle = async ({ event, resolve }) =>
	(await limitPublicForm(event, getDb())) ?? resolve(event);

/**
 * Redirects and errors thrown by a later hook would leave SvelteKit without these headers, so they
 * are turned into responses here, in the same shapes SvelteKit gives them.
 */
async function resolveCatching(
	event: Parameters<Handle>[0]['event'],
	resolve: Parameters<Handle>[0]['resolve']
) {
	try {
		return await resolve(event);
	} catch (thrown) {
		if (isRedirect(thrown)) {
			return event.isDataRequest
				? json({ type: 'redirect', location: thrown.location })
				: new Response(null, { status: thrown.status, headers: { location: thrown.location } });
		}
		if (isHttpError(thrown)) return refusal(event, thrown.status, thrown.body.message);
		throw thrown;
	}
}

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolveCatching(event, resolve);
	const headers = response.headers;
	try {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
		if (event.url.protocol === 'https:') headers.set('Strict-Transport-Security', HSTS);
		// Staff pages, manage-booking and resume links show personal data: never keep them in a shared cache.
		if (isPrivatePath(event.url.pathname) || response.status === 429)
			headers.set('Cache-Control', 'no-store');
	} catch {
		// Some responses (e.g. from fetch) have immutable headers; they are not our pages.
	}
	return response;
};

/** Requests whose error was the database being out of reach (marked by handleError). */
const databaseLost = new WeakSet<Request>();

/**
 * When the database cannot be reached, or a connection is lost under a request, the answer is
 * 503 with the service's own page (or, to a script, JSON) and a Retry-After, never a 500. The
 * request's transaction, if any, was undone with its connection, so nothing half-done is kept.
 */
const answerDatabaseLoss: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (thrown) {
		// Thrown by a later hook (the session lookup, the rate limits), so handleError never saw it.
		if (!isDatabaseUnavailable(thrown) || event.url.pathname === UNAVAILABLE_PATH) throw thrown;
		log.warn({ route: event.route.id, err: thrown }, 'database unavailable');
		return unavailable(event);
	}
	return response.status === 500 && databaseLost.has(event.request) ? unavailable(event) : response;
};

const RETRY_AFTER_SECONDS = '30';

async function unavailable(event: Parameters<Handle>[0]['event']): Promise<Response> {
	const message = UNAVAILABLE_MESSAGE;
	const headers = { 'retry-after': RETRY_AFTER_SECONDS, 'cache-control': 'no-store' };
	const accept = event.request.headers.get('accept') ?? '';
	if (event.isDataRequest || !accept.includes('text/html'))
		return json({ type: 'error', status: 503, error: { message } }, { status: 503, headers });
	const page = await event.fetch(UNAVAILABLE_PATH);
	const pageHeaders = new Headers(page.headers);
	for (const [name, value] of Object.entries(headers)) pageHeaders.set(name, value);
	return new Response(page.body, { status: 503, headers: pageHeaders });
}

/** A form body that cannot be parsed is the sender's fault: 400, never a 500 from the action. */
const rejectMalformedForms: Handle = async ({ event, resolve }) => {
	if (!(await isMalformedForm(event.request))) return resolve(event);
	// A script posting for JSON (an enhanced form) gets SvelteKit's JSON error; a browser, the
	// service's error page, rendered by the route that exists for it.
	if (!(event.request.headers.get('accept') ?? '').includes('text/html')) error(400, FORM_NOT_READ);
	const page = await event.fetch('/form-not-read');
	return new Response(page.body, { status: 400, headers: page.headers });
};

export const handle = sequence(
	securityHeaders,
	answerDatabaseLoss,
	rejectMalformedForms,
	authenticate,
	staffGate,
	limitPublicForms
);

export const handleError: HandleServerError = ({ error: err, event, status, message }) => {
	// The route id, never the path: manage-booking and resume links carry their secret in the path.
	const where = { status, method: event.request.method, route: event.route.id };
	if (status === 404) return { message: 'Page not found' };
	if (status >= 500 && isDatabaseUnavailable(err)) {
		databaseLost.add(event.request);
		log.warn({ ...where, err }, 'database unavailable');
		return { message: UNAVAILABLE_MESSAGE };
	}
	// Other 4xx errors here are SvelteKit refusing a malformed request: worth a note, not an alarm.
	if (status < 500) {
		log.warn({ ...where, message }, 'request refused');
		return { message };
	}
	log.error({ ...where, err }, 'unexpected error');
	// The details stay in the log; people see only a plain message.
	return { message: 'Sorry, there is a problem with the service' };
};
