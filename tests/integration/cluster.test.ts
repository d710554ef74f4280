// npm start's cluster on the real build: the set number of processes, housekeeping in exactly one,
// and a process killed with kill -9 replaced (taking over housekeeping) while the other serves.
import { execFileSync, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processCount } from '../../scripts/cluster.mjs';
import { startServer, type RunningServer } from './server';

let server: RunningServer & { pid: number };
const housekeepers: number[] = [];
let listening = 0;

function workerPids(): number[] {
	try {
		return execFileSync('pgrep', ['-P', String(server.pid)], { encoding: 'utf8' })
			.trim()
			.split('\n')
			.filter(Boolean)
			.map(Number);
	} catch {
		return [];
	}
}

/** One GET on a fresh connection (no keep-alive), so each request is dealt to a live process. */
function getStatus(url: string): Promise<number | 'failed'> {
	return new Promise((resolve) => {
		// A connection handed to the process as it is killed may never be answered: give up on it.
		get(url, { agent: false, timeout: 5_000 }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		})
			.on('timeout', function (this: import('node:http').ClientRequest) {
				this.destroy();
			})
			.on('error', () => resolve('failed'));
	});
}

async function until<T>(what: string, check: () => T | undefined | false, ms = 30_000) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		const value = check();
		if (value) return value;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
	// The test reads the server's "housekeeping started" lines.
	server = await startServer({ LOG_LEVEL: 'info', SERVER_PROCESSES: '2' }, [], {
		entry: ['scripts/cluster.mjs', 'scripts/server.mjs'],
		onOutput: (line) => {
			if (line.startsWith('Listening on')) listening++;
			if (line.includes('housekeeping started')) housekeepers.push(JSON.parse(line).pid);
		}
	});
});

afterAll(async () => {
	await server?.stop();
});

describe('the server cluster', () => {
	it('runs the set number of processes, with housekeeping in exactly one', async () => {
		await until('both processes listening', () => listening === 2);
		const pids = workerPids();
		expect(pids).toHaveLength(2);
		expect(housekeepers).toHaveLength(1);
		expect(pids).toContain(housekeepers[0]);
	});

	it('replaces a killed process and moves housekeeping to the replacement', async () => {
		const killed = housekeepers[0];
		const statuses: Array<number | 'failed'> = [];
		let serving = true;
		const load = (async () => {
			while (serving) statuses.push(await getStatus(server.url));
		})();
		await until('requests under way', () => statuses.length > 5);

		process.kill(killed, 'SIGKILL');
		await until('a replacement listening', () => listening === 3);
		serving = false;
		await load;

		const pids = workerPids();
		expect(pids).toHaveLength(2);
		expect(pids).not.toContain(killed);
		expect(housekeepers).toHaveLength(2);
		expect(pids).toContain(housekeepers[1]);
		// At most the one request the killed process was answering is lost; the other process
		// answered everything else while the replacement started.
		expect(statuses.filter((s) => s === 'failed').length).toBeLessThanOrEqual(1);
		expect(statuses.filter((s) => s !== 200 && s !== 'failed')).toEqual([]);
		expect(await getStatus(server.url)).toBe(200);
	});
});

describe('SERVER_PROCESSES', () => {
	it('defaults to one process per core and refuses anything but a whole number from 1 to 64', () => {
		expect(processCount(undefined)).toBeGreaterThanOrEqual(1);
		expect(processCount('1')).toBe(1);
		expect(processCount('64')).toBe(64);
		for (const bad of ['0', '65', '1.5', 'two', '-1'])
			expect(() => processCount(bad)).toThrow(/SERVER_PROCESSES/);
	});

	it('stops with an error instead of restarting a first process that cannot start', () => {
		const started = Date.now();
		const result = spawnSync(process.execPath, ['scripts/cluster.mjs', 'scripts/server.mjs'], {
			env: { ...process.env, SERVER_PROCESSES: '2', BOOKING_MAX_PARTY: '0', PORT: '0' },
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(result.status).not.toBe(0);
		expect(result.signal).toBeNull();
		expect(Date.now() - started).toBeLessThan(30_000);
	});
});
