// The role matrix against the real server: each demo role signs in and asks for each staff area's
// data, as a page's script would (`__data.json`) and as a form post would. The gate in
// hooks.server.ts answers 403 wherever the role lacks the area's permission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server';

let server: RunningServer;

beforeAll(async () => {
	server = await startServer({ SEED_DEMO: 'true', DEMO_PASSWORD: 'correct horse battery staple' });
});

afterAll(async () => {
	await server?.stop();
});

const ROLES = ['admin', 'lead', 'facilitator', 'liaison'] as const;
type Role = (typeof ROLES)[number];

async function signIn(role: Role): Promise<string> {
	const res = await fetch(`${server.url}/staff/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({
			email: `${role}@example.org`,
			password: 'correct horse battery staple'
		})
	});
	expect(res.status, role).toBe(303);
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

// Each area, and the roles that reach it (the rest are refused).
const AREAS: { path: string; what: string; reach: Role[] }[] = [
	{ path: '/staff/liaison', what: 'liaison groups', reach: ['admin', 'liaison'] },
	{ path: '/staff/liaison/referrals/1', what: 'a child’s record', reach: ['admin', 'liaison'] },
	{ path: '/staff/consultations/1/insights', what: 'the dashboard', reach: ['admin', 'lead'] },
	{ path: '/staff/consultations/1/comments', what: 'comments', reach: ['admin', 'lead'] },
	{ path: '/staff/core-consultations', what: 'schools', reach: ['admin', 'lead'] },
	{ path: '/staff/page-feedback', what: 'page feedback', reach: ['admin', 'lead'] },
	{ path: '/staff/outbox', what: 'the outbox', reach: ['admin', 'lead'] },
	{ path: '/staff/accounts', what: 'staff accounts', reach: ['admin'] },
	{ path: '/staff/roadshow/1', what: 'a session register', reach: ['admin', 'lead', 'facilitator'] }
];

describe('the role matrix, through the running server', () => {
	for (const role of ROLES)
		it(`${role}: reaches only its own areas`, async () => {
			const cookie = await signIn(role);
			for (const { path, what, reach } of AREAS) {
				const data = await fetch(`${server.url}${path}/__data.json`, {
					headers: { cookie },
					redirect: 'manual'
				});
				await data.arrayBuffer();
				const post = await fetch(`${server.url}${path}`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						cookie,
						origin: server.url,
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: 'x=1'
				});
				await post.arrayBuffer();
				if (reach.includes(role)) {
					// Past the gate: the page's own answer (a page not built on this branch is a 404).
					expect(data.status, `${role} ${what}`).not.toBe(403);
					expect(post.status, `${role} posting to ${what}`).not.toBe(403);
				} else {
					expect(data.status, `${role} ${what}`).toBe(403);
					expect(post.status, `${role} posting to ${what}`).toBe(403);
				}
			}
		});
});
