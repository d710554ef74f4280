// npm run bench:insights [-- --responses 1000000] — the dashboard at 100,000 responses (about 1.3
// million answers) in a throw-away database, served by the production server as its own process
// tree (SERVER_PROCESSES, default 2), with this process as the load generator:
// - dashboard_p50_ms: one lead loading the dashboard, one load after another;
// - dashboard_to_sql_ratio: that against the dashboard's queries run straight on the database here;
// - public_p99_idle_ms / public_p99_during_dashboard_ms: the public session page under load, alone
//   and while 4 leads reload the dashboard;
// - disclosure_ms: disclosure control over the dashboard's figures (in this process), at 100,000
//   responses and on the demo's 300 (unfiltered and channel=paper). Needs `npm run build`.
//   BENCH_SECONDS (10), BENCH_CLIENTS (16: public page clients), BENCH_LOADS (20)
// On the engine DATABASE_URL names; npm run bench:insights runs it on both (bench/engines.ts).
import { parseArgs } from 'node:util';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { closeDatabase, onlyRow } from '../src/lib/server/db';
import {
	answer,
	consultation,
	response,
	roadshowSession,
	staffUser
} from '../src/lib/server/db/schema';
import { seedDemo } from '../src/lib/server/demo/seed';
import { ensureDemoThemes, generateLargeDataSet } from '../src/lib/server/demo/responses';
import { loadDashboardFigures } from '../src/lib/server/insights/dashboard';
import { protectDashboard } from '../src/lib/server/insights/disclosure';
import { openFixtureDatabase } from '../tests/integration/booking-fixture';
import { createThrowAwayDatabase } from '../tests/integration/server';
import {
	databaseCpuReader,
	PROCESSES,
	SECONDS,
	helloWorldCpuMs,
	httpClient,
	peakProcessMb,
	percentile,
	print,
	requireBuild,
	runFor,
	serverCpuMs,
	startBenchServer
} from './lib';

const { values: args } = parseArgs({ options: { responses: { type: 'string' } } });
const RESPONSES = Number(args.responses ?? process.env.BENCH_RESPONSES ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const LEADS = 4;
/** Dashboard loads timed (BENCH_LOADS): fewer at a million, where each takes seconds. */
const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const PASSWORD = 'bench password for the lead';

requireBuild();
const database = await createThrowAwayDatabase();
const db = await openFixtureDatabase(database.url);
const now = new Date();
await seedDemo(db, { now, password: PASSWORD });
const consultationId = onlyRow(
	await db
		.select({ id: consultation.id })
		.from(consultation)
		.where(eq(consultation.slug, 'send-partnership-strategy'))
).id;
const sessionId = onlyRow(
	await db
		.select({ id: roadshowSession.id })
		.from(roadshowSession)
		.where(
			and(eq(roadshowSession.consultationId, consultationId), isNull(roadshowSession.cancelledAt))
		)
		.orderBy(desc(roadshowSession.startsAt))
		.limit(1)
).id;
const rowsIn = async (table: typeof response | typeof answer) =>
	onlyRow(await db.select({ n: count() }).from(table)).n;
/** Median time disclosure control takes over one set of dashboard figures, in this process. */
const disclosureMs = async (filters: Parameters<typeof loadDashboardFigures>[2]) => {
	const figures = await loadDashboardFigures(db, consultationId, filters);
	const times: number[] = [];
	for (let i = 0; i < LOADS; i++) {
		const t = performance.now();
		protectDashboard(figures);
		times.push(performance.now() - t);
	}
	return percentile(times, 50);
};
// The demo's 300 responses, where small counts (and so secondary suppression) are common.
const disclosureDemo = await disclosureMs({});
const disclosureDemoPaper = await disclosureMs({ channel: 'paper' });
const existing = await rowsIn(response);
await generateLargeDataSet(db, consultationId, {
	count: RESPONSES - existing,
	now,
	days: 30,
	tagRate: 0.3,
	themeIds: await ensureDemoThemes(db, consultationId, now),
	staffUserId: onlyRow(
		await db.select({ id: staffUser.id }).from(staffUser).where(eq(staffUser.role, 'lead'))
	).id
});
const responses = await rowsIn(response);
const answers = await rowsIn(answer);

const server = await startBenchServer({ DATABASE_URL: database.url });
/** PostgreSQL's own CPU, when it is a cluster on this machine; SQLite's is the server's. */
const databaseCpu = await databaseCpuReader(database.url);
try {
	const send = httpClient(server.url, CLIENTS + LEADS);
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

	const dashboard = `/staff/consultations/${consultationId}/insights`;
	const loadDashboardPage = async () => {
		const reply = await send('GET', dashboard, { cookie });
		if (reply.status !== 200 || !reply.body.includes('Feedback dashboard'))
			throw new Error(`dashboard answered ${reply.status}`);
	};
	const publicPage = `/consultations/send-partnership-strategy/sessions/${sessionId}`;
	const loadPublicPage = async () => {
		const reply = await send('GET', publicPage);
		if (reply.status !== 200) throw new Error(`the session page answered ${reply.status}`);
	};

	// One lead, one load after another.
	for (let i = 0; i < 2 * PROCESSES; i++) await loadDashboardPage(); // warm up every process
	const single: number[] = [];
	for (let i = 0; i < LOADS; i++) {
		const t = performance.now();
		await loadDashboardPage();
		single.push(performance.now() - t);
	}
	const cpuBefore = serverCpuMs(server.pid);
	const databaseBefore = databaseCpu?.() ?? 0;
	for (let i = 0; i < 5; i++) await loadDashboardPage();
	const dashboardCpu = (serverCpuMs(server.pid) - cpuBefore) / 5;
	const dashboardDatabaseCpu = ((databaseCpu?.() ?? 0) - databaseBefore) / 5;

	// The same counting, straight on the database in this process.
	for (let i = 0; i < 2; i++) await loadDashboardFigures(db, consultationId, {});
	const raw: number[] = [];
	for (let i = 0; i < LOADS; i++) {
		const t = performance.now();
		await loadDashboardFigures(db, consultationId, {});
		raw.push(performance.now() - t);
	}
	const disclosureLarge = await disclosureMs({});

	// The public page alone, then while 4 leads reload the dashboard.
	await runFor(2, CLIENTS, loadPublicPage); // warm up
	const idle = await runFor(SECONDS, CLIENTS, loadPublicPage);
	let reloading = true;
	const leadLoads: number[] = [];
	const leads = Array.from({ length: LEADS }, async () => {
		while (reloading) {
			const t = performance.now();
			await loadDashboardPage();
			leadLoads.push(performance.now() - t);
		}
	});
	const busy = await runFor(SECONDS, CLIENTS, loadPublicPage);
	reloading = false;
	await Promise.all(leads);

	print('responses', responses);
	print('answers', answers);
	print('dashboard_p50_ms', percentile(single, 50));
	print('dashboard_p95_ms', percentile(single, 95));
	print('raw_sql_ms', percentile(raw, 50));
	print('dashboard_to_sql_ratio', percentile(single, 50) / percentile(raw, 50));
	print('dashboard_server_cpu_ms', dashboardCpu);
	if (databaseCpu) print('dashboard_database_cpu_ms', dashboardDatabaseCpu);
	print('disclosure_ms', disclosureLarge);
	print('disclosure_ms_demo_300_responses', disclosureDemo);
	print('disclosure_ms_demo_channel_paper', disclosureDemoPaper);
	print('public_p99_idle_ms', percentile(idle.latencies, 99));
	print('public_p99_during_dashboard_ms', percentile(busy.latencies, 99));
	print('public_per_s_idle', Math.round(idle.latencies.length / idle.elapsedSeconds));
	print('public_per_s_during_dashboard', Math.round(busy.latencies.length / busy.elapsedSeconds));
	print('dashboard_p50_ms_4_leads', percentile(leadLoads, 50));
	print('machine_hello_cpu_ms_per_request', await helloWorldCpuMs());
	print('server_processes', PROCESSES);
	print('peak_process_mb', Math.round(peakProcessMb(server.pid)));
} finally {
	await closeDatabase(db);
	await server.stop();
	await database.remove();
}
