// The production build on a fresh throw-away database, for the browser tests: DATABASE_URL names
// a SQLite file or a PostgreSQL database with "coproduce-test" / "coproduce_test" in its name
// (so a real installation's is never touched), emptied before the server starts.
import { rmSync } from 'node:fs';

const database = process.env.DATABASE_URL ?? '';
if (!/coproduce[-_]test/.test(database)) {
	console.error('serve-test needs DATABASE_URL naming a coproduce-test database');
	process.exit(1);
}
if (/^postgres(ql)?:\/\//i.test(database)) {
	const { default: pg } = await import('pg');
	const url = new URL(database);
	const name = url.pathname.slice(1);
	url.pathname = '/postgres';
	const admin = new pg.Client(url.toString());
	await admin.connect();
	await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
	await admin.query(`CREATE DATABASE "${name}"`);
	await admin.end();
} else for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
await import('./server.mjs');
