// A lead's dashboard over 30,000 responses is counted off the request thread: while two
// date-filtered dashboards (counted row by row) are being counted, the same server process answers a family's session page again
// and again. Were the counting on the request thread, no page could be answered until it ended.
// And the built worker counts a filtered dashboard to the same figures as counting in-thread.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { countDashboard } from '../../src/lib/server/insights/dashboard';
import { WORKER_ROLE } from '../../src/lib/server/insights/countingWorker';
import { ReaderPool } from '../../src/lib/server/insights/offThread';
import type { InsightFilters } from '../../src/lib/server/insights/filters';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { ensureDemoThemes, generateLargeDataSet } from '../../src/lib/server/demo/responses';
import { startServer, type RunningServer } from './server';

const PASSWORD = 'integration lead password';
const dir = mkdtempSync(join(tmpdir(), 'coproduce-off-thread-'));
let server: RunningServer;
let cookie = '';
let dashboardPath = '';
let sessionPath = '';
let databasePath = '';
let consultationId = 0;

beforeAll(async () => {
	databasePath = join(dir, 'large.db');
	const db = openDatabase(databasePath);
	const now = new Date();
	await seedDemo(db, { now, password: PASSWORD });
	const one = <T>(text: string) => db.$client.prepare(text).get() as T;
	const { id } = one<{ id: number }>(
		"SELECT id FROM consultation WHERE slug = 'send-partnership-strategy'"
	);
	await generateLargeDataSet(db, id, {
		count: 30_000,
		now,
		days: 30,
		tagRate: 0.3,
		themeIds: await ensureDemoThemes(db, id, now),
		staffUserId: one<{ id: number }>("SELECT id FROM staff_user WHERE role = 'lead'").id
	});
	const session = one<{ id: number }>(
		`SELECT id FROM roadshow_session WHERE consultation_id = ${id} AND cancelled_at IS NULL LIMIT 1`
	);
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	consultationId = id;
	dashboardPath = `/staff/consultations/${id}/insights`;
	sessionPath = `/consultations/send-partnership-strategy/sessions/${session.id}`;

	// One process, so the dashboards and the session pages all go to the same one.
	server = await startServer({ DATABASE_URL: databasePath });
	const signIn = await fetch(`${server.url}/staff/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: 'lead@example.org', password: PASSWORD })
	});
	cookie = (
		signIn.headers.getSetCookie().find((c) => c.startsWith('coproduce_session=')) ?? ''
	).split(';')[0];
}, 180_000);

afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function dashboard(query = '') {
	const response = await fetch(`${server.url}${dashboardPath}${query}`, { headers: { cookie } });
	const body = await response.text();
	return { status: response.status, body, at: performance.now() };
}

async function sessionPage() {
	const response = await fetch(`${server.url}${sessionPath}`);
	await response.text();
	return { status: response.status, at: performance.now() };
}

describe('the dashboard off the request thread', () => {
	it('answers the public session page while dashboards over 30,000 responses are counted', async () => {
		expect(cookie).not.toBe('');
		// Warm up: the reader thread starts on first use.
		const first = await dashboard();
		expect(first.status).toBe(200);
		expect(first.body).toContain('Feedback dashboard');
		expect((await sessionPage()).status).toBe(200);

		// Filtered by dates, a dashboard counts the rows themselves (no filter reads the running
		// totals, which take milliseconds): hundreds of ms each over 30,000 responses.
		const day = (daysAgo: number) =>
			new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
		const dates = (from: number, to: number) => `?from=${day(from)}&to=${day(to)}`;
		const dashboards = Promise.all([dashboard(dates(28, 2)), dashboard(dates(25, 3))]);
		await new Promise((r) => setTimeout(r, 20));
		const pages = [];
		for (let i = 0; i < 5; i++) pages.push(await sessionPage());
		const done = await dashboards;

		expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200, 200]);
		for (const d of done) {
			expect(d.status).toBe(200);
			expect(d.body).toContain('Feedback dashboard');
		}
		// All five pages were answered before either dashboard was.
		expect(Math.max(...pages.map((p) => p.at))).toBeLessThan(Math.min(...done.map((d) => d.at)));
	}, 120_000);

	it('counts a filtered dashboard on the built worker to the same figures as in-thread', async () => {
		const chunks = resolve('build', 'server', 'chunks', 'chunks');
		const entry = readdirSync(chunks).find((f) => /^countingWorker.*\.js$/.test(f))!;
		expect(entry).toBeDefined();
		const pool = new ReaderPool(
			() => new Worker(join(chunks, entry), { workerData: { role: WORKER_ROLE } }),
			1
		);
		const db = openDatabase(databasePath) as Db;
		const from = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
		const to = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
		const cases: InsightFilters[] = [
			{},
			{ audience: 'parents_carers', channel: 'online' },
			{ channel: 'paper', from, to },
			{ audience: 'practitioners', from }
		];
		try {
			for (const filters of cases) {
				const inThread = await countDashboard(db, consultationId, filters);
				const onWorker = await pool.run({ databasePath, consultationId, filters, options: {} });
				expect(onWorker).toEqual(inThread);
				expect(inThread.matching).toBeGreaterThan(0);
			}
		} finally {
			db.$client.close();
		}
	}, 120_000);
});
