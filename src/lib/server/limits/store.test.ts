import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import { openDatabase } from '../db';
import { PreparedRateLimiterSQLite } from './store';

const options = (db: ReturnType<typeof openDatabase>) => ({
	storeClient: db.$client,
	storeType: 'better-sqlite3' as const,
	tableName: 'rate_limit',
	tableCreated: true as const,
	keyPrefix: 'test',
	points: 3,
	duration: 60
});

/** What a limiter answers, refused or not, with the numbers the hook and the audit read. */
async function outcome(count: Promise<RateLimiterRes>) {
	const res = await count.then(
		(r) => ({ refused: false, r }),
		(r: RateLimiterRes) => ({ refused: true, r })
	);
	return {
		refused: res.refused,
		consumedPoints: res.r.consumedPoints,
		remainingPoints: res.r.remainingPoints,
		isFirstInDuration: res.r.isFirstInDuration,
		msBeforeNext: res.r.msBeforeNext
	};
}

afterEach(() => {
	vi.useRealTimers();
});

describe('PreparedRateLimiterSQLite', () => {
	it('overrides a private method of the exact rate-limiter-flexible version it was copied from', () => {
		const require = createRequire(import.meta.url);
		const installed = require('rate-limiter-flexible/package.json').version;
		const pinned = JSON.parse(readFileSync('package.json', 'utf8')).dependencies[
			'rate-limiter-flexible'
		];
		// Upgrading? Compare lib/RateLimiterSQLite.js's _upsertTransaction with store.ts first.
		expect(pinned).toBe('11.4.0');
		expect(installed).toBe(pinned);
		expect('_upsertTransaction' in RateLimiterSQLite.prototype).toBe(true);
	});

	it('answers every count, refusal, window end and block as the library’s own store does', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-06-01T10:00:00Z'));
		const ours = new PreparedRateLimiterSQLite(options(openDatabase(':memory:')));
		const theirs = new RateLimiterSQLite(options(openDatabase(':memory:')));
		const both = async (act: (l: RateLimiterSQLite) => Promise<RateLimiterRes>) => {
			const [a, b] = [await outcome(act(ours)), await outcome(act(theirs))];
			expect(a).toEqual(b);
			return a;
		};
		for (let i = 1; i <= 3; i++) expect((await both((l) => l.consume('k'))).refused).toBe(false);
		vi.advanceTimersByTime(10_000);
		expect(await both((l) => l.consume('k'))).toMatchObject({
			refused: true,
			consumedPoints: 4,
			msBeforeNext: 50_000
		});
		await both((l) => l.consume('k', 2));
		await both((l) => l.penalty('other', 2));
		await both((l) => l.reward('other', 1));
		// The window ends: the count starts again from the new request.
		vi.advanceTimersByTime(50_000);
		expect(await both((l) => l.consume('k'))).toMatchObject({
			refused: false,
			consumedPoints: 1,
			isFirstInDuration: true
		});
		// A block replaces the counter (the library's other statement).
		await both((l) => l.block('k', 30));
		expect(await both((l) => l.consume('k'))).toMatchObject({
			refused: true,
			msBeforeNext: 30_000
		});
	});

	it('prepares its statements once: a count builds no statement and no transaction', async () => {
		const db = openDatabase(':memory:');
		const limiter = new PreparedRateLimiterSQLite(options(db));
		const prepare = vi.spyOn(db.$client, 'prepare');
		const transaction = vi.spyOn(db.$client, 'transaction');
		await limiter.consume('k');
		await limiter.consume('k');
		await limiter.consume('j');
		expect(prepare).not.toHaveBeenCalled();
		expect(transaction).not.toHaveBeenCalled();
		expect(db.$client.prepare('SELECT key, points FROM rate_limit ORDER BY key').all()).toEqual([
			{ key: 'test:j', points: 1 },
			{ key: 'test:k', points: 2 }
		]);
	});
});
