// Starts the production build (build/) on a throw-away database and a free port, for integration
// tests and benchmarks that must exercise the real server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** RATE_LIMITS settings for load tests, where every client shares the test machine's address. */
export const UNLIMITED_BOOKING =
	'booking_start_address=1000000/60,booking_step_address=1000000/60,booking_email_address=1000000/60,booking_confirm_address=1000000/60,booking_confirm_session=1000000/60';
export const UNLIMITED_QUESTIONNAIRES =
	'questionnaire_start_address=1000000/60,questionnaire_answer_address=1000000/60';

export type RunningServer = { url: string; databasePath: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server at ${url} did not start within ${timeoutMs} ms`);
}

export type ServerOptions = {
	/** What node runs: the production server by default, or e.g. the cluster primary. */
	entry?: string[];
	/** Each line the server prints to standard output (otherwise ignored). */
	onOutput?: (line: string) => void;
};

/**
 * `env` adds settings, e.g. SEED_DEMO: 'false'; `nodeArgs` go to node itself, e.g. --cpu-prof
 * when profiling a benchmark. The database is removed on stop.
 */
export async function startServer(
	env: Record<string, string> = {},
	nodeArgs: string[] = [],
	{ entry = ['build/index.js'], onOutput }: ServerOptions = {}
): Promise<RunningServer & { pid: number }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const dir = mkdtempSync(join(tmpdir(), 'coproduce-test-'));
	const databasePath = join(dir, 'coproduce-test.db');
	const child = spawn(process.execPath, [...nodeArgs, ...entry], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_PATH: databasePath,
			SEED_DEMO: 'false',
			LOG_LEVEL: 'warn',
			...env
		},
		stdio: ['ignore', onOutput ? 'pipe' : 'ignore', 'inherit']
	});
	if (onOutput && child.stdout) {
		let pending = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			const lines = (pending + chunk).split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) onOutput(line);
		});
	}
	await waitForServer(url, child, 30_000);
	return {
		url,
		databasePath,
		pid: child.pid!,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
