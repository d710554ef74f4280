// The production build on a fresh throw-away database, for the browser tests and benchmarks.
import { rmSync } from 'node:fs';

const path = process.env.DATABASE_PATH;
if (!path || !path.includes('coproduce-test')) {
	console.error('serve-test needs DATABASE_PATH naming a coproduce-test database');
	process.exit(1);
}
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
await import('./server.mjs');
