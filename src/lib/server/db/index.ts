import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { RunResult } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { getConfig } from '../config';

export { schema };
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(process.env.MIGRATIONS_PATH ?? 'drizzle/sqlite');

/** Opens (creating if needed) a database file, or ':memory:', and brings its schema up to date. */
export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	// Writers queue for the lock instead of failing at once with SQLITE_BUSY.
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = drizzle(sqlite, { schema });
	migrateWithForeignKeysOff(db);
	return db;
}

/**
 * SQLite adds a CHECK or a foreign key by rebuilding the table, and dropping the old table with
 * foreign keys on would cascade-delete every row that refers to it. The migrator runs inside one
 * transaction, where the migrations' own `PRAGMA foreign_keys=OFF` does nothing, so they are
 * turned off around it, then every reference is checked before the database is used.
 */
function migrateWithForeignKeysOff(db: Db): void {
	db.$client.pragma('foreign_keys = OFF');
	try {
		migrate(db, { migrationsFolder });
	} finally {
		db.$client.pragma('foreign_keys = ON');
	}
	const broken = db.$client.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
	if (broken.length > 0) {
		const pairs = [...new Set(broken.map((b) => `${b.table} -> ${b.parent}`))].join(', ');
		throw new Error(`The database has ${broken.length} rows whose references are broken: ${pairs}`);
	}
}

let shared: Db | undefined;

/** The process-wide database named by DATABASE_PATH. */
export function getDb(): Db {
	shared ??= openDatabase(getConfig().DATABASE_PATH);
	return shared;
}

/** Lets tests and scripts point the process at a database of their own. */
export function setDb(db: Db): void {
	shared = db;
}

/** A transaction handle, for functions that must run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database or a transaction on it: what helpers that run inside a caller's transaction take. */
export type Queryable = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;
export type DbOrTx = Queryable;

/**
 * Prepared queries, built once per database connection: building a drizzle query costs about ten
 * times running it, so hot paths (a booking, a saved answer) prepare theirs. They run inside a
 * transaction on the same connection as well as outside one.
 */
export function preparedPerDatabase<T>(build: (db: Db) => T): (db: Db) => T {
	const cache = new WeakMap<Db, T>();
	return (db) => {
		let built = cache.get(db);
		if (!built) cache.set(db, (built = build(db)));
		return built;
	};
}

const immediateRunner = preparedPerDatabase((db) =>
	db.$client.transaction((fn: () => unknown) => fn())
);

/**
 * Runs fn in one BEGIN IMMEDIATE transaction (a savepoint inside another), rolled back if it
 * throws. better-sqlite3's own wrapper, built once per connection: drizzle's db.transaction builds
 * a transaction object on every call. For hot paths whose statements are prepared.
 */
export function immediateTransaction<T>(db: Db, fn: () => T): T {
	return immediateRunner(db).immediate(fn) as T;
}
