// PostgreSQL for tests: TEST_POSTGRES_URL when given, else a throw-away cluster (Debian's
// binaries) started on first use and stopped when the test file ends. Tests skip without either.
import { afterAll } from 'vitest';
import pg from 'pg';
import { postgresBin, startPostgresCluster } from '../../../../scripts/postgres-cluster.mjs';

export const postgresAvailable = Boolean(process.env.TEST_POSTGRES_URL || postgresBin());

let admin: Promise<string> | undefined;
let stopCluster: (() => void) | undefined;
const pools: pg.Pool[] = [];
let databases = 0;

afterAll(async () => {
	await Promise.all(pools.splice(0).map((p) => p.end()));
	stopCluster?.();
});

function adminUrl(): Promise<string> {
	admin ??= (async () => {
		if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
		const cluster = await startPostgresCluster();
		if (!cluster) throw new Error('PostgreSQL is not installed.');
		stopCluster = cluster.stop;
		return cluster.url;
	})();
	return admin;
}

/** The URL of a new, empty database. */
export async function emptyDatabase(): Promise<string> {
	const url = await adminUrl();
	const name = `coproduce_test_${process.pid}_${++databases}`;
	const client = new pg.Client(url);
	await client.connect();
	await client.query(`CREATE DATABASE ${name}`);
	await client.end();
	return url.replace(/\/[^/]*$/, `/${name}`);
}

/** Closes the pool when the test file ends. */
export function closeAtEnd<T extends { $client: pg.Pool } | pg.Pool>(handle: T): T {
	pools.push('$client' in handle ? handle.$client : handle);
	return handle;
}
