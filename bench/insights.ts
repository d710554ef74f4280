// Dashboard benchmark: 100,000 responses (about 1.3 million answers) in a throw-away database, the
// production build serving it, and the dashboard timed through HTTP against the same aggregation
// run straight on the database. Needs a build first (npx vite build). Prints `name: value` lines.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db';
import { seedDemo } from '../src/lib/server/demo/seed';
import { ensureDemoThemes, generateLargeDataSet } from '../src/lib/server/demo/responses';
import { loadDashboard } from '../src/lib/server/insights/dashboard';
import type { InsightFilters } from '../src/lib/server/insights/filters';
import { startServer } from '../tests/integration/server';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const LOADS = 20;
const PASSWORD = 'bench password for the lead';

if (!existsSync('build/index.js')) {
	console.error('No production build: run `npx vite build` first');
	process.exit(1);
}

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (n: number) => Math.round(n * 10) / 10;

const dir = mkdtempSync(join(tmpdir(), 'coproduce-bench-'));
const databasePath = join(dir, 'coproduce-bench.db');
try {
	// The demo (staff, consultation, questionnaires, 300 responses), then the rest up to RESPONSES.
	const db = openDatabase(databasePath);
	const now = new Date();
	await seedDemo(db, { now, password: PASSWORD });
	const consultationId = (
		db.$client
			.prepare("SELECT id FROM consultation WHERE slug = 'send-partnership-strategy'")
			.get() as { id: number }
	).id;
	const existing = (db.$client.prepare('SELECT count(*) AS n FROM response').get() as { n: number })
		.n;
	const lead = db.$client.prepare("SELECT id FROM staff_user WHERE role = 'lead'").get() as {
		id: number;
	};
	const started = performance.now();
	generateLargeDataSet(db, consultationId, {
		count: RESPONSES - existing,
		now,
		days: 30,
		tagRate: 0.3,
		themeIds: ensureDemoThemes(db, consultationId, now),
		staffUserId: lead.id
	});
	const generateSeconds = (performance.now() - started) / 1000;
	const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
	const responses = count('SELECT count(*) AS n FROM response');
	const answers = count('SELECT count(*) AS n FROM answer');
	db.$client.pragma('wal_checkpoint(TRUNCATE)');

	const server = await startServer({ DATABASE_PATH: databasePath, SEED_DEMO: 'false' });
	try {
		const signIn = await fetch(`${server.url}/staff/sign-in`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: 'lead@example.org', password: PASSWORD })
		});
		const cookie = (
			signIn.headers.getSetCookie().find((c) => c.startsWith('coproduce_session=')) ?? ''
		).split(';')[0];
		if (!cookie) throw new Error(`sign-in failed with status ${signIn.status}`);

		const page = `${server.url}/staff/consultations/${consultationId}/insights`;
		const time = async (url: string) => {
			const t = performance.now();
			const res = await fetch(url, { headers: { cookie } });
			const body = await res.text();
			if (res.status !== 200 || !body.includes('Feedback dashboard'))
				throw new Error(`dashboard answered ${res.status}`);
			return performance.now() - t;
		};
		const run = async (url: string) => {
			for (let i = 0; i < 2; i++) await time(url); // warm up
			const times: number[] = [];
			for (let i = 0; i < LOADS; i++) times.push(await time(url));
			return times;
		};
		const plain = await run(page);
		const filtered = await run(`${page}?audience=parents_carers&need=sensory_physical`);

		// The same aggregation queries, straight on the database in this process.
		const direct = (filters: InsightFilters) => {
			for (let i = 0; i < 2; i++) loadDashboard(db, consultationId, filters);
			const times: number[] = [];
			for (let i = 0; i < LOADS; i++) {
				const t = performance.now();
				loadDashboard(db, consultationId, filters);
				times.push(performance.now() - t);
			}
			return times;
		};
		const raw = direct({});
		const rawFiltered = direct({
			audience: 'parents_carers',
			profile: [{ key: 'type-of-need', value: 'sensory_physical' }]
		});

		console.log(`responses: ${responses}`);
		console.log(`answers: ${answers}`);
		console.log(`generate_seconds: ${round(generateSeconds)}`);
		console.log(`dashboard_p50_ms: ${round(percentile(plain, 50))}`);
		console.log(`dashboard_p95_ms: ${round(percentile(plain, 95))}`);
		console.log(`dashboard_filtered_p50_ms: ${round(percentile(filtered, 50))}`);
		console.log(`raw_sql_ms: ${round(percentile(raw, 50))}`);
		console.log(`raw_sql_filtered_ms: ${round(percentile(rawFiltered, 50))}`);
		console.log(`dashboard_to_sql_ratio: ${round(percentile(plain, 50) / percentile(raw, 50))}`);
	} finally {
		await server.stop();
	}
	db.$client.close();
} finally {
	rmSync(dir, { recursive: true, force: true });
}
