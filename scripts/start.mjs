// npm start: build when the source has changed since the last build, then serve the production
// server on http://localhost:3000 with one process per core (scripts/cluster.mjs). Migrations and
// the demo seed run as the first process starts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { processCount, startCluster } from './cluster.mjs';

const port = process.env.PORT ?? '3000';
const env = {
	...process.env,
	PORT: port,
	ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
	NODE_ENV: 'production'
};

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const builtAt = newest('build/handler.js');
const changedAt = Math.max(
	...['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].map(newest)
);
if (builtAt < changedAt) {
	console.log('Building Coproduce (first start or changed source)…');
	const result = spawnSync('npx', ['vite', 'build'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (result.status !== 0) {
		console.error('The build failed: see the messages above.');
		process.exit(result.status ?? 1);
	}
}

const processes = processCount();
console.log(
	`Starting Coproduce on ${env.ORIGIN} (${processes} server ${processes === 1 ? 'process' : 'processes'})`
);
const servers = startCluster({ exec: 'build/index.js', processes, env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => servers.stop());
