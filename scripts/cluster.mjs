// One server process per core on the shared SQLite database (WAL lets them read while one
// writes; every write rule holds across processes because each is one immediate transaction).
// The first process starts alone so that migrations and the demo seed run once; the rest follow
// when it listens. Housekeeping (reminders, retention) runs in exactly one process at a time, and
// a process that dies is replaced, taking over housekeeping if it had it.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

/**
 * @param {{ exec: string, processes: number, env: NodeJS.ProcessEnv }} options
 * @returns {{ stop: () => void }}
 */
export function startCluster({ exec, processes, env }) {
	cluster.setupPrimary({ exec });
	// The worker that runs housekeeping now.
	const housekeeper = { id: /** @type {number | null} */ (null) };
	let stopping = false;

	/** @param {boolean} housekeeping */
	const fork = (housekeeping) => {
		const worker = cluster.fork({ ...env, HOUSEKEEPING: housekeeping ? 'true' : 'false' });
		if (housekeeping) housekeeper.id = worker.id;
		return worker;
	};

	let started = false;
	const first = fork(true);
	first.once('listening', () => {
		started = true;
		for (let i = 1; i < processes; i++) fork(false);
	});

	cluster.on('exit', (worker, code, signal) => {
		// A first process that cannot start (a bad setting, a broken database) will not do better
		// the second time: stop with its exit code instead of restarting it for ever.
		if (!started) process.exit(code || 1);
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		const hadHousekeeping = housekeeper.id === worker.id;
		console.error(
			`Server process ${worker.process.pid} stopped (${signal ?? `code ${code}`}); starting another.`
		);
		fork(hadHousekeeping);
	});

	return {
		/** Lets each process finish its requests and exit; any still running after 30 s is killed. */
		stop() {
			stopping = true;
			const workers = Object.values(cluster.workers ?? {});
			if (workers.length === 0) process.exit(0);
			for (const worker of workers) worker?.disconnect();
			setTimeout(() => {
				for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
			}, 30_000).unref();
		}
	};
}

/** SERVER_PROCESSES, or one per core. */
export function processCount(value = process.env.SERVER_PROCESSES) {
	if (value === undefined || value === '') return availableParallelism();
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > 64) {
		throw new Error(`SERVER_PROCESSES must be a whole number from 1 to 64, not "${value}"`);
	}
	return n;
}

// `node scripts/cluster.mjs [entry]`: the cluster on its own (npm start builds first, then calls it).
if (import.meta.url === `file://${process.argv[1]}`) {
	const servers = startCluster({
		exec: process.argv[2] ?? 'build/index.js',
		processes: processCount(),
		env: process.env
	});
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => servers.stop());
}
