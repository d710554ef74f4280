// Starts the production build (build/) on a throw-away database and a free port, for integration
// tests and benchmarks that must exercise the real server.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { databaseTarget } from '../../src/lib/server/config';

/** RATE_LIMITS settings for load tests, where every client shares the test machine's address. */
export const UNLIMITED_BOOKING =
	'booking_start_address=1000000/60,booking_step_address=1000000/60,booking_email_address=1000000/60,booking_confirm_address=1000000/60,booking_confirm_session=1000000/60';
export const UNLIMITED_QUESTIONNAIRES =
	'questionnaire_start_address=1000000/60,questionnaire_answer_address=1000000/60';

/** What the server's DATABASE_URL is set to: a SQLite file path or a postgres:// URL. */
export type RunningServer = { url: string; databaseUrl: string; stop: () => Promise<void> };

export type ThrowAwayDatabase = { url: string; remove: () => Promise<void> };

async function onServer(adminUrl: string, text: string): Promise<void> {
	const client = new pg.Client(adminUrl);
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

/**
 * A new, empty database on the engine this process is set for: a SQLite file in a scratch
 * folder, or, when DATABASE_URL names PostgreSQL (the suite's PostgreSQL run, a benchmark on
 * PostgreSQL), a new database on that server. The server that opens it migrates it.
 */
export async function createThrowAwayDatabase(): Promise<ThrowAwayDatabase> {
	const target = databaseTarget();
	if (target.engine === 'postgres') {
		const name = `coproduce_server_${process.pid}_${randomBytes(4).toString('hex')}`;
		await onServer(target.url, `CREATE DATABASE ${name}`);
		const url = new URL(target.url);
		url.pathname = `/${name}`;
		return {
			url: url.toString(),
			remove: () => onServer(target.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'coproduce-test-'));
	return {
		url: join(dir, 'coproduce-test.db'),
		remove: async () => rmSync(dir, { recursive: true, force: true })
	};
}

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
 * `env` adds settings, e.g. SEED_DEMO: 'false', or DATABASE_URL for a database the caller
 * prepared (then the caller removes it); `nodeArgs` go to node itself, e.g. --cpu-prof when
 * profiling a benchmark. Otherwise the server gets a throw-away database, removed on stop.
 */
export async function startServer(
	env: Record<string, string> = {},
	nodeArgs: string[] = [],
	{ entry = ['scripts/server.mjs'], onOutput }: ServerOptions = {}
): Promise<RunningServer & { pid: number }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const own = env.DATABASE_URL ? undefined : await createThrowAwayDatabase();
	const databaseUrl = env.DATABASE_URL ?? own!.url;
	// The server is the production build, not part of the test run: it logs as configured.
	const { VITEST: _testRun, ...inherited } = process.env;
	const child = spawn(process.execPath, [...nodeArgs, ...entry], {
		env: {
			...inherited,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			SEED_DEMO: 'false',
			LOG_LEVEL: 'warn',
			...env,
			DATABASE_URL: databaseUrl
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
	try {
		await waitForServer(url, child, 30_000);
	} catch (error) {
		child.kill('SIGKILL');
		await own?.remove();
		throw error;
	}
	return {
		url,
		databaseUrl,
		pid: child.pid!,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			await own?.remove();
		}
	};
}
