// The reader pool answers every task: a result, the worker's error, an error when the worker
// dies mid-task or sends nothing in time, and a task that cannot be sent; the next task after a
// dead worker goes to a new one. Real worker threads, each running a small script.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ReaderPool } from './offThread';

// Answers { id, task } as the counting worker does; 'crash' ends the thread, 'hang' never answers.
const SCRIPT = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, task }) => {
	if (task === 'crash') process.exit(3);
	if (task === 'hang') return;
	if (task === 'fail') return parentPort.postMessage({ id, error: 'no such consultation' });
	parentPort.postMessage({ id, result: { dashboard: null, matching: task } });
});`;

function pool(size = 1, timeoutMs = 5_000) {
	let started = 0;
	const p = new ReaderPool(
		() => {
			started++;
			return new Worker(SCRIPT, { eval: true });
		},
		size,
		timeoutMs
	);
	return { p, started: () => started };
}

describe('ReaderPool', () => {
	it('answers tasks with their results, on the least busy of its workers', async () => {
		const { p, started } = pool(2);
		expect(await Promise.all([p.run(1), p.run(2), p.run(3)])).toEqual(
			[1, 2, 3].map((matching) => ({ dashboard: null, matching }))
		);
		expect(started()).toBe(2);
	});

	it("rejects with the worker's error", async () => {
		const { p } = pool();
		await expect(p.run('fail')).rejects.toThrow('no such consultation');
		expect((await p.run(7)).matching).toBe(7);
	});

	it('rejects the tasks of a worker that dies mid-task, and the next task gets a new worker', async () => {
		const { p, started } = pool();
		const waiting = p.run('hang');
		await expect(p.run('crash')).rejects.toThrow('exited');
		await expect(waiting).rejects.toThrow('exited');
		expect((await p.run(5)).matching).toBe(5);
		expect(started()).toBe(2);
	});

	it('gives up on a worker that sends nothing in time and replaces it', async () => {
		const { p, started } = pool(1, 200);
		await expect(p.run('hang')).rejects.toThrow('took over 200 ms');
		expect((await p.run(9)).matching).toBe(9);
		expect(started()).toBe(2);
	});

	it('rejects a task that cannot be sent, and goes on answering', async () => {
		const { p } = pool();
		await expect(p.run({ f: () => 1 })).rejects.toThrow();
		expect((await p.run(4)).matching).toBe(4);
	});
});
