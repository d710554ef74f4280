// npm run bench:responses — complete 15-question responses as a browser without JavaScript makes
// them: start, then for each question the form post and the page it redirects to, then check
// answers, "Send your response" and the sent page. The production server (demo seeded) runs as its
// own process tree (SERVER_PROCESSES, default 2); this process is the load generator; the server's
// CPU is read from /proc, and PostgreSQL's own beside it when DATABASE_URL names one on this
// machine. Needs `npm run build`. npm run bench:responses runs it on both engines (bench/engines.ts).
//   BENCH_SECONDS (10), BENCH_CLIENTS (32), SERVER_PROCESSES (2)
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
	startBenchServer,
	type Reply
} from './lib';
import {
	DEMO_PARENT_ANSWERS,
	DEMO_PARENTS_START
} from '../tests/integration/questionnaire-journey';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const START = DEMO_PARENTS_START;
const ANSWERS = DEMO_PARENT_ANSWERS;

requireBuild();
const server = await startBenchServer({ SEED_DEMO: 'true', DEMO_PASSWORD: 'benchmark password 1' });
const send = httpClient(server.url, CLIENTS);
/** PostgreSQL's own CPU, when it is a cluster on this machine; SQLite's is the server's. */
const databaseCpu = await databaseCpuReader(server.databaseUrl);

function redirectTarget(reply: Reply, to: RegExp, step: string): string {
	if (reply.status !== 303 || !reply.location || !to.test(reply.location)) {
		throw new Error(
			`${step}: expected a redirect to ${to}, got ${reply.status} ${reply.location ?? reply.body.slice(0, 200)}`
		);
	}
	return new URL(reply.location, server.url).pathname;
}

/** The redirect's page, as the browser shows it next. */
async function follow(reply: Reply, to: RegExp, step: string): Promise<string> {
	const path = redirectTarget(reply, to, step);
	const page = await send('GET', path);
	if (page.status !== 200) throw new Error(`${step}: ${path} answered ${page.status}`);
	return path;
}

try {
	const firstPage = await follow(
		await send('POST', `${START}?/start`),
		/\/q\/priority-1-agree$/,
		'start'
	);
	const versionId = /name="versionId" value="(\d+)"/.exec((await send('GET', firstPage)).body)?.[1];
	if (!versionId) throw new Error('no versionId on the question page');

	async function respond(): Promise<void> {
		await send('GET', START);
		const first = await follow(
			await send('POST', `${START}?/start`),
			/\/q\/priority-1-agree$/,
			'start'
		);
		const base = first.replace(/\/q\/[^/]+$/, '');
		for (const [key, answer] of ANSWERS) {
			await follow(
				await send('POST', `${base}/q/${key}?/answer`, { form: { versionId: versionId!, answer } }),
				/\/(q\/[^/]+|check)$/,
				key
			);
		}
		await follow(await send('POST', `${base}/check`), /\/sent$/, 'send');
	}

	await runFor(2, CLIENTS, respond); // warm up
	const cpuBefore = serverCpuMs(server.pid);
	const databaseBefore = databaseCpu?.() ?? 0;
	const run = await runFor(SECONDS, CLIENTS, respond);
	const cpu = serverCpuMs(server.pid) - cpuBefore;
	const databaseUsed = (databaseCpu?.() ?? 0) - databaseBefore;
	const responses = run.latencies.length;

	print('responses_per_s', responses / run.elapsedSeconds);
	print('server_cpu_ms_per_response', cpu / responses);
	print('server_cpu_ms_per_answer', cpu / responses / ANSWERS.length);
	if (databaseCpu) print('database_cpu_ms_per_response', databaseUsed / responses);
	print('response_p50_ms', percentile(run.latencies, 50));
	print('response_p99_ms', percentile(run.latencies, 99));
	print('questions_per_response', ANSWERS.length);
	print('requests_per_response', 3 + ANSWERS.length * 2 + 2);
	print('machine_hello_cpu_ms_per_request', await helloWorldCpuMs());
	print('server_processes', PROCESSES);
	print('peak_process_mb', Math.round(peakProcessMb(server.pid)));
} finally {
	await server.stop();
}
