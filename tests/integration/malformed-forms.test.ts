// A posted form whose body cannot be read (a bogus multipart boundary) is the sender's fault: every
// form action answers 400 with the service's own error page, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booking, consultation } from '../../src/lib/server/db/schema';
import { closeDatabase, type Db, firstRow } from '../../src/lib/server/db';
import { insertStaff } from '../../src/lib/server/auth/testing';
import { startServer, type RunningServer } from './server';
import { addBookableSession, openFixtureDatabase, prepareJourneys } from './booking-fixture';

let server: RunningServer;
let db: Db;

beforeAll(async () => {
	server = await startServer();
	db = await openFixtureDatabase(server.databaseUrl);
});

afterAll(async () => {
	if (db) await closeDatabase(db);
	await server?.stop();
});

const BOGUS = 'multipart/form-data; boundary=----this-is-not-the-boundary';
const body = '------a-different-boundary\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n';

function postBogus(path: string, accept = 'text/html,application/xhtml+xml', cookie = '') {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.url, 'content-type': BOGUS, accept, ...(cookie ? { cookie } : {}) },
		body
	});
}

async function signInCookie(): Promise<string> {
	await insertStaff(db, {
		email: 'admin@council.example',
		password: 'a long enough passphrase',
		role: 'admin'
	});
	const res = await fetch(`${server.url}/staff/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({
			email: 'admin@council.example',
			password: 'a long enough passphrase'
		})
	});
	expect(res.status).toBe(303);
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

describe('malformed form bodies', () => {
	it('get 400 and the service error page from every public action, booking nothing', async () => {
		const { slug, sessionId } = await addBookableSession(db, 10);
		const [journey] = await prepareJourneys(db, sessionId, 1);
		const book = `/consultations/${slug}/sessions/${sessionId}/book`;
		const paths = [
			book,
			...['who', 'places', 'contact', 'access-needs', 'consent'].map(
				(step) => `${book}/${journey.draftId}/${step}`
			),
			`${book}/${journey.draftId}/confirm?/book`,
			`${book}/${journey.draftId}/confirm?/wait`,
			'/bookings/lost-link',
			'/staff/sign-in'
		];
		for (const path of paths) {
			const res = await postBogus(path);
			expect(res.status, path).toBe(400);
			const html = await res.text();
			// The product's page: its header and layout, a GOV.UK heading, and what to do.
			expect(html, path).toContain('govuk-service-navigation');
			expect(html, path).toContain('govuk-footer');
			expect(html, path).toContain('<h1 class="govuk-heading-l">Sorry, there is a problem</h1>');
			expect(html, path).toContain('Your form could not be read. Go back and try again.');
			expect(res.headers.get('content-security-policy'), path).toBeTruthy();
		}
		expect(await db.select().from(booking)).toEqual([]);
	});

	it('get 400 from staff actions too, once signed in, changing nothing', async () => {
		const cookie = await signInCookie();
		const { id } = firstRow(await db.select({ id: consultation.id }).from(consultation).limit(1))!;
		const before = await db.select().from(consultation);
		for (const path of [
			'/staff/consultations/new',
			`/staff/consultations/${id}/edit`,
			`/staff/consultations/${id}/publish?/close`,
			`/staff/consultations/${id}/priorities`,
			'/staff/accounts/new',
			'/staff/sign-out'
		]) {
			const res = await postBogus(path, 'text/html', cookie);
			expect(res.status, path).toBe(400);
			expect(await res.text(), path).toContain('Your form could not be read.');
		}
		expect(await db.select().from(consultation)).toEqual(before);
		// Still signed in: sign-out did not run.
		const staff = await fetch(`${server.url}/staff`, { redirect: 'manual', headers: { cookie } });
		expect(staff.status).toBe(200);
	});

	it('answer an enhanced form (asking for JSON) with a 400 too', async () => {
		const res = await postBogus('/bookings/lost-link', 'application/json');
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({
			message: 'Your form could not be read. Go back and try again.'
		});
	});

	it('leave a well-formed multipart form alone', async () => {
		const form = new FormData();
		form.set('email', 'nobody@example.com');
		const res = await fetch(`${server.url}/bookings/lost-link`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, accept: 'text/html' },
			body: form
		});
		expect(res.status).toBeLessThan(400);
	});
});
