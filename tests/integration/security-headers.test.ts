// Every response of the production server carries the security headers: pages, redirects, a
// 404, and the files adapter-node serves before any SvelteKit hook runs (the favicon, robots.txt,
// the built scripts and styles under /_app/immutable).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server';

let server: RunningServer;

beforeAll(async () => {
	server = await startServer({ SEED_DEMO: 'false' });
});

afterAll(async () => {
	await server?.stop();
});

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

function expectSecurityHeaders(response: Response, path: string) {
	expect(
		{
			path,
			frame: response.headers.get('x-frame-options'),
			sniff: response.headers.get('x-content-type-options'),
			referrer: response.headers.get('referrer-policy'),
			permissions: response.headers.get('permissions-policy')
		},
		path
	).toEqual({
		path,
		frame: 'DENY',
		sniff: 'nosniff',
		referrer: 'same-origin',
		permissions: 'camera=(), microphone=(), geolocation=()'
	});
}

describe('security headers', () => {
	it('are on static files, built assets, pages, redirects and errors', async () => {
		const home = await get('/');
		expect(home.status).toBe(200);
		expectSecurityHeaders(home, '/');
		const html = await home.text();
		const assets = [
			...new Set([...html.matchAll(/_app\/immutable\/[^"'\s)]+/g)].map((m) => `/${m[0]}`))
		];
		expect(assets.length).toBeGreaterThan(0);

		for (const path of ['/favicon.svg', '/robots.txt', ...assets.slice(0, 3)]) {
			const response = await get(path);
			expect(response.status, path).toBe(200);
			await response.arrayBuffer();
			expectSecurityHeaders(response, path);
		}

		const missingFile = await get('/favicon.ico');
		expect(missingFile.status).toBe(404);
		expectSecurityHeaders(missingFile, '/favicon.ico');
		const missingAsset = await get('/_app/immutable/chunks/not-there.js');
		expect(missingAsset.status).toBe(404);
		expectSecurityHeaders(missingAsset, '/_app/immutable/chunks/not-there.js');

		const toSignIn = await get('/staff');
		expect(toSignIn.status).toBe(303);
		expectSecurityHeaders(toSignIn, '/staff');
		expect(toSignIn.headers.get('cache-control')).toBe('no-store');
	});
});
