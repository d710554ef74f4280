// npm run bench:booking | bench:responses | bench:insights: one benchmark on each engine, SQLite
// (the embedded default) and then PostgreSQL, each figure printed for both, one under the other:
//   sqlite_html_bookings_per_s: 812
//   postgres_html_bookings_per_s: 640
// PostgreSQL is the server DATABASE_URL names (each run makes a fresh database on it), else a
// throw-away cluster on this machine (Debian's PostgreSQL, fsync on, commits unflushed as SQLite's
// synchronous=NORMAL leaves them). BENCH_ENGINES=sqlite or =postgres runs one engine. Arguments
// after the benchmark's name go to it, e.g. npm run bench:insights -- --responses 1000000.
import { spawn } from 'node:child_process';
import { databaseTarget } from '../src/lib/server/config';
import { startPostgresCluster } from '../scripts/postgres-cluster.mjs';

const [name, ...args] = process.argv.slice(2);
if (!name || !['booking', 'responses', 'insights'].includes(name)) {
	console.error('usage: tsx bench/engines.ts booking|responses|insights [arguments]');
	process.exit(1);
}
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim());

/** Runs the benchmark with DATABASE_URL set (or unset), passing other output through. */
function runBenchmark(databaseUrl: string | undefined): Promise<Map<string, string>> {
	const { DATABASE_URL: _ignored, ...env } = process.env;
	const child = spawn('node_modules/.bin/tsx', [`bench/${name}.ts`, ...args], {
		env: databaseUrl ? { ...env, DATABASE_URL: databaseUrl } : env,
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const figures = new Map<string, string>();
	let pending = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		const lines = (pending + chunk).split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			const figure = /^([a-z0-9_]+): (.*)$/.exec(line);
			if (figure) figures.set(figure[1], figure[2]);
			else console.log(line);
		}
	});
	return new Promise((resolve, reject) =>
		child.on('exit', (code) =>
			code === 0 ? resolve(figures) : reject(new Error(`bench/${name}.ts exited with ${code}`))
		)
	);
}

const results = new Map<string, Map<string, string>>();
if (engines.includes('sqlite')) results.set('sqlite', await runBenchmark(undefined));
if (engines.includes('postgres')) {
	const named = databaseTarget();
	if (named.engine === 'postgres') results.set('postgres', await runBenchmark(named.url));
	else {
		const cluster = await startPostgresCluster({ durable: true });
		if (!cluster) console.log('PostgreSQL is not installed: its figures are left out.');
		else
			try {
				results.set('postgres', await runBenchmark(cluster.url));
			} finally {
				cluster.stop();
			}
	}
}

const names = [...new Set([...results.values()].flatMap((figures) => [...figures.keys()]))];
for (const figure of names)
	for (const [engine, figures] of results)
		if (figures.has(figure)) console.log(`${engine}_${figure}: ${figures.get(figure)}`);
