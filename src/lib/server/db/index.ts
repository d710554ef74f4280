import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { SQL } from 'drizzle-orm';
import type { RunResult } from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { getConfig } from '../config';

export { schema };
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(process.env.MIGRATIONS_PATH ?? 'drizzle');

/** Opens (creating if needed) a database file, or ':memory:', and brings its schema up to date. */
export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	// Writers queue for the lock instead of failing at once with SQLITE_BUSY.
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = handleFor(sqlite);
	migrateWithForeignKeysOff(db);
	return db;
}

/** A read-only handle on an existing database file, for a worker thread that only counts. */
export function openReadOnlyDatabase(path: string): Db {
	const sqlite = new Database(path, { readonly: true, fileMustExist: true });
	sqlite.pragma('busy_timeout = 5000');
	return handleFor(sqlite);
}

/** The drizzle handle on a connection, with what its transactions need. */
function handleFor(sqlite: Database.Database): Db {
	const outer: Db = drizzle(sqlite, { schema, logger: refuseInsideOwnTransaction(() => outer) });
	const connection: Connection = {
		tx: drizzle(sqlite, { schema }),
		queue: queueFor(sqlite),
		savepoints: [],
		statements: {
			begin: sqlite.prepare('BEGIN'),
			beginImmediate: sqlite.prepare('BEGIN IMMEDIATE'),
			commit: sqlite.prepare('COMMIT'),
			rollback: sqlite.prepare('ROLLBACK')
		}
	};
	connections.set(outer, connection);
	txHandles.set(connection.tx, connection);
	return outer;
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

/**
 * A handle inside a write transaction. On SQLite it is a second drizzle instance on the same
 * connection, so that using the outer handle inside a transaction can be caught (see below).
 */
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
	return db.all<T>(query);
}

/** Runs a hand-written statement that returns no rows. */
export async function executeStatement(db: Db, statement: SQL): Promise<void> {
	db.run(statement);
}

/** How many rows an insert, update or delete touched. */
export function changedRows(result: RunResult | { rowCount: number | null }): number {
	return 'changes' in result ? result.changes : (result.rowCount ?? 0);
}

type Connection = {
	/** The handle a transaction's work runs on. */
	tx: Db;
	/** Where this connection's transactions wait their turn. */
	queue: TransactionQueue;
	/** The open transaction's savepoints, innermost last. */
	savepoints: string[];
	statements: Record<'begin' | 'beginImmediate' | 'commit' | 'rollback', Database.Statement>;
};

/**
 * Transactions wait here first come first served, one at a time per database file in this
 * process: SQLite's own lock would make a second connection in the same process wait
 * synchronously, blocking the event loop that must finish the first transaction.
 */
type TransactionQueue = { tail: Promise<void> };
const queues = new Map<string, TransactionQueue>();

function queueFor(sqlite: Database.Database): TransactionQueue {
	if (sqlite.memory) return { tail: Promise.resolve() };
	const path = resolve(sqlite.name);
	let queue = queues.get(path);
	if (!queue) queues.set(path, (queue = { tail: Promise.resolve() }));
	return queue;
}

const connections = new WeakMap<Db, Connection>();
/** The outer handle whose transaction the current async call chain is inside. */
const openTransaction = new AsyncLocalStorage<Db>();

/** Refuses a query on the outer handle from inside that handle's own transaction. */
function refuseInsideOwnTransaction(outer: () => Db) {
	return {
		logQuery() {
			if (openTransaction.getStore() === outer())
				throw new Error(
					'A query used the outer database handle inside a write transaction: pass tx down.'
				);
		}
	};
}

function connectionOf(db: Db): Connection {
	const connection = connections.get(db);
	if (!connection) throw new Error('withWriteTransaction needs a handle from openDatabase.');
	return connection;
}

async function inTransaction<T>(
	db: Db,
	begin: 'begin' | 'beginImmediate',
	fn: (tx: Tx) => Promise<T>
): Promise<T> {
	if (txHandles.has(db)) return inSavepoint(db, fn);
	if (openTransaction.getStore() === db)
		throw new Error('A transaction was started on the outer handle inside its own: pass tx down.');
	const connection = connectionOf(db);
	const previous = connection.queue.tail;
	let release!: () => void;
	connection.queue.tail = new Promise((resolve) => (release = resolve));
	await previous;
	try {
		connection.statements[begin].run();
		try {
			const result = await openTransaction.run(db, () => fn(connection.tx));
			connection.statements.commit.run();
			return result;
		} catch (error) {
			if (db.$client.inTransaction) connection.statements.rollback.run();
			throw error;
		} finally {
			connection.savepoints = [];
		}
	} finally {
		release();
	}
}

const txHandles = new WeakMap<Db, Connection>();

/**
 * A transaction inside another: a savepoint, undone alone if fn throws. Savepoints are a stack,
 * so nested transactions run one after another: two at once would close each other's.
 */
async function inSavepoint<T>(tx: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
	const connection = txHandles.get(tx)!;
	const name = `nested_${connection.savepoints.length + 1}`;
	connection.savepoints.push(name);
	tx.$client.exec(`SAVEPOINT ${name}`);
	const close = (sql: string) => {
		if (connection.savepoints.at(-1) !== name)
			throw new Error('Two nested transactions ran at once: run them one after another.');
		connection.savepoints.pop();
		tx.$client.exec(sql);
	};
	let result: T;
	try {
		result = await fn(tx);
	} catch (error) {
		close(`ROLLBACK TO ${name}; RELEASE ${name}`);
		throw error;
	}
	close(`RELEASE ${name}`);
	return result;
}

/**
 * Runs fn as one write transaction (BEGIN IMMEDIATE: the write lock is taken first, so a check
 * and the write it guards see the same data), committed when fn resolves and rolled back if it
 * throws. fn gets the transaction's handle and must use it, never the outer one, and must not
 * wait on anything but the database (mail and hashing go before or after). Called with a
 * transaction's handle it nests as a savepoint.
 */
export function withWriteTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return inTransaction(db, 'beginImmediate', fn);
}

/** Runs fn's reads in one read transaction: every figure from the same snapshot. */
export function withReadSnapshot<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return inTransaction(db, 'begin', fn);
}
