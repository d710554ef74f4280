// Dashboards, reports and summary workbooks are counted on worker threads, so one lead loading a
// dashboard over 100,000 responses (hundreds of ms of synchronous SQLite) never holds up another
// request of this process. Every task is answered: with its result, its error, an error when
// its worker dies, or an error after TASK_TIMEOUT_MS, when the worker is ended and replaced.
// Under vite dev and vitest the modules are TypeScript, which a worker cannot load, and an
// in-memory database cannot be shared: there the counting runs in-thread.
// On PostgreSQL it always runs in-process: the server does the counting in its own process and
// the driver waits without blocking, so there is no synchronous work to move off the event loop.
import { Worker } from 'node:worker_threads';
import type { Db } from '../db';
import { engineOf } from '../db/engine';
import { getConfig } from '../config';
import { countDashboard, type CountedDashboard } from './dashboard';
import type { CountingTask, Reply } from './countingWorker';
import type { InsightFilters } from './filters';

/** Longer than a dashboard over a million responses takes behind a few others. */
const TASK_TIMEOUT_MS = 120_000;

type Waiter = {
	resolve: (r: CountedDashboard) => void;
	reject: (e: Error) => void;
	timer: NodeJS.Timeout;
};

/** One worker thread and the tasks it has been given. */
class Reader {
	private waiting = new Map<number, Waiter>();
	dead = false;

	constructor(
		private worker: Worker,
		private timeoutMs: number
	) {
		// An idle reader never keeps the process alive.
		worker.unref();
		worker.on('message', ({ id, result, error }: Reply) => {
			const task = this.settle(id);
			if (error !== undefined) task?.reject(new Error(`insights counting failed: ${error}`));
			else task?.resolve(result!);
		});
		worker.on('error', (e) => this.end(e));
		worker.on('exit', (code) => this.end(new Error(`insights worker exited (code ${code})`)));
	}

	get load() {
		return this.waiting.size;
	}

	private settle(id: number): Waiter | undefined {
		const task = this.waiting.get(id);
		if (task) clearTimeout(task.timer);
		this.waiting.delete(id);
		if (this.waiting.size === 0) this.worker.unref();
		return task;
	}

	/** The worker is gone (or given up on): every task it holds gets an error. */
	private end(e: Error) {
		this.dead = true;
		for (const task of this.waiting.values()) {
			clearTimeout(task.timer);
			task.reject(e);
		}
		this.waiting.clear();
		void this.worker.terminate();
	}

	run(id: number, task: unknown): Promise<CountedDashboard> {
		return new Promise((resolve, reject) => {
			if (this.dead) return reject(new Error('insights worker has ended'));
			// Throws (and so rejects) before anything waits, if the task cannot be cloned.
			this.worker.postMessage({ id, task });
			const timer = setTimeout(
				() => this.end(new Error(`insights counting took over ${this.timeoutMs} ms`)),
				this.timeoutMs
			);
			timer.unref();
			this.waiting.set(id, { resolve, reject, timer });
			this.worker.ref();
		});
	}
}

/**
 * `size` readers, started on first use and replaced when one dies; a task goes to the least
 * busy. `start` makes a worker thread that answers { id, task } with a Reply.
 */
export class ReaderPool {
	private readers: Reader[] = [];
	private nextId = 1;

	constructor(
		private start: () => Worker,
		private size: number,
		private timeoutMs = TASK_TIMEOUT_MS
	) {}

	run(task: unknown): Promise<CountedDashboard> {
		this.readers = this.readers.filter((r) => !r.dead);
		while (this.readers.length < this.size)
			this.readers.push(new Reader(this.start(), this.timeoutMs));
		const reader = this.readers.reduce((a, b) => (b.load < a.load ? b : a));
		return reader.run(this.nextId++, task);
	}
}

let pool: Promise<ReaderPool> | undefined;

function builtPool(): Promise<ReaderPool> {
	pool ??= import('./countingWorker').then(
		({ workerUrl, WORKER_ROLE }) =>
			new ReaderPool(
				() => new Worker(new URL(workerUrl), { workerData: { role: WORKER_ROLE } }),
				getConfig().INSIGHTS_THREADS
			),
		(e) => {
			// This request gets the error; the next one tries again.
			pool = undefined;
			throw e;
		}
	);
	return pool;
}

/** countDashboard (dashboard.ts) on a worker thread when this is a built server on a file. */
export async function countDashboardOffThread(
	db: Db,
	consultationId: number,
	filters: InsightFilters,
	options: { examples?: number } = {}
): Promise<CountedDashboard> {
	if (engineOf(db).dialect === 'postgres' || import.meta.url.endsWith('.ts') || db.$client.memory)
		return await countDashboard(db, consultationId, filters, options);
	// A worker opens the same SQLite file read-only, by its path.
	const task: CountingTask = { databasePath: db.$client.name, consultationId, filters, options };
	return (await builtPool()).run(task);
}
