// What both engines share: the registry that tells a handle's engine, and the guard that refuses
// the outer handle inside its own transaction (on PostgreSQL that query would run on another
// connection, outside the transaction, and could wait forever for a lock the transaction holds).
import { AsyncLocalStorage } from 'node:async_hooks';

export type Dialect = 'sqlite' | 'postgres';

/** How transactions run on one handle (an outer handle, or a transaction's). */
export type Engine<H> = {
	dialect: Dialect;
	/** One write transaction; on a transaction's handle, a nested one (a savepoint). */
	write<T>(fn: (tx: H) => Promise<T>): Promise<T>;
	/** One read transaction: every read from the same snapshot. */
	snapshot<T>(fn: (tx: H) => Promise<T>): Promise<T>;
};

const engines = new WeakMap<object, Engine<never>>();

/** Records how transactions run on handle (whose transactions get handles of type T). */
export function registerEngine<H extends object, T>(handle: H, engine: Engine<T>): H {
	engines.set(handle, engine as Engine<never>);
	return handle;
}

export function engineOf<H extends object>(handle: H): Engine<H> {
	const engine = engines.get(handle);
	if (!engine) throw new Error('This database handle did not come from openDatabase.');
	return engine as unknown as Engine<H>;
}

/** The outer handle whose transaction the current async call chain is inside. */
const openTransaction = new AsyncLocalStorage<object>();

export function runInTransactionOf<T>(outer: object, fn: () => Promise<T>): Promise<T> {
	return openTransaction.run(outer, fn);
}

export function refuseOuterHandleInside(outer: object): void {
	if (openTransaction.getStore() === outer)
		throw new Error(
			'A query used the outer database handle inside its own transaction: pass tx down.'
		);
}

/** A drizzle logger that refuses queries on `outer()` from inside its own transaction. */
export function outerHandleGuard(outer: () => object) {
	return {
		logQuery() {
			refuseOuterHandleInside(outer());
		}
	};
}
