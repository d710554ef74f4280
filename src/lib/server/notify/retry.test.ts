import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, afterFailure, retryDelayMs } from './retry';

const NOW = new Date('2026-06-01T09:00:00Z');

describe('retry back-off', () => {
	it('waits longer after each failure, up to six hours', () => {
		expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 240_000, 960_000, 3_840_000]);
		expect(retryDelayMs(20)).toBe(6 * 3_600_000);
		for (let n = 1; n < 20; n++)
			expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n));
	});

	it('queues a retryable failure again, and fails it for good after the last try', () => {
		expect(afterFailure(1, true, NOW)).toEqual({
			status: 'queued',
			nextAttemptAt: new Date(NOW.getTime() + 60_000)
		});
		expect(afterFailure(MAX_ATTEMPTS - 1, true, NOW).status).toBe('queued');
		expect(afterFailure(MAX_ATTEMPTS, true, NOW)).toEqual({
			status: 'failed',
			nextAttemptAt: null
		});
	});

	it('fails at once when trying again cannot help', () => {
		expect(afterFailure(1, false, NOW)).toEqual({ status: 'failed', nextAttemptAt: null });
	});
});
