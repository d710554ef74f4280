// PostgreSQL: a pool of connections, migrations from drizzle/pg, and write transactions that are
// retried when PostgreSQL gives one up (a serialisation failure, a deadlock, a lock time-out).
// The rules that SQLite's single writer keeps without asking take their row lock explicitly
// (lockForUpdate in index.ts).
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { redactUrl } from '../config';
import { log } from '../log';
import { sqlState } from './errors';
import {
	outerHandleGuard,
	refuseOuterHandleInside,
	registerEngine,
	runInTransactionOf,
	type Engine
} from './engine';

export type PgHandle = NodePgDatabase<Record<string, unknown>> & { $client: pg.Pool };
type PgTx = Parameters<Parameters<PgHandle['transaction']>[0]>[0];

/** Serialisation failure, deadlock, lock not available: PostgreSQL undid the transaction. */
const RETRYABLE = new Set(['40001', '40P01', '55P03']);
const MAX_ATTEMPTS = 5;
/** An arbitrary key for the migration lock (pg_advisory_lock), the same in every process. */
const MIGRATION_LOCK = 716_001;

/** Whether running the transaction again may succeed. */
export function isRetryable(error: unknown): boolean {
	const code = sqlState(error);
	return code !== undefined && RETRYABLE.has(code);
}

/**
 * Runs fn, and again (up to MAX_ATTEMPTS in all, after a short random pause) when it fails in a
 * way a retry can mend. fn must be safe to repeat: a transaction does nothing outside the
 * database, and an undone one left nothing behind.
 */
export async function withRetries<T>(fn: () => Promise<T>, attempts = MAX_ATTEMPTS): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fn();
		} catch (error) {
			if (attempt >= attempts || !isRetryable(error)) throw error;
			// Worth knowing: many retries mean transactions that queue on each other badly.
			log.info({ sqlState: sqlState(error), attempt }, 'transaction retried');
			await sleep(Math.random() * 10 * attempt);
		}
	}
}

/** A transaction's handle: nesting is a savepoint (drizzle's own). */
function txEngine(tx: PgTx): Engine<PgTx> {
	const nested = <T>(fn: (inner: PgTx) => Promise<T>) =>
		tx.transaction((inner) => fn(withEngine(inner)));
	return { dialect: 'postgres', write: nested, snapshot: nested };
}

function withEngine(tx: PgTx): PgTx {
	return registerEngine(tx, txEngine(tx));
}

/**
 * The drizzle handle on a pool, with its transactions. Transactions run on a second drizzle
 * instance on the same pool, without the guard: the guard's logger is shared by every query
 * of its instance, a transaction's included.
 */
export function handleForPool(pool: pg.Pool, schema: Record<string, unknown>): PgHandle {
	const outer: PgHandle = drizzle(pool, { schema, logger: outerHandleGuard(() => outer) });
	const transactions: PgHandle = drizzle(pool, { schema });
	const run = <T>(
		fn: (tx: PgTx) => Promise<T>,
		config?: Parameters<PgHandle['transaction']>[1]
	) => {
		refuseOuterHandleInside(outer);
		return withRetries(() =>
			transactions.transaction((tx) => runInTransactionOf(outer, () => fn(withEngine(tx))), config)
		);
	};
	return registerEngine(outer, {
		dialect: 'postgres',
		write: (fn) => run(fn),
		snapshot: (fn) => run(fn, { isolationLevel: 'repeatable read', accessMode: 'read only' })
	} satisfies Engine<PgTx>);
}

/** Connects to PostgreSQL, checks it answers, and brings its schema up to date. */
export async function openPostgres(
	url: string,
	schema: Record<string, unknown>,
	migrationsFolder = resolve(process.env.PG_MIGRATIONS_PATH ?? 'drizzle/pg')
): Promise<PgHandle> {
	const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
	// A connection that drops must not crash the process. The pool listens only to idle clients;
	// one checked out for a transaction, between queries, would emit an unheard 'error'. The
	// transaction's next query then fails (answered as a 503) and the pool discards the client.
	pool.on('error', () => undefined);
	pool.on('connect', (client) => client.on('error', () => undefined));
	try {
		await pool.query('SELECT 1');
	} catch (error) {
		await pool.end();
		throw new Error(
			`DATABASE_URL: PostgreSQL at ${redactUrl(url)} did not answer (${(error as Error).message}).`
		);
	}
	// Two server processes starting together must not both apply a migration: the first takes
	// this lock (held by its connection) and the second then finds nothing left to do.
	const client = await pool.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		await migrate(drizzle(client), { migrationsFolder });
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
		client.release();
	}
	return handleForPool(pool, schema);
}
