// The worker thread's entry (see offThread.ts): it imports only the counting, the schema and
// drizzle, so nothing else of the server (jobs, mail, routes) starts in the thread. The request
// thread reaches this module by a dynamic import(), which keeps it a chunk of its own in the
// build, and starts the worker on the URL it exports.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDatabase, type Db } from '../db';
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
			connections.set(path, (db = openReadOnlyDatabase(path)));
		}
		return db;
	};
	const answer = async ({ id, task }: { id: number; task: CountingTask }) => {
		let reply: Reply;
		try {
			const db = open(task.databasePath);
			reply = {
				id,
				result: await countDashboard(db, task.consultationId, task.filters, task.options)
			};
		} catch (e) {
			reply = { id, error: (e as Error).message };
		}
		try {
			parentPort!.postMessage(reply);
		} catch (e) {
			// A result that cannot be sent still gets an answer.
			parentPort!.postMessage({ id, error: `reply not sent: ${(e as Error).message}` });
		}
	};
	parentPort!.on('message', (message: { id: number; task: CountingTask }) => void answer(message));
}

if (!isMainThread && workerData?.role === WORKER_ROLE) serve();
