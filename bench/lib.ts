// What the benchmarks share: the production server as its own process tree (scripts/cluster.mjs
// with SERVER_PROCESSES), a keep-alive HTTP client (this process is the load generator, so its
// cost never counts as the server's), and the server's own CPU time read from /proc.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import {
	startServer,
	UNLIMITED_BOOKING,
	UNLIMITED_QUESTIONNAIRES,
	type RunningServer
} from '../tests/integration/server';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Server processes: all cores by default, as npm start runs. */
export const PROCESSES = Number(process.env.SERVER_PROCESSES ?? 2);

export function requireBuild() {
	if (!existsSync('build/index.js')) {
		console.error('Run npm run build first: the benchmark starts the production server.');
		process.exit(1);
	}
}

export const print = (name: string, value: number) =>
	console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(2)}`);

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export type BenchServer = RunningServer & { pid: number };

/** The cluster primary and its workers, every one listening, on a throw-away database. */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
	let listening = 0;
	const server = await startServer(
		// Connections idle while the benchmark works elsewhere stay open (adapter-node's 5 s
		// default could close one just as a request is sent on it).
		{
			SERVER_PROCESSES: String(PROCESSES),
			LOG_LEVEL: 'warn',
			KEEP_ALIVE_TIMEOUT: '120',
			// The load generator is one address: lift the per-address limits for the load test.
			RATE_LIMITS: `${UNLIMITED_BOOKING},${UNLIMITED_QUESTIONNAIRES}`,
			...env
		},
		// e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof": every server process profiles itself.
		process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
		{
			entry: ['scripts/cluster.mjs', 'scripts/server.mjs'],
			onOutput: (line) => {
				if (line.startsWith('Listening on')) listening++;
				// BENCH_SERVER_LOG=1 shows what the server logs (warnings and errors) on stderr.
				else if (process.env.BENCH_SERVER_LOG) console.error(line);
			}
		}
	);
	const deadline = Date.now() + 30_000;
	while (listening < PROCESSES) {
		if (Date.now() > deadline) throw new Error('not every server process started');
		await new Promise((r) => setTimeout(r, 50));
	}
	return server;
}

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

type ProcStat = { pid: number; ppid: number; cpuTicks: number };

function readStat(pid: number): ProcStat | undefined {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name, which is in parentheses and may hold spaces.
		const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
		// f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, and cutime 16, cstime 17
		// (children that have ended): PostgreSQL's autovacuum workers and closed connections come
		// and go during a run, and a sum over the living alone would go down when one ends.
		const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i]), 0);
		return { pid, ppid: Number(f[1]), cpuTicks: ticks };
	} catch {
		return undefined;
	}
}

/** The server's process and all its descendants (the cluster's workers). */
export function processTree(root: number): number[] {
	const stats = readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map((name) => readStat(Number(name)))
		.filter((s): s is ProcStat => s !== undefined);
	const tree = [root];
	for (let i = 0; i < tree.length; i++)
		for (const s of stats) if (s.ppid === tree[i]) tree.push(s.pid);
	return tree;
}

/** CPU time (user + system, every thread) of the server's whole process tree, ended children included, in ms. */
export function serverCpuMs(root: number): number {
	return (
		(processTree(root).reduce((sum, pid) => sum + (readStat(pid)?.cpuTicks ?? 0), 0) * 1000) /
		ticksPerSecond
	);
}

/**
 * A reader of the CPU time (ms) PostgreSQL's own processes have used, when the database is a
 * PostgreSQL on this machine whose data folder the benchmark can read (the throw-away cluster of
 * bench/engines.ts); null for SQLite, which works inside the server's processes, or when the
 * server is elsewhere.
 */
export async function databaseCpuReader(databaseUrl: string): Promise<(() => number) | null> {
	if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) return null;
	const { default: pg } = await import('pg');
	const client = new pg.Client(databaseUrl);
	try {
		await client.connect();
		const { rows } = await client.query<{ dir: string }>(
			"SELECT current_setting('data_directory') AS dir"
		);
		const postmaster = Number(readFileSync(`${rows[0].dir}/postmaster.pid`, 'utf8').split('\n')[0]);
		return Number.isInteger(postmaster) && postmaster > 0 ? () => serverCpuMs(postmaster) : null;
	} catch {
		return null;
	} finally {
		await client.end();
	}
}

/** The largest peak resident memory of any one server process, in MB. */
export function peakProcessMb(root: number): number {
	let peak = 0;
	for (const pid of processTree(root)) {
		try {
			const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
			peak = Math.max(peak, Number(kb ?? 0) / 1024);
		} catch {
			// gone
		}
	}
	return peak;
}

export type Reply = { status: number; location: string | null; body: string };

/** Requests as a browser without JavaScript sends them, over keep-alive connections. */
export function httpClient(base: string, connections: number) {
	const agent = new Agent({ keepAlive: true, maxSockets: connections });
	const origin = new URL(base).origin;
	return (
		method: 'GET' | 'POST',
		path: string,
		options: { form?: Record<string, string>; accept?: string; cookie?: string } = {}
	): Promise<Reply> => send(method, path, options, true);
	function send(
		method: 'GET' | 'POST',
		path: string,
		options: { form?: Record<string, string>; accept?: string; cookie?: string },
		retry: boolean
	): Promise<Reply> {
		return new Promise((resolve, reject) => {
			const body = method === 'POST' ? new URLSearchParams(options.form ?? {}).toString() : '';
			const req = request(
				`${base}${path}`,
				{
					method,
					agent,
					headers: {
						accept: options.accept ?? 'text/html',
						...(options.cookie ? { cookie: options.cookie } : {}),
						...(method === 'POST'
							? {
									origin,
									'content-type': 'application/x-www-form-urlencoded',
									'content-length': Buffer.byteLength(body)
								}
							: {})
					}
				},
				(res) => {
					res.on('error', reject);
					res.on('close', () => {
						if (!res.complete) reject(new Error(`${method} ${path}: the response was cut short`));
					});
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({
							status: res.statusCode ?? 0,
							location: res.headers.location ?? null,
							body: Buffer.concat(chunks).toString()
						})
					);
				}
			);
			req.on('error', (e: NodeJS.ErrnoException) => {
				// A kept-alive connection the server closed just as this request went out on it:
				// the request never reached the server, so sending it again is safe.
				if (retry && req.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE'))
					send(method, path, options, false).then(resolve, reject);
				else reject(e);
			});
			req.end(body);
		});
	}
}

/** `clients` loops running `operation` until the time is up; each operation's latency in ms. */
export async function runFor(
	seconds: number,
	clients: number,
	operation: () => Promise<void>
): Promise<{ latencies: number[]; elapsedSeconds: number }> {
	const latencies: number[] = [];
	const started = performance.now();
	const deadline = started + seconds * 1000;
	await Promise.all(
		Array.from({ length: clients }, async () => {
			while (performance.now() < deadline) {
				const t = performance.now();
				await operation();
				latencies.push(performance.now() - t);
			}
		})
	);
	return { latencies, elapsedSeconds: (performance.now() - started) / 1000 };
}

/**
 * How fast this machine is now: the CPU per request of a bare node:http "hello" server, driven
 * the same way. A shared machine under load gives every figure above more CPU than an idle one.
 */
export async function helloWorldCpuMs(requests = 3_000): Promise<number> {
	const child = spawn(
		process.execPath,
		[
			'-e',
			"const s = require('node:http').createServer((q, r) => r.end('hello')).listen(0, '127.0.0.1', () => console.log(s.address().port))"
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	try {
		const port = await new Promise<string>((resolve) =>
			child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()))
		);
		const send = httpClient(`http://127.0.0.1:${port}`, 8);
		for (let i = 0; i < 200; i++) await send('GET', '/');
		const before = serverCpuMs(child.pid!);
		let left = requests;
		await Promise.all(
			Array.from({ length: 8 }, async () => {
				while (left-- > 0) await send('GET', '/');
			})
		);
		return (serverCpuMs(child.pid!) - before) / requests;
	} finally {
		child.kill();
	}
}
