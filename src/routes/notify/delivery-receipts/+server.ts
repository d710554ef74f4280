// GOV.UK Notify's delivery receipts (set this address as the service's callback URL, with
// NOTIFY_CALLBACK_TOKEN as its bearer token). Receipts are JSON; the token is checked in
// constant time before the body is read.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { applyReceipt, bearerTokenMatches } from '$lib/server/notify';

const receipt = z.object({
	id: z.string().min(1).max(100),
	reference: z.string().max(100).nullish(),
	status: z.string().min(1).max(50)
});

export const POST = async ({ request }) => {
	if (!bearerTokenMatches(request.headers.get('authorization'), getConfig().NOTIFY_CALLBACK_TOKEN))
		return json(
			{ error: 'Unauthorised' },
			{ status: 401, headers: { 'www-authenticate': 'Bearer' } }
		);
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json({ error: 'The body must be JSON' }, { status: 400 });
	}
	const parsed = receipt.safeParse(body);
	if (!parsed.success) return json({ error: 'Not a delivery receipt' }, { status: 400 });
	const { id, reference, status } = parsed.data;
	const known = await applyReceipt(getDb(), { providerId: id, reference, status });
	// An unknown id is answered 200 too: Notify would otherwise keep retrying a receipt we cannot use.
	return json({ result: known ? 'recorded' : 'unknown notification' });
};
