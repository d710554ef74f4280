// The worker thread's entry (see offThread.ts): it imports only the counting, the schema and
// drizzle, so nothing else of the server (jobs, mail, routes) starts in the thread. The request
// thread reaches this module by a dynamic import(), which keeps it a chunk of its own in the
// build, and starts the worker on the URL it exports.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import * as schema from '../db/schema';
import type { Db } from '../db';
import { countDashboard, type CountedDashboard } from './dashboard';
import type { InsightFilters } from './filters';

export const workerUrl = import.meta.url;
export const WORKER_ROLE = 'coproduce-insights-counter';

export type CountingTask = {
	databasePath: string;
	consultationId: number;
	filters: InsightFilters;
	options: { examples?: number };
};
export type Reply = { id: number; result?: CountedDashboard; error?: string };

function serve() {
	const connections = new Map<string, Db>();
	// Read-only: WAL lets it read while the request thread writes.
	const open = (path: string) => {
		let db = connections.get(path);
		if (!db) {
			const sqlite = new Database(path, { readonly: true, fileMustExist: true });
			sqlite.pragma('busy_timeout = 5000');
			connections.set(path, (db = drizzle(sqlite, { schema }) as Db));
		}
		return db;
	};
	parentPort!.on('message', ({ id, task }: { id: number; task: CountingTask }) => {
		let reply: Reply;
		try {
			const db = open(task.databasePath);
			reply = { id, result: countDashboard(db, task.consultationId, task.filters, task.options) };
		} catch (e) {
			reply = { id, error: (e as Error).message };
		}
		try {
			parentPort!.postMessage(reply);
		} catch (e) {
			// A result that cannot be sent still gets an answer.
			parentPort!.postMessage({ id, error: `reply not sent: ${(e as Error).message}` });
		}
	});
}

if (!isMainThread && workerData?.role === WORKER_ROLE) serve();
