import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db';
import { signInAttempt } from '../db/schema';
import {
	countRecentFailures,
	emailKey,
	isSignInThrottled,
	isThrottled,
	recordSignInSuccess,
	reserveSignInAttempt
} from './throttle';
import { openTestDatabase, testEngine } from '../db/testDatabase';

// SQLite's own: connections to one file, or its triggers and SQL; PostgreSQL's equivalents
// are in db/postgres.test.ts and the limits and db-copy tests.
const sqliteOnly = testEngine === 'postgres';

const now = new Date('2026-06-04T09:00:00Z');
const minutesLater = (n: number) => new Date(now.getTime() + n * 60_000);

describe('isThrottled', () => {
	it('allows up to 4 failures for an email from one address, refuses at 5', () => {
		expect(isThrottled({ emailIp: 4, ip: 4 })).toBe(false);
		expect(isThrottled({ emailIp: 5, ip: 5 })).toBe(true);
	});

	it('refuses an address with 50 failures across any emails', () => {
		expect(isThrottled({ emailIp: 0, ip: 49 })).toBe(false);
		expect(isThrottled({ emailIp: 0, ip: 50 })).toBe(true);
	});
});

describe('recording attempts', () => {
	const fail = async (
		db: ReturnType<typeof openDatabase>,
		email: string,
		ip: string,
		times: number,
		at = now
	) => {
		for (let i = 0; i < times; i++) await reserveSignInAttempt(db, email, ip, at);
	};

	it('throttles an (email, address) pair after 5 failures', async () => {
		const db = await openTestDatabase();
		await fail(db, 'jo@example.org', '10.0.0.1', 4);
		expect(await isSignInThrottled(db, 'jo@example.org', '10.0.0.1', now)).toBe(false);
		await fail(db, 'jo@example.org', '10.0.0.1', 1);
		expect(await isSignInThrottled(db, 'jo@example.org', '10.0.0.1', now)).toBe(true);
		expect(await isSignInThrottled(db, ' JO@example.org ', '10.0.0.1', now)).toBe(true);
	});

	it('does not lock the real person out when an attacker elsewhere fails', async () => {
		const db = await openTestDatabase();
		await fail(db, 'jo@example.org', '203.0.113.9', 20);
		expect(await isSignInThrottled(db, 'jo@example.org', '203.0.113.9', now)).toBe(true);
		expect(await isSignInThrottled(db, 'jo@example.org', '10.0.0.1', now)).toBe(false);
	});

	it('throttles an address guessing across many accounts', async () => {
		const db = await openTestDatabase();
		for (let i = 0; i < 50; i++) await fail(db, `person${i}@example.org`, '203.0.113.9', 1);
		expect(await isSignInThrottled(db, 'someone.new@example.org', '203.0.113.9', now)).toBe(true);
		expect(await countRecentFailures(db, 'someone.new@example.org', '203.0.113.9', now)).toEqual({
			emailIp: 0,
			ip: 50
		});
	});

	it('forgets failures after 15 minutes', async () => {
		const db = await openTestDatabase();
		await fail(db, 'jo@example.org', '10.0.0.1', 5);
		expect(await isSignInThrottled(db, 'jo@example.org', '10.0.0.1', minutesLater(14))).toBe(true);
		expect(await isSignInThrottled(db, 'jo@example.org', '10.0.0.1', minutesLater(15.01))).toBe(
			false
		);
	});

	it('clears an (email, address) pair’s failures on success', async () => {
		const db = await openTestDatabase();
		await fail(db, 'jo@example.org', '10.0.0.1', 4);
		await fail(db, 'sam@example.org', '10.0.0.1', 2);
		await recordSignInSuccess(db, 'jo@example.org', '10.0.0.1');
		expect(await countRecentFailures(db, 'jo@example.org', '10.0.0.1', now)).toEqual({
			emailIp: 0,
			ip: 2
		});
	});

	it('prunes attempts older than a day', async () => {
		const db = await openTestDatabase();
		await fail(db, 'jo@example.org', '10.0.0.1', 3);
		await reserveSignInAttempt(db, 'sam@example.org', '10.0.0.2', minutesLater(24 * 60 + 1));
		expect(await db.select().from(signInAttempt)).toHaveLength(1);
	});

	it('allows the 5th attempt and refuses the 6th, counting refused attempts too', async () => {
		const db = await openTestDatabase();
		const results: boolean[] = [];
		for (let i = 0; i < 8; i++)
			results.push((await reserveSignInAttempt(db, 'jo@example.org', '10.0.0.1', now)).allowed);
		expect(results).toEqual([true, true, true, true, true, false, false, false]);
		expect(await countRecentFailures(db, 'jo@example.org', '10.0.0.1', now)).toEqual({
			emailIp: 8,
			ip: 8
		});
	});

	it.skipIf(sqliteOnly)('counts attempts from two connections to one database file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'throttle-'));
		const path = join(dir, 'two.db');
		const first = openDatabase(path);
		const second = openDatabase(path);
		for (let i = 0; i < 3; i++)
			await reserveSignInAttempt(first, 'jo@example.org', '10.0.0.1', now);
		for (let i = 0; i < 2; i++)
			await reserveSignInAttempt(second, 'jo@example.org', '10.0.0.1', now);
		expect((await reserveSignInAttempt(first, 'jo@example.org', '10.0.0.1', now)).allowed).toBe(
			false
		);
		first.$client.close();
		second.$client.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('stores emails hashed, not as typed', async () => {
		const db = await openTestDatabase();
		await fail(db, 'Jo@Example.org', '10.0.0.1', 1);
		const [row] = await db.select().from(signInAttempt);
		expect(row.emailKey).toBe(emailKey('jo@example.org'));
		expect(row.emailKey).not.toContain('example');
	});
});
