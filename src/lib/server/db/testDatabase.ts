// A fresh, migrated database for each test, on the engine the run is for: SQLite ':memory:', or,
// when the suite runs on PostgreSQL (DATABASE_URL=postgres://…, scripts/test.mjs), a new database
// copied from a template this test worker migrated once (CREATE DATABASE … TEMPLATE), dropped
// when the test file ends.
import { afterAll } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { databaseTarget } from '../config';
import { openDatabase, openDatabaseAt, closeDatabase, type Db } from './index';

/** The engine this run's tests use. */
export const testEngine = databaseTarget().engine;

let template: Promise<{ admin: string; name: string }> | undefined;
const opened: { db: Db; name: string }[] = [];
// A worker process runs several test files, each starting this module afresh: names carry a
// random part so that no two files of one worker ask for the same database.
const run = randomBytes(4).toString('hex');
let count = 0;

async function adminQuery(url: string, text: string): Promise<void> {
	const client = new pg.Client(url);
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

const withDatabase = (url: string, name: string) => url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);

function templateDatabase(url: string): Promise<{ admin: string; name: string }> {
	template ??= (async () => {
		const name = `coproduce_template_${process.pid}`;
		await adminQuery(url, `DROP DATABASE IF EXISTS ${name}`);
		await adminQuery(url, `CREATE DATABASE ${name}`);
		await closeDatabase(await openDatabaseAt({ engine: 'postgres', url: withDatabase(url, name) }));
		return { admin: url, name };
	})();
	return template;
}

afterAll(async () => {
	const done = opened.splice(0);
	await Promise.all(done.map(({ db }) => closeDatabase(db)));
	if (!template || done.length === 0) return;
	const { admin } = await template;
	for (const { name } of done)
		await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

/** A new database with the schema and nothing else. */
export async function openTestDatabase(): Promise<Db> {
	const target = databaseTarget();
	if (target.engine === 'sqlite') return openDatabase(':memory:');
	const { admin, name: templateName } = await templateDatabase(target.url);
	const name = `coproduce_test_${process.pid}_${run}_${++count}`;
	await adminQuery(admin, `CREATE DATABASE ${name} TEMPLATE ${templateName}`);
	const db = await openDatabaseAt({ engine: 'postgres', url: withDatabase(admin, name) });
	opened.push({ db, name });
	return db;
}
