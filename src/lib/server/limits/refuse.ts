// Applying the policy table to a request, for the hook. A refused post never reaches its action:
// it gets a 429 in plain English with Retry-After, and keeps what the person typed.
import { json, type RequestEvent } from '@sveltejs/kit';
import { stringify } from 'devalue';
import type { Db } from '../db';
import { isFormPost } from '../shared/forms';
import { actionName, findFormLimit, retryMessage, TOO_MANY } from './policy';
import { checksFor, consumeLimits } from './index';

/** The page that explains a refusal and offers the typed answers back (a real route). */
export const TOO_MANY_PATH = '/too-many-requests';
export const RETURN_FIELD = '_returnTo';
export const RETRY_FIELD = '_retryAfter';

// The hook has already parsed a form's body (or refused it as malformed) and keeps it for the
// action; any other body is left unread for the route to answer.
const readForm = (request: Request) => (isFormPost(request) ? request.formData() : null);

/** Whether the post came from JavaScript (SvelteKit's enhance, or any client asking for JSON). */
function wantsJson(request: Request): boolean {
	const accept = request.headers.get('accept') ?? '';
	return (
		request.headers.get('x-sveltekit-action') === 'true' ||
		(accept.includes('application/json') && !accept.includes('text/html'))
	);
}

/** A refusal response for a limited public form post, or null to let it through. */
export async function limitPublicForm(event: RequestEvent, db: Db): Promise<Response | null> {
	if (event.request.method !== 'POST' || event.isSubRequest) return null;
	const row = findFormLimit(event.route.id, actionName(event.url.searchParams));
	if (!row) return null;
	const needsForm = row.limits.some(([, by]) => by !== 'address' && 'field' in by);
	const form = needsForm || !wantsJson(event.request) ? await readForm(event.request) : null;
	const address = event.getClientAddress();
	const outcome = await consumeLimits(
		db,
		checksFor(row.limits, { address, params: event.params, form }),
		{ ip: address }
	);
	if (outcome.ok) return null;
	return refusal(event, form, outcome.retryAfterSeconds);
}

async function refusal(
	event: RequestEvent,
	form: FormData | null,
	retryAfterSeconds: number
): Promise<Response> {
	const message = `${TOO_MANY} ${retryMessage(retryAfterSeconds)}`;
	const headers = { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' };
	if (wantsJson(event.request)) {
		// The shape SvelteKit's enhance reads: the page gets form.rateLimited to show.
		const data = stringify({ rateLimited: { message, retryAfterSeconds } });
		return json({ type: 'failure', status: 429, data }, { status: 429, headers });
	}
	// Render the explanation page inside the site's layout, handing it what was typed so its
	// "Try again" button can send the same answers back. Passwords are never echoed.
	const body = new URLSearchParams();
	for (const [name, value] of form?.entries() ?? []) {
		if (typeof value !== 'string' || /password/i.test(name)) continue;
		if (name === RETURN_FIELD || name === RETRY_FIELD) continue;
		body.append(name, value);
	}
	body.set(RETURN_FIELD, event.url.pathname + event.url.search);
	body.set(RETRY_FIELD, String(retryAfterSeconds));
	const page = await event.fetch(TOO_MANY_PATH, {
		method: 'POST',
		body,
		headers: {
			accept: 'text/html',
			origin: event.url.origin,
			'content-type': 'application/x-www-form-urlencoded'
		}
	});
	const pageHeaders = new Headers(page.headers);
	for (const [name, value] of Object.entries(headers)) pageHeaders.set(name, value);
	return new Response(await page.text(), { status: 429, headers: pageHeaders });
}
