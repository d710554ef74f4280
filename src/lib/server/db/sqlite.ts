// SQLite through better-sqlite3, the zero-set-up default: one file, WAL, migrations from
// drizzle/sqlite at open. drizzle's better-sqlite3 driver runs transactions synchronously only,
// so a write transaction is BEGIN IMMEDIATE … COMMIT run by hand on the connection, one at a
// time: transactions queue first come first served.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema-sqlite';
import {
	outerHandleGuard,
	refuseOuterHandleInside,
	registerEngine,
	runInTransactionOf,
	type Engine
} from './engine';

export type SqliteHandle = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(process.env.MIGRATIONS_PATH ?? 'drizzle/sqlite');

/** Opens (creating if needed) a database file, or ':memory:', and brings its schema up to date. */
export function openSqlite(path: string): SqliteHandle {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	// Writers in other processes queue for the lock instead of failing at once with SQLITE_BUSY.
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = handleFor(sqlite);
	migrateWithForeignKeysOff(db);
	return db;
}

/** A read-only handle on an existing database file, for a worker thread that only counts. */
export function openReadOnlySqlite(path: string): SqliteHandle {
	const sqlite = new Database(path, { readonly: true, fileMustExist: true });
	sqlite.pragma('busy_timeout = 5000');
	return handleFor(sqlite);
}

/**
 * SQLite adds a CHECK or a foreign key by rebuilding the table, and dropping the old table with
 * foreign keys on would cascade-delete every row that refers to it. The migrator runs inside one
 * transaction, where the migrations' own `PRAGMA foreign_keys=OFF` does nothing, so they are
 * turned off around it, then every reference is checked before the database is used.
 */
function migrateWithForeignKeysOff(db: SqliteHandle): void {
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

/**
 * The drizzle handle on a connection. A transaction's work runs on a second drizzle instance on
 * the same connection, without the guard that refuses the outer handle inside its transaction.
 */
function handleFor(sqlite: Database.Database): SqliteHandle {
	const outer: SqliteHandle = drizzle(sqlite, { schema, logger: outerHandleGuard(() => outer) });
	const tx: SqliteHandle = drizzle(sqlite, { schema });
	const queue = queueFor(sqlite);
	const statements = {
		BEGIN: sqlite.prepare('BEGIN'),
		'BEGIN IMMEDIATE': sqlite.prepare('BEGIN IMMEDIATE'),
		COMMIT: sqlite.prepare('COMMIT'),
		ROLLBACK: sqlite.prepare('ROLLBACK')
	};
	/** The open transaction's savepoints, innermost last. */
	let savepoints: string[] = [];

	async function transaction<T>(
		begin: 'BEGIN' | 'BEGIN IMMEDIATE',
		fn: (tx: SqliteHandle) => Promise<T>
	): Promise<T> {
		refuseOuterHandleInside(outer);
		const previous = queue.tail;
		let release!: () => void;
		queue.tail = new Promise((resolve) => (release = resolve));
		await previous;
		try {
			statements[begin].run();
			try {
				const result = await runInTransactionOf(outer, () => fn(tx));
				statements.COMMIT.run();
				return result;
			} catch (error) {
				if (sqlite.inTransaction) statements.ROLLBACK.run();
				throw error;
			} finally {
				savepoints = [];
			}
		} finally {
			release();
		}
	}

	/**
	 * A transaction inside another: a savepoint, undone alone if fn throws. Savepoints are a
	 * stack, so nested transactions run one after another: two at once would close each other's.
	 */
	async function savepoint<T>(fn: (tx: SqliteHandle) => Promise<T>): Promise<T> {
		const name = `nested_${savepoints.length + 1}`;
		savepoints.push(name);
		sqlite.exec(`SAVEPOINT ${name}`);
		const close = (statement: string) => {
			if (savepoints.at(-1) !== name)
				throw new Error('Two nested transactions ran at once: run them one after another.');
			savepoints.pop();
			sqlite.exec(statement);
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

	registerEngine(tx, {
		dialect: 'sqlite',
		write: savepoint,
		snapshot: savepoint
	} satisfies Engine<SqliteHandle>);
	return registerEngine(outer, {
		dialect: 'sqlite',
		write: (fn) => transaction('BEGIN IMMEDIATE', fn),
		snapshot: (fn) => transaction('BEGIN', fn)
	} satisfies Engine<SqliteHandle>);
}
