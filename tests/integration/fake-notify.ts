// A stand-in for GOV.UK Notify's API, as its documentation describes it, for the official client
// to talk to: the JWT bearer token (HS256, iss = service id, iat within 30 seconds, signed with
// the key's secret), POST /v2/notifications/{email,sms,letter}, GET /v2/notifications/{id}, and
// Notify's error bodies. It records every request so tests can check what was sent.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
export const SECRET_KEY = '3d844edf-8d35-48ac-975b-e847b4f122b0';
export const API_KEY = `coproduce_test-${SERVICE_ID}-${SECRET_KEY}`;
export const EMAIL_TEMPLATE_ID = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
export const SMS_TEMPLATE_ID = 'a0b9d7c6-5e4f-4a3b-9c8d-7e6f5a4b3c2d';

export type NotifyRequest = {
	method: string;
	path: string;
	authorization: string | undefined;
	/** The JWT's claims, once the token has been checked. */
	claims: { iss: string; iat: number } | null;
	body: Record<string, unknown> | null;
	/** The id given to the notification this request created. */
	notificationId: string | null;
};

type Failure = { status: number; error: string; message: string };

const b64url = (buf: Buffer) => buf.toString('base64url');

/** Checks a Notify JWT the way the API does; returns its claims or why it was refused. */
export function checkToken(header: string | undefined, now = Date.now()) {
	if (!header?.startsWith('Bearer '))
		return { error: 'Unauthorized: authentication token must be provided' };
	const [head, payload, signature] = header.slice(7).split('.');
	if (!head || !payload || !signature)
		return { error: 'Invalid token: signature, api token is not valid' };
	const expected = b64url(createHmac('sha256', SECRET_KEY).update(`${head}.${payload}`).digest());
	const a = Buffer.from(signature);
	const b = Buffer.from(expected);
	if (a.length !== b.length || !timingSafeEqual(a, b))
		return { error: 'Invalid token: signature, api token not found' };
	const header_ = JSON.parse(Buffer.from(head, 'base64url').toString());
	if (header_.alg !== 'HS256' || header_.typ !== 'JWT')
		return { error: 'Invalid token: algorithm' };
	const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
		iss: string;
		iat: number;
	};
	if (claims.iss !== SERVICE_ID) return { error: 'Invalid token: service not found' };
	if (Math.abs(now / 1000 - claims.iat) > 30)
		return { error: 'Error: Your system clock must be accurate to within 30 seconds' };
	return { claims };
}

export type FakeNotify = {
	url: string;
	requests: NotifyRequest[];
	/** The next `count` sends are answered with this error. */
	failNext: (count: number, failure: Failure) => void;
	/** What GET /v2/notifications/{id} reports. */
	setStatus: (id: string, status: string) => void;
	sent: (path: string) => NotifyRequest[];
	close: () => Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		let data = '';
		req.setEncoding('utf8');
		req.on('data', (c) => (data += c));
		req.on('end', () => resolve(data));
		req.on('error', reject);
	});
}

export async function startFakeNotify(): Promise<FakeNotify> {
	const requests: NotifyRequest[] = [];
	const statuses = new Map<string, { status: string; type: string; reference: string | null }>();
	let failures: Failure[] = [];
	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const raw = await readBody(req);
		const path = (req.url ?? '').split('?')[0];
		const record: NotifyRequest = {
			method: req.method ?? '',
			path,
			authorization: req.headers.authorization,
			claims: null,
			body: raw ? JSON.parse(raw) : null,
			notificationId: null
		};
		requests.push(record);
		const reply = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		const error = (status: number, error: string, message: string) =>
			reply(status, { status_code: status, errors: [{ error, message }] });

		const token = checkToken(req.headers.authorization);
		if ('error' in token) return error(403, 'AuthError', token.error!);
		record.claims = token.claims;

		const get = path.match(/^\/v2\/notifications\/([0-9a-f-]{36})$/);
		if (req.method === 'GET' && get) {
			const known = statuses.get(get[1]);
			if (!known) return error(404, 'NoResultFound', 'No result found');
			return reply(200, { id: get[1], ...known, created_at: new Date().toISOString() });
		}
		const post = path.match(/^\/v2\/notifications\/(email|sms|letter)$/);
		if (req.method !== 'POST' || !post) return error(404, 'NotFound', 'Not found');
		const failure = failures.shift();
		if (failure) return error(failure.status, failure.error, failure.message);

		const type = post[1];
		const body = record.body ?? {};
		// The documented required fields for each kind of notification.
		if (type === 'email' && (!body.template_id || !body.email_address))
			return error(400, 'ValidationError', 'email_address is a required property');
		if (type === 'sms' && (!body.template_id || !body.phone_number))
			return error(400, 'ValidationError', 'phone_number is a required property');
		if (type === 'letter' && !body.template_id) {
			if (!body.reference) return error(400, 'ValidationError', 'reference is a required property');
			const pdf = Buffer.from(String(body.content ?? ''), 'base64');
			if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-')))
				return error(400, 'ValidationError', 'Letter content is not a valid PDF');
		}
		const id = randomUUID();
		record.notificationId = id;
		const reference = (body.reference as string | undefined) ?? null;
		statuses.set(id, {
			status: type === 'letter' ? 'pending-virus-check' : 'created',
			type,
			reference
		});
		const personalisation = (body.personalisation ?? {}) as Record<string, string>;
		if (type === 'letter') return reply(201, { id, reference, postage: body.postage ?? 'second' });
		return reply(201, {
			id,
			reference,
			content:
				type === 'email'
					? {
							subject: personalisation.subject,
							body: personalisation.body,
							from_email: 'coproduce@notifications.service.gov.uk'
						}
					: { body: personalisation.body, from_number: 'GOVUK' },
			uri: `http://notify.test/v2/notifications/${id}`,
			template: {
				id: body.template_id,
				version: 1,
				uri: `http://notify.test/v2/template/${body.template_id}`
			}
		});
	};
	const server: Server = createServer((req, res) => {
		handle(req, res).catch((e: Error) => {
			res.writeHead(500);
			res.end(String(e));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('no port');
	return {
		url: `http://127.0.0.1:${address.port}`,
		requests,
		failNext: (count, failure) => {
			failures = Array.from({ length: count }, () => failure);
		},
		setStatus: (id, status) => {
			const known = statuses.get(id);
			if (known) known.status = status;
		},
		sent: (path) => requests.filter((r) => r.path === path && r.notificationId),
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
