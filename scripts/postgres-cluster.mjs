// A throw-away PostgreSQL cluster for the tests: initdb into a scratch folder (trust auth, only
// 127.0.0.1, fsync off), started on a free port, stopped and removed afterwards. Uses Debian's
// PostgreSQL binaries when installed (apt-get install postgresql); returns null without them.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed PostgreSQL's bin folder, or null. */
export function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * initdb refuses to run as root: run the cluster as the postgres user then.
 * @param {string} command
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
function asClusterUser(command, args) {
	if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', command, ...args]];
	return [command, args];
}

/** @param {string} command @param {string[]} args */
function run(command, args) {
	const [c, a] = asClusterUser(command, args);
	execFileSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Starts a cluster; resolves to { url, stop } or null when PostgreSQL is not installed. Tests
 * run it without fsync; `durable` (benchmarks) keeps fsync and full-page writes and only leaves
 * commits unflushed, as SQLite's synchronous=NORMAL does: a crash may lose the last commits,
 * never corrupt the database.
 * @param {{ durable?: boolean }} [options]
 * @returns {Promise<{ url: string, stop: () => void, halt: () => void, resume: () => void } | null>}
 */
export async function startPostgresCluster({ durable = false } = {}) {
	const bin = postgresBin();
	if (!bin) return null;
	const dir = mkdtempSync(join(tmpdir(), 'coproduce-pg-'));
	if (process.getuid?.() === 0) {
		chmodSync(dir, 0o777);
		execFileSync('chown', ['postgres', dir]);
	}
	const data = join(dir, 'data');
	const port = await freePort();
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c max_connections=200${durable ? '' : ' -c fsync=off -c full_page_writes=off'}`;
	run(join(bin, 'initdb'), [
		'-D',
		data,
		'-A',
		'trust',
		'-U',
		'postgres',
		'--no-sync',
		'-E',
		'UTF8'
	]);
	run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', options, 'start']);
	const pgCtl = (/** @type {string[]} */ args) => {
		const [c, a] = asClusterUser(join(bin, 'pg_ctl'), ['-D', data, ...args]);
		spawnSync(c, a, { stdio: 'ignore' });
	};
	let stopped = false;
	const stop = () => {
		if (stopped) return;
		stopped = true;
		pgCtl(['-m', 'immediate', 'stop']);
		rmSync(dir, { recursive: true, force: true });
	};
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop,
		// For tests of an outage: the server dies at once, as a crash would, and comes back on the
		// same data (what it had committed is kept).
		halt: () => pgCtl(['-m', 'immediate', 'stop']),
		resume: () => pgCtl(['-l', join(dir, 'log'), '-w', '-o', options, 'start'])
	};
}
