// The database handle every domain function takes, and the few things done the same way on
// both engines: transactions, first and only rows, rows changed, hand-written SQL. The SQLite
// engine is in sqlite.ts, PostgreSQL's in postgres.ts; DATABASE_URL chooses (config.ts).
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { RunResult } from 'better-sqlite3';
import { databaseTarget, type DatabaseTarget } from '../config';
import { engineOf } from './engine';
import { schemaDialect } from './schema';
export { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from './errors';
import * as pgTables from './schema-pg';
import { openReadOnlySqlite, openSqlite, type SqliteHandle } from './sqlite';

/**
 * A database handle. The app's code is typed against the SQLite schema and driver; on
 * PostgreSQL the handle is drizzle's node-postgres one, used through the same query builder.
 */
export type Db = SqliteHandle;

/** Opens (creating if needed) a SQLite file, or ':memory:', and brings its schema up to date. */
export const openDatabase: (path: string) => Db = openSqlite;
/** A read-only handle on an existing SQLite file, for a worker thread that only counts. */
export const openReadOnlyDatabase: (path: string) => Db = openReadOnlySqlite;

type PgExecute = { execute(query: SQL): Promise<{ rows: unknown[] }> };

/**
 * Opens the database a target names and brings its schema up to date. PostgreSQL's driver is
 * loaded only here, so an installation on SQLite never needs it.
 */
export async function openDatabaseAt(target: DatabaseTarget): Promise<Db> {
	if (target.engine === 'sqlite') return openDatabase(target.path);
	// The tables were chosen when the schema module loaded; a handle on the other engine would
	// be given queries built for this one.
	if (schemaDialect !== 'postgres')
		throw new Error('DATABASE_URL names PostgreSQL, but this process was started for SQLite.');
	const { openPostgres } = await import('./postgres');
	return (await openPostgres(target.url, pgTables)) as unknown as Db;
}

let shared: Db | undefined;

/** Opens the process-wide database that DATABASE_URL (or DATABASE_PATH) names: at start-up. */
export async function openConfiguredDatabase(): Promise<Db> {
	shared ??= await openDatabaseAt(databaseTarget());
	return shared;
}

/**
 * The process-wide database. A SQLite file opens on first use; PostgreSQL is opened by the
 * start-up (openConfiguredDatabase), since connecting is asynchronous.
 */
export function getDb(): Db {
	if (shared) return shared;
	const target = databaseTarget();
	if (target.engine === 'postgres')
		throw new Error(
			'The PostgreSQL database is opened at start-up: await openConfiguredDatabase() first.'
		);
	shared = openDatabase(target.path);
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

// Aggregates as numbers on both engines: PostgreSQL's count and sum are bigint and numeric,
// which node-postgres gives as text; SQLite has no booleans to sum. Use these (and drizzle's
// count()) rather than a bare sql`count(…)`.

/** How many rows of the group meet a condition. */
export function countWhere(condition: SQL | undefined): SQL<number> {
	return sql<number>`count(case when ${condition} then 1 end)`.mapWith(Number);
}

/** The sum of an expression over the group, 0 when there are no rows. */
export function sumOf(expression: SQL | AnyColumn): SQL<number> {
	return sql<number>`coalesce(sum(${expression}), 0)`.mapWith(Number);
}

/**
 * A prepared statement's placeholder that binds as `column` does: a Date as the engine keeps it
 * (epoch milliseconds on SQLite, timestamptz on PostgreSQL), null as null. Drizzle's bare
 * placeholders are not mapped where they are compared, and its mapping trips on null.
 */
export function placeholderFor(name: string, column: AnyColumn): SQL {
	const encoder = {
		mapToDriverValue: (value: unknown) => (value == null ? null : column.mapToDriverValue(value))
	};
	return sql`${sql.param(sql.placeholder(name), encoder)}`;
}

/**
 * A select that, on PostgreSQL, locks the rows it reads (of `table` only, in a join) until the
 * transaction ends: SELECT … FOR UPDATE. A rule that reads and then writes (places left, then a
 * booking) reads its guarding row this way, so a second transaction waits and then reads the
 * first one's writes, as SQLite's single writer gives without asking. On SQLite the query as is.
 */
export function lockForUpdate<Q extends object>(db: Db, query: Q, table?: object): Q {
	if (engineOf(db).dialect !== 'postgres') return query;
	const locking = query as unknown as { for(strength: 'update', config?: { of: object }): Q };
	return locking.for('update', table ? { of: table } : undefined);
}

/**
 * For a rule with no row to lock (the sign-in attempts counted for an address, the messages
 * capped per hour): on PostgreSQL a lock on the name until the transaction ends, so transactions
 * under the same name take turns; on SQLite, where they take turns already, nothing.
 */
export async function lockName(tx: Tx, name: string): Promise<void> {
	if (engineOf(tx).dialect !== 'postgres') return;
	await executeStatement(tx, sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}
