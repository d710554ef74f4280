// The dashboard's counting runs on a worker thread with its own read-only connection (WAL lets it
// read while the request thread writes), so one lead loading a dashboard over a million answers
// never holds up a family's page. The worker runs this same module: in the production build it is
// whichever chunk holds this code, so no separate entry has to survive bundling. Under vite dev
// and vitest the module is TypeScript, which a worker cannot load: there it counts in-thread.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { getDb, schema, type Db } from '../db';
import { getConfig } from '../config';
import { countResponses } from './aggregate';
import { loadDashboard } from './dashboard';
import type { Dashboard } from './disclosure';
import type { InsightFilters } from './filters';

const ROLE = 'coproduce-insights-reader';

export type DashboardResult = {
	dashboard: Dashboard | null;
	/** Responses matching the filters: for decisions, never shown. */
	matching: number;
};

type Task = {
	consultationId: number;
	filters: InsightFilters;
	options: { examples?: number };
};

function countDashboard(db: Db, task: Task): DashboardResult {
	return {
		dashboard: loadDashboard(db, task.consultationId, task.filters, task.options),
		matching: countResponses(db, task.consultationId, task.filters)
	};
}

type Reply = { id: number; result?: DashboardResult; error?: string };

/** One worker thread and the tasks it has been given, answered in order. */
class Reader {
	private worker: Worker;
	private waiting = new Map<
		number,
		{ resolve: (r: DashboardResult) => void; reject: (e: Error) => void }
	>();

	constructor(databasePath: string) {
		this.worker = new Worker(fileURLToPath(import.meta.url), {
			workerData: { role: ROLE, databasePath }
		});
		// An idle reader never keeps the process alive.
		this.worker.unref();
		this.worker.on('message', ({ id, result, error }: Reply) => {
			const task = this.waiting.get(id);
			this.waiting.delete(id);
			if (this.waiting.size === 0) this.worker.unref();
			if (error !== undefined) task?.reject(new Error(error));
			else task?.resolve(result!);
		});
		this.worker.on('error', (e) => this.failAll(e));
		this.worker.on('exit', (code) => this.failAll(new Error(`insights reader exited (${code})`)));
	}

	dead = false;

	private failAll(e: Error) {
		this.dead = true;
		for (const task of this.waiting.values()) task.reject(e);
		this.waiting.clear();
	}

	get load() {
		return this.waiting.size;
	}

	run(id: number, task: Task): Promise<DashboardResult> {
		return new Promise((resolve, reject) => {
			this.waiting.set(id, { resolve, reject });
			this.worker.ref();
			this.worker.postMessage({ id, task });
		});
	}
}

const readers: Reader[] = [];
let nextId = 1;

/** Whether this process can count on worker threads: a built server on a database file. */
function canUseWorkers(databasePath: string): boolean {
	return !import.meta.url.endsWith('.ts') && databasePath !== ':memory:';
}

/**
 * The dashboard and the count of matching responses, counted off the request thread. A process
 * has INSIGHTS_THREADS readers (started on first use); a task goes to the least busy.
 */
export async function loadDashboardOffThread(
	consultationId: number,
	filters: InsightFilters,
	options: { examples?: number } = {}
): Promise<DashboardResult> {
	const task = { consultationId, filters, options };
	const { DATABASE_PATH, INSIGHTS_THREADS } = getConfig();
	if (!canUseWorkers(DATABASE_PATH)) return countDashboard(getDb(), task);
	for (let i = readers.length - 1; i >= 0; i--) if (readers[i].dead) readers.splice(i, 1);
	while (readers.length < INSIGHTS_THREADS) readers.push(new Reader(DATABASE_PATH));
	const reader = readers.reduce((a, b) => (b.load < a.load ? b : a));
	return reader.run(nextId++, task);
}

function serveTasks(databasePath: string) {
	const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema }) as Db;
	// One read transaction per dashboard: every figure from the same snapshot, however many
	// writes land meanwhile, so the totals the disclosure control relies on add up.
	const countInSnapshot = sqlite.transaction((task: Task) => countDashboard(db, task));
	parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
		try {
			parentPort!.postMessage({ id, result: countInSnapshot(task) } satisfies Reply);
		} catch (e) {
			parentPort!.postMessage({ id, error: (e as Error).message } satisfies Reply);
		}
	});
}

if (!isMainThread && workerData?.role === ROLE) serveTasks(workerData.databasePath);
