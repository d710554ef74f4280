// The database handle every domain function takes, and the few things done the same way on
// both engines: transactions, first and only rows, rows changed, hand-written SQL. The SQLite
// engine is in sqlite.ts, PostgreSQL's in postgres.ts (not yet selectable for the app: issue 16).
import type { SQL } from 'drizzle-orm';
import type { RunResult } from 'better-sqlite3';
import * as schema from './schema';
import { getConfig } from '../config';
import { engineOf } from './engine';
import { openReadOnlySqlite, openSqlite, type SqliteHandle } from './sqlite';

export { schema };
/** A database handle. The app's code is typed against the SQLite schema and driver. */
export type Db = SqliteHandle;

/** Opens (creating if needed) a SQLite file, or ':memory:', and brings its schema up to date. */
export const openDatabase: (path: string) => Db = openSqlite;
/** A read-only handle on an existing SQLite file, for a worker thread that only counts. */
export const openReadOnlyDatabase: (path: string) => Db = openReadOnlySqlite;

type PgExecute = { execute(query: SQL): Promise<{ rows: unknown[] }> };

let shared: Db | undefined;

/** The process-wide database named by DATABASE_PATH. */
export function getDb(): Db {
	shared ??= openDatabase(getConfig().DATABASE_PATH);
	return shared;
}

/** Closes a handle (a script's last step, so the process can end): the file, or the pool. */
export async function closeDatabase(db: Db): Promise<void> {
	if (engineOf(db).dialect === 'postgres')
		await (db.$client as unknown as { end(): Promise<void> }).end();
	else db.$client.close();
}

/** Lets tests and scripts point the process at a database of their own. */
export function setDb(db: Db): void {
	shared = db;
}

/** A handle inside a transaction (withWriteTransaction gives it to its work). */
export type Tx = Db;
/** A database or a transaction on it: what helpers that run inside a caller's transaction take. */
export type Queryable = Db;
export type DbOrTx = Db;

/**
 * Prepared queries, built once per database handle: building a drizzle query costs about ten
 * times running it, so hot paths (a booking, a saved answer) prepare theirs. A transaction's
 * handle has its own set.
 */
export function preparedPerDatabase<T>(build: (db: Db) => T): (db: Db) => T {
	const cache = new WeakMap<Db, T>();
	return (db) => {
		let built = cache.get(db);
		if (!built) cache.set(db, (built = build(db)));
		return built;
	};
}

/** The first row of a result, or undefined: what `.get()` gave on the synchronous driver. */
export function firstRow<T>(rows: T[]): T | undefined {
	return rows[0];
}

/** The row a statement that always returns one (an insert's `returning()`) gave. */
export function onlyRow<T>(rows: T[]): T {
	if (rows.length !== 1)
		throw new Error(`Expected one row, the statement returned ${rows.length}.`);
	return rows[0];
}

/** The rows of a hand-written query (a `sql` template), for what the query builder cannot say. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
	if (engineOf(db).dialect === 'postgres')
		return (await (db as unknown as PgExecute).execute(query)).rows as T[];
	return db.all<T>(query);
}

/** Runs a hand-written statement that returns no rows. */
export async function executeStatement(db: Db, statement: SQL): Promise<void> {
	if (engineOf(db).dialect === 'postgres') await (db as unknown as PgExecute).execute(statement);
	else db.run(statement);
}

/** How many rows an insert, update or delete touched. */
export function changedRows(result: RunResult | { rowCount: number | null }): number {
	return 'changes' in result ? result.changes : (result.rowCount ?? 0);
}

/**
 * Runs fn as one write transaction, committed when fn resolves and undone if it throws: the
 * write lock first on SQLite (BEGIN IMMEDIATE), so a check and the write it guards see the same
 * data; on PostgreSQL, retried when the server gives it up. fn gets the transaction's handle and
 * must use it, never the outer one, and waits on nothing but the database (mail and hashing go
 * before or after). Called with a transaction's handle it nests as a savepoint.
 */
export function withWriteTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return engineOf(db).write(fn);
}

/** Runs fn's reads in one read transaction: every figure from the same snapshot. */
export function withReadSnapshot<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return engineOf(db).snapshot(fn);
}
