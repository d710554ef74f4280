// Public forms tried as an abuser would, against the real production server: floods of link
// requests and booking starts, parallel password guessing, and the headers on every refusal.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import {
	auditEvent,
	booking,
	coreConsultation,
	emailOutbox,
	pageFeedback,
	rateLimit,
	signInAttempt
} from '../../src/lib/server/db/schema';
import { upcomingTerms } from '../../src/lib/server/coreConsultations/labels';
import { ukToday } from '../../src/lib/format';
import { closeDatabase, type Db, firstRow } from '../../src/lib/server/db';
import { emailKey } from '../../src/lib/server/auth/throttle';
import { generateIdempotencyKey } from '../../src/lib/server/roadshow/references';
import { startServer, type RunningServer } from './server';
import { addBookableSession, openFixtureDatabase } from './booking-fixture';

let server: RunningServer;
let db: Db;
/** The server's log lines: emails are queued after the page is answered, and logged then. */
const logLines: string[] = [];

beforeAll(async () => {
	server = await startServer(
		{ SEED_DEMO: 'true', DEMO_PASSWORD: 'correct horse battery staple', LOG_LEVEL: 'info' },
		[],
		{ onOutput: (line) => logLines.push(line) }
	);
	db = await openFixtureDatabase(server.databaseUrl);
});

afterAll(async () => {
	if (db) await closeDatabase(db);
	await server?.stop();
});

const form = (path: string, fields: Record<string, string>, accept = 'text/html') =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields)
	});

function expectSecurityHeaders(response: Response) {
	expect(response.headers.get('x-frame-options')).toBe('DENY');
	expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	expect(response.headers.get('referrer-policy')).toBe('same-origin');
}

describe('link emails', () => {
	it('queues at most 3 emails for 60 "email me my resume link" requests for one address', async () => {
		const start = await form(
			'/consultations/send-partnership-strategy/questionnaires/parents-carers?/start',
			{}
		);
		expect(start.status).toBe(303);
		const journey = start.headers.get('location')!.replace(/\/q\/.*$/, '');
		const statuses: number[] = [];
		for (let i = 0; i < 60; i++) {
			const response = await form(`${journey}/saved`, { email: 'stranger@example.org' });
			statuses.push(response.status);
			if (response.status === 429) {
				expectSecurityHeaders(response);
				expect(response.headers.get('cache-control')).toBe('no-store');
				expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
				const page = await response.text();
				expect(page).toContain('You have tried this too many times.');
				expect(page).toMatch(/Try again in \d+ (minutes?|hours?)\./);
				// What was typed comes back, ready to send again.
				expect(page).toContain('value="stranger@example.org"');
			} else await response.arrayBuffer();
		}
		// The address limit refuses after 10; the cap queues only 3 of those 10.
		expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
		expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
		const queued = firstRow(
			await db
				.select({ n: count() })
				.from(emailOutbox)
				.where(eq(emailOutbox.toAddress, 'stranger@example.org'))
		)!.n;
		expect(queued).toBe(3);
		const refusals = await db
			.select()
			.from(auditEvent)
			.where(eq(auditEvent.action, 'rate_limit.refused'));
		expect(refusals.length).toBeGreaterThanOrEqual(1);
		expect(refusals.length).toBeLessThanOrEqual(2);
	});
});

describe('booking', () => {
	// Every test here comes from one address: each starts with fresh counters, as after a quiet hour.
	beforeEach(async () => {
		await db.delete(rateLimit);
	});

	it('refuses booking starts from one client after 20 in 10 minutes, as a page and as JSON', async () => {
		const { slug, sessionId } = await addBookableSession(db, 35);
		const path = `/consultations/${slug}/sessions/${sessionId}/book`;
		const started = Date.now();
		const responses = await Promise.all(
			Array.from({ length: 40 }, () => form(path, { bookedBy: 'family' }))
		);
		expect(Date.now() - started).toBeLessThan(10_000);
		const statuses = responses.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 303)).toHaveLength(20);
		expect(statuses.filter((s) => s === 429)).toHaveLength(20);
		for (const r of responses) {
			expectSecurityHeaders(r);
			if (r.status === 429) expect(await r.text()).toContain('value="family"');
		}
		const json = await form(path, { bookedBy: 'family' }, 'application/json');
		expect(json.status).toBe(429);
		expectSecurityHeaders(json);
		const body = await json.json();
		expect(body).toMatchObject({ type: 'failure', status: 429 });
		expect(body.data).toContain('You have tried this too many times.');
	});

	it('lets a school book 5 families from one address', async () => {
		const { slug, sessionId } = await addBookableSession(db, 35);
		const base = `/consultations/${slug}/sessions/${sessionId}/book`;
		for (let i = 0; i < 5; i++) {
			const who = await form(base, {
				bookedBy: 'on_behalf',
				organisationName: 'Bridge Primary School',
				organisationRole: 'SENCo'
			});
			expect(who.status).toBe(303);
			const draft = who.headers.get('location')!.replace(/\/places$/, '');
			const steps: [string, Record<string, string>][] = [
				['places', { adults: '2', children: '1' }],
				[
					'contact',
					{
						contactName: 'Sam SENCo',
						email: 'senco@bridge.example.org',
						phone: '',
						familyName: `Family ${i}`,
						familyEmail: '',
						familyPhone: ''
					}
				],
				['access-needs', { accessNeeds: 'none' }],
				['consent', { consentToContact: 'yes' }]
			];
			for (const [step, fields] of steps) {
				const response = await form(`${draft}/${step}`, fields);
				expect(response.status, step).toBe(303);
			}
			const confirmed = await form(`${draft}/confirm?/book`, {
				idempotencyKey: generateIdempotencyKey()
			});
			expect(confirmed.status).toBe(200);
			expect(await confirmed.text()).toContain('Booking confirmed');
		}
		const booked = firstRow(
			await db
				.select({ n: count() })
				.from(booking)
				.where(and(eq(booking.roadshowSessionId, sessionId), eq(booking.status, 'confirmed')))
		)!.n;
		expect(booked).toBe(5);
	});
});

describe('"Was this page helpful?" and schools’ core consultations', () => {
	beforeEach(async () => {
		await db.delete(rateLimit);
	});

	const rowsIn = async (table: typeof pageFeedback | typeof coreConsultation) =>
		firstRow(await db.select({ n: count() }).from(table))!.n;

	async function expectRefusalPage(response: Response, typed: string) {
		expectSecurityHeaders(response);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		const page = await response.text();
		expect(page).toContain('You have tried this too many times.');
		expect(page).toContain(`value="${typed}"`);
	}

	it('stores 60 page answers from one address in 10 minutes and refuses the rest', async () => {
		const before = await rowsIn(pageFeedback);
		const responses = await Promise.all(
			Array.from({ length: 75 }, () => form('/page-feedback', { path: '/privacy', helpful: 'no' }))
		);
		const statuses = responses.map((r) => r.status);
		expect(statuses.filter((s) => s === 303)).toHaveLength(60);
		expect(statuses.filter((s) => s === 429)).toHaveLength(15);
		for (const r of responses)
			if (r.status === 429) await expectRefusalPage(r, '/privacy');
			else await r.arrayBuffer();
		expect((await rowsIn(pageFeedback)) - before).toBe(60);
		// The comments page shares the count: a refused address cannot comment either.
		const comment = await form(responses.find((r) => r.status === 303)!.headers.get('location')!, {
			tryingToDo: 'Read the notice'
		});
		expect(comment.status).toBe(429);
		await expectRefusalPage(comment, 'Read the notice');
	});

	/** Registration emails the server has tried to queue, as its log says. */
	const registrationsQueued = () =>
		logLines.filter(
			(line) => line.includes('"messages queued"') && line.includes('core_consultation_registered')
		).length;

	const registration = (i: number, email: string) => ({
		schoolName: `Burst Primary ${i}`,
		schoolType: 'primary',
		contactName: 'Jane Holmes',
		contactRole: 'SENCo',
		contactEmail: email,
		contactPhone: '',
		strand: 'core',
		term: upcomingTerms(ukToday())[0],
		themes: 'semh',
		themesOther: ''
	});

	it('takes 20 school registrations from one address in an hour, then refuses with the 429 page', async () => {
		const before = await rowsIn(coreConsultation);
		const statuses: number[] = [];
		for (let i = 0; i < 24; i++) {
			const r = await form(
				'/core-consultations/register',
				registration(i, `senco${i}@burst.example.org`)
			);
			statuses.push(r.status);
			if (r.status === 429) await expectRefusalPage(r, `Burst Primary ${i}`);
			else await r.arrayBuffer();
		}
		expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
		expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
		expect((await rowsIn(coreConsultation)) - before).toBe(20);
	});

	it('sends one address at most 3 registration emails an hour, and takes 10 registrations for it', async () => {
		const email = 'someone.else@example.org';
		const queuedSoFar = registrationsQueued();
		const responses = await Promise.all(
			Array.from({ length: 14 }, (_, i) =>
				form(
					'/core-consultations/register',
					registration(100 + i, i % 2 ? email : ` ${email.toUpperCase()}`)
				)
			)
		);
		const statuses = responses.map((r) => r.status);
		expect(statuses.filter((s) => s === 303)).toHaveLength(10);
		expect(statuses.filter((s) => s === 429)).toHaveLength(4);
		await Promise.all(responses.map((r) => r.arrayBuffer()));
		// Each registration's email is stored (or dropped by the cap) just after its page is
		// answered: wait until the server has logged all ten.
		await expect.poll(() => registrationsQueued() - queuedSoFar, { timeout: 10_000 }).toBe(10);
		const queued = firstRow(
			await db
				.select({ n: count() })
				.from(emailOutbox)
				.where(
					and(
						sql`lower(trim(${emailOutbox.toAddress})) = ${email}`,
						eq(emailOutbox.template, 'core_consultation_registered')
					)
				)
		)!.n;
		expect(queued).toBe(3);
	});

	it('limits posts to a school’s manage link, guessed links included', async () => {
		const token = 'A'.repeat(43);
		const responses = await Promise.all(
			Array.from({ length: 35 }, () =>
				form(`/core-consultations/manage/${token}/evaluate`, { usefulness: 'very' })
			)
		);
		const statuses = responses.map((r) => r.status);
		expect(statuses.filter((s) => s === 404)).toHaveLength(30);
		expect(statuses.filter((s) => s === 429)).toHaveLength(5);
		for (const r of responses)
			if (r.status === 429) await expectRefusalPage(r, 'very');
			else await r.arrayBuffer();
		const cancel = await form(`/core-consultations/manage/${token}/cancel`, { confirm: 'yes' });
		expect(cancel.status).toBe(429);
		await cancel.arrayBuffer();
	});
});

describe('sign-in', () => {
	it('counts 30 parallel wrong passwords as 30 and then refuses the right password', async () => {
		const email = 'admin@example.org';
		const burst = await Promise.all(
			Array.from({ length: 30 }, () => form('/staff/sign-in', { email, password: 'wrong guess' }))
		);
		for (const r of burst) {
			expect(r.status).toBe(400);
			expectSecurityHeaders(r);
			await r.arrayBuffer();
		}
		const attempts = firstRow(
			await db
				.select({ n: count() })
				.from(signInAttempt)
				.where(eq(signInAttempt.emailKey, emailKey(email)))
		)!.n;
		expect(attempts).toBe(30);
		const right = await form('/staff/sign-in', { email, password: 'correct horse battery staple' });
		expect(right.status).toBe(400);
		expect(right.headers.get('set-cookie')).toBeNull();
		expect(await right.text()).toContain('You have tried to sign in too many times');
	});
});

describe('security headers on refusals', () => {
	it('are on the staff gate’s redirects and 403s, error pages and files', async () => {
		const redirect = await fetch(`${server.url}/staff/outbox`, { redirect: 'manual' });
		expect(redirect.status).toBe(303);
		expectSecurityHeaders(redirect);
		expect(redirect.headers.get('cache-control')).toBe('no-store');

		const post = await form('/staff/accounts', {});
		expect(post.status).toBe(303);
		expectSecurityHeaders(post);

		const missing = await fetch(`${server.url}/no-such-page`);
		expect(missing.status).toBe(404);
		expectSecurityHeaders(missing);

		const data = await fetch(`${server.url}/staff/outbox/__data.json`);
		expectSecurityHeaders(data);
	});
});
