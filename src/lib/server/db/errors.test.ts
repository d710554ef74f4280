import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, sqlState } from './errors';

const coded = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
/** As drizzle wraps a driver's error: its own message, the driver's on cause. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isDatabaseUnavailable', () => {
	it('knows a server out of reach, a connection lost and a server shutting down', () => {
		for (const code of [
			'ECONNREFUSED',
			'ECONNRESET',
			'ETIMEDOUT',
			'EPIPE',
			'08006',
			'08001',
			'57P01'
		])
			expect(isDatabaseUnavailable(wrapped(coded(code))), code).toBe(true);
		expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(
			true
		);
		expect(
			isDatabaseUnavailable(new Error('Connection terminated due to connection timeout'))
		).toBe(true);
		// The pool's wait for a free connection ran out.
		expect(
			isDatabaseUnavailable(wrapped(new Error('timeout exceeded when trying to connect')))
		).toBe(true);
	});

	it('does not take a refused query, a broken rule or a bug for an outage', () => {
		for (const code of ['23505', '23503', '40001', '42P01', 'SQLITE_CONSTRAINT_UNIQUE'])
			expect(isDatabaseUnavailable(wrapped(coded(code))), code).toBe(false);
		expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
		expect(isDatabaseUnavailable('a string')).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
	});

	it('reads the code through drizzle’s wrapping', () => {
		expect(sqlState(wrapped(wrapped(coded('40P01'))))).toBe('40P01');
		expect(sqlState(new Error('no code'))).toBeUndefined();
	});
});
