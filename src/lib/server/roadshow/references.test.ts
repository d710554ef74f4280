import { describe, expect, it } from 'vitest';
import {
	REFERENCE_ALPHABET,
	generateBookingReference,
	generateIdempotencyKey,
	generateManageToken,
	hashManageToken,
	normaliseReference
} from './references';

describe('booking references', () => {
	it('uses an alphabet without characters people confuse', () => {
		for (const c of '0O1IL') expect(REFERENCE_ALPHABET).not.toContain(c);
	});

	it('looks like K7PM-3XQD and varies', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 500; i++) {
			const ref = generateBookingReference();
			expect(ref).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
			for (const c of ref.replace('-', '')) expect(REFERENCE_ALPHABET).toContain(c);
			seen.add(ref);
		}
		expect(seen.size).toBe(500);
	});

	it('normalises what people type, and refuses ambiguous or wrong input', () => {
		expect(normaliseReference(' k7pm 3xqd ')).toBe('K7PM-3XQD');
		expect(normaliseReference('K7PM-3XQD')).toBe('K7PM-3XQD');
		expect(normaliseReference('K7PM-3XQ0')).toBeNull();
		expect(normaliseReference('K7PM-3XQO')).toBeNull();
		expect(normaliseReference('K7PM-3XQ')).toBeNull();
		expect(normaliseReference('')).toBeNull();
	});
});

describe('manage tokens', () => {
	it('carries at least 128 bits and is URL-safe', () => {
		const token = generateManageToken();
		expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
		expect(generateManageToken()).not.toBe(token);
	});

	it('hashes to hex SHA-256, the only form stored', () => {
		const token = generateManageToken();
		const hash = hashManageToken(token);
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(hash).not.toContain(token);
		expect(hashManageToken(token)).toBe(hash);
	});

	it('makes idempotency keys the booking form accepts', () => {
		expect(generateIdempotencyKey()).toMatch(/^[A-Za-z0-9_-]{16,100}$/);
	});
});
