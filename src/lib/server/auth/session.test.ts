import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, firstRow } from '../db';
import { authSession, staffUser } from '../db/schema';
import {
	createSession,
	extendSession,
	generateSessionToken,
	hashToken,
	invalidateSession,
	invalidateUserSessions,
	isSecureContext,
	sessionExpiresAt,
	sessionState,
	validateSessionToken
} from './session';
import { insertStaff } from './testing';
import { openTestDatabase } from '../db/testDatabase';

const limits = { idleMs: 60 * 60_000, maxMs: 12 * 3_600_000 };
const start = new Date('2026-06-04T09:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const minutes = (n: number) => n * 60_000;

describe('sessionState', () => {
	const fresh = { createdAt: start, lastActiveAt: start };

	it('is valid straight after creation and within the refresh interval', () => {
		expect(sessionState(fresh, start, limits)).toBe('valid');
		expect(sessionState(fresh, at(59_999), limits)).toBe('valid');
	});

	it('asks for a refresh once a minute has passed', () => {
		expect(sessionState(fresh, at(minutes(1)), limits)).toBe('refresh');
		expect(sessionState(fresh, at(minutes(59)), limits)).toBe('refresh');
	});

	it('expires after the idle timeout', () => {
		expect(sessionState(fresh, at(minutes(60)), limits)).toBe('expired');
	});

	it('expires at the absolute lifetime even when active', () => {
		const active = { createdAt: start, lastActiveAt: at(minutes(12 * 60 - 1)) };
		expect(sessionState(active, at(minutes(12 * 60 - 1)), limits)).toBe('valid');
		expect(sessionState(active, at(minutes(12 * 60)), limits)).toBe('expired');
	});

	it('expires the cookie at the earlier of the two limits', () => {
		expect(sessionExpiresAt(fresh, limits)).toEqual(at(minutes(60)));
		const late = { createdAt: start, lastActiveAt: at(minutes(11 * 60 + 30)) };
		expect(sessionExpiresAt(late, limits)).toEqual(at(minutes(12 * 60)));
	});
});

describe('tokens', () => {
	it('are 256 bits of base32, different every time', () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{52}$/); // 52 × 5 bits = 260 ≥ 256
		expect(new Set(Array.from({ length: 100 }, generateSessionToken)).size).toBe(100);
	});

	it('hash to lowercase hex SHA-256', () => {
		expect(hashToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('are never stored, only their hash', async () => {
		const db = await openTestDatabase();
		const userId = await insertStaff(db, {
			email: 'a@example.org',
			password: 'correct horse battery'
		});
		const { token, session } = await createSession(db, userId, start);
		const rows = await db.select().from(authSession);
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(hashToken(token));
		expect(rows[0].id).toBe(session.id);
		expect(JSON.stringify(rows)).not.toContain(token);
	});
});

describe('validateSessionToken', () => {
	async function setUp() {
		const db = await openTestDatabase();
		const userId = await insertStaff(db, {
			email: 'a@example.org',
			password: 'correct horse battery',
			role: 'admin'
		});
		const { token, session } = await createSession(db, userId, start);
		return { db, userId, token, session };
	}
	const lastActive = async (db: ReturnType<typeof openDatabase>, id: string) =>
		firstRow(await db.select().from(authSession).where(eq(authSession.id, id)).limit(1))
			?.lastActiveAt;

	it('returns the session and its user', async () => {
		const { db, token, userId } = await setUp();
		const result = await validateSessionToken(db, token, at(1000), limits);
		expect(result?.user).toEqual({
			id: userId,
			email: 'a@example.org',
			name: 'Test Person',
			role: 'admin',
			mustChangePassword: false
		});
	});

	it('refuses unknown and malformed tokens', async () => {
		const { db } = await setUp();
		expect(await validateSessionToken(db, generateSessionToken(), start, limits)).toBeNull();
		expect(await validateSessionToken(db, 'not a token', start, limits)).toBeNull();
		expect(await validateSessionToken(db, '', start, limits)).toBeNull();
	});

	it('does not write lastActiveAt within a minute, then refreshes it', async () => {
		const { db, token, session } = await setUp();
		await validateSessionToken(db, token, at(30_000), limits);
		expect(await lastActive(db, session.id)).toEqual(start);
		const result = await validateSessionToken(db, token, at(minutes(5)), limits);
		expect(result?.session.lastActiveAt).toEqual(at(minutes(5)));
		expect(await lastActive(db, session.id)).toEqual(at(minutes(5)));
	});

	it('keeps an active session alive past the idle timeout', async () => {
		const { db, token } = await setUp();
		for (let m = 30; m <= 150; m += 30)
			expect(await validateSessionToken(db, token, at(minutes(m)), limits)).not.toBeNull();
	});

	it('ends an idle session and deletes it', async () => {
		const { db, token, session } = await setUp();
		expect(await validateSessionToken(db, token, at(minutes(61)), limits)).toBeNull();
		expect(await lastActive(db, session.id)).toBeUndefined();
	});

	it('ends a session at its absolute lifetime however active', async () => {
		const { db, token } = await setUp();
		for (let m = 30; m < 12 * 60; m += 30)
			expect(await validateSessionToken(db, token, at(minutes(m)), limits)).not.toBeNull();
		expect(await validateSessionToken(db, token, at(minutes(12 * 60)), limits)).toBeNull();
	});

	it('ends the sessions of a disabled user', async () => {
		const { db, token, userId, session } = await setUp();
		await db.update(staffUser).set({ disabledAt: start }).where(eq(staffUser.id, userId));
		expect(await validateSessionToken(db, token, at(1000), limits)).toBeNull();
		expect(await lastActive(db, session.id)).toBeUndefined();
	});

	it('invalidates one session or all of a user’s sessions', async () => {
		const { db, token, userId, session } = await setUp();
		const second = await createSession(db, userId, start);
		const third = await createSession(db, userId, start);
		await invalidateSession(db, session.id);
		expect(await validateSessionToken(db, token, start, limits)).toBeNull();
		expect(await validateSessionToken(db, second.token, start, limits)).not.toBeNull();
		await invalidateUserSessions(db, userId);
		expect(await validateSessionToken(db, second.token, start, limits)).toBeNull();
		expect(await validateSessionToken(db, third.token, start, limits)).toBeNull();
	});
});

describe('extendSession', () => {
	async function setUp() {
		const db = await openTestDatabase();
		const userId = await insertStaff(db, {
			email: 'a@example.org',
			password: 'correct horse battery',
			role: 'admin'
		});
		return { db, ...(await createSession(db, userId, start)) };
	}

	it('counts as activity now, so the idle time-out starts again', async () => {
		const { db, token, session } = await setUp();
		// 58 minutes idle: the time-out warning is showing.
		expect(await extendSession(db, session.id, at(minutes(58)), limits)).toEqual(at(minutes(118)));
		// Without the extension this would have ended at 60 minutes.
		expect(await validateSessionToken(db, token, at(minutes(100)), limits)).not.toBeNull();
	});

	it('even within a minute of the last refresh', async () => {
		const { db, session } = await setUp();
		expect(await extendSession(db, session.id, at(30_000), limits)).toEqual(
			at(minutes(60) + 30_000)
		);
	});

	it('never goes past the absolute limit', async () => {
		const { db, session } = await setUp();
		for (let m = 50; m < 11 * 60; m += 50)
			await extendSession(db, session.id, at(minutes(m)), limits);
		expect(await extendSession(db, session.id, at(minutes(11 * 60 + 30)), limits)).toEqual(
			at(limits.maxMs)
		);
	});

	it('cannot bring back a session that has ended', async () => {
		const { db, token, session } = await setUp();
		expect(await extendSession(db, session.id, at(minutes(61)), limits)).toBeNull();
		expect(await validateSessionToken(db, token, at(minutes(61)), limits)).toBeNull();
		expect(await extendSession(db, 'no-such-session', at(1000), limits)).toBeNull();
	});
});

describe('isSecureContext', () => {
	it('allows plain http only on this machine', () => {
		expect(isSecureContext(new URL('http://localhost:3000/staff'))).toBe(false);
		expect(isSecureContext(new URL('http://127.0.0.1:4173/staff'))).toBe(false);
		expect(isSecureContext(new URL('https://localhost/staff'))).toBe(true);
		expect(isSecureContext(new URL('http://coproduce.example.org/staff'))).toBe(true);
		expect(isSecureContext(new URL('https://coproduce.example.org/staff'))).toBe(true);
	});
});
