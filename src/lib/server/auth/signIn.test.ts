import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { type Db, firstRow } from '../db';
import { auditEvent, authSession, staffUser } from '../db/schema';
import { changePassword, changePasswordSchema, signIn, signInSchema } from './signIn';
import { hashToken, validateSessionToken } from './session';
import { insertStaff } from './testing';
import { verifyPassword } from './password';
import { countRecentFailures } from './throttle';
import { openTestDatabase } from '../db/testDatabase';

vi.mock('./password', async (importOriginal) => {
	const real = await importOriginal<typeof import('./password')>();
	return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const now = new Date('2026-06-04T09:00:00Z');
const limits = { idleMs: 3_600_000, maxMs: 12 * 3_600_000 };
const ip = '10.0.0.1';
const password = 'correct horse battery';

async function setUp(fields: { disabled?: boolean } = {}) {
	const db = await openTestDatabase();
	const userId = await insertStaff(db, {
		email: 'jo@example.org',
		password,
		name: 'Jo Murphy',
		role: 'lead',
		...fields
	});
	return { db, userId };
}

const audits = async (db: Db) => await db.select().from(auditEvent);

describe('signIn', () => {
	it('signs in with the right email and password, whatever the email’s case', async () => {
		const { db, userId } = await setUp();
		const result = await signIn(db, { email: '  Jo@Example.ORG ', password, ip, now });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.user).toEqual({
			id: userId,
			email: 'jo@example.org',
			name: 'Jo Murphy',
			role: 'lead',
			mustChangePassword: false
		});
		expect((await validateSessionToken(db, result.token, now, limits))?.user.id).toBe(userId);
		expect((await audits(db)).map((a) => a.action)).toEqual(['sign_in.succeeded']);
	});

	it('gives the same answer for a wrong password, an unknown email and a disabled account', async () => {
		const { db } = await setUp();
		const wrongPassword = await signIn(db, {
			email: 'jo@example.org',
			password: 'wrong password',
			ip,
			now
		});
		const unknown = await signIn(db, { email: 'nobody@example.org', password, ip, now });
		const disabled = await setUp({ disabled: true });
		const disabledResult = await signIn(disabled.db, {
			email: 'jo@example.org',
			password,
			ip,
			now
		});
		expect(wrongPassword).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(disabledResult).toEqual({ ok: false, reason: 'invalid' });
		expect(await disabled.db.select().from(authSession)).toHaveLength(0);
	});

	it('audits failures without the password typed', async () => {
		const { db } = await setUp();
		await signIn(db, { email: 'jo@example.org', password: 'my secret guess', ip, now });
		await signIn(db, { email: 'nobody@example.org', password: 'another secret guess', ip, now });
		const events = await audits(db);
		expect(events.map((e) => e.action)).toEqual(['sign_in.failed', 'sign_in.failed']);
		expect(events[0].summary).toContain('wrong password');
		expect(events[1].summary).not.toContain('nobody@example.org');
		expect(JSON.stringify(events)).not.toMatch(/secret guess/);
	});

	it('checks an Argon2id hash with the real settings for an unknown email, as for a wrong password', async () => {
		// Timing is the same because the work is the same: both verify one hash with the same
		// settings. Asserting the work, not the clock, keeps this test steady on a busy machine.
		const { db } = await setUp();
		const verify = vi.mocked(verifyPassword);
		verify.mockClear();
		await signIn(db, { email: 'jo@example.org', password: 'wrong password', ip, now });
		await signIn(db, { email: 'nobody@example.org', password: 'wrong password', ip, now });
		expect(verify).toHaveBeenCalledTimes(2);
		const [knownHash] = verify.mock.calls[0];
		const [unknownHash] = verify.mock.calls[1];
		const settings = (h: string) => h.split('$').slice(1, 4).join('$');
		expect(settings(unknownHash)).toBe(settings(knownHash));
		expect(settings(unknownHash)).toBe('argon2id$v=19$m=19456,t=2,p=1');
		expect(unknownHash).not.toBe(knownHash);
		expect(await verify.mock.results[1].value).toBe(false);
	});

	it('counts a burst of parallel wrong passwords in full and then refuses the right one', async () => {
		const { db } = await setUp();
		const burst = await Promise.all(
			Array.from({ length: 30 }, () =>
				signIn(db, { email: 'jo@example.org', password: 'wrong password', ip, now })
			)
		);
		expect(burst.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
		expect(burst.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(25);
		expect((await countRecentFailures(db, 'jo@example.org', ip, now)).emailIp).toBe(30);
		expect(await signIn(db, { email: 'jo@example.org', password, ip, now })).toEqual({
			ok: false,
			reason: 'throttled'
		});
	});

	// On PostgreSQL parallel attempts take their turn in any order, so the burst is all wrong and
	// the right password comes after it.
	it('checks 5 passwords of a parallel burst of 30, whatever their order, then refuses the right one', async () => {
		const { db } = await setUp();
		const results = await Promise.all(
			Array.from({ length: 30 }, () =>
				signIn(db, { email: 'jo@example.org', password: 'wrong password', ip, now })
			)
		);
		const reasons = results.map((r) => (r.ok ? 'signed in' : r.reason));
		expect(reasons.filter((r) => r === 'invalid')).toHaveLength(5);
		expect(reasons.filter((r) => r === 'throttled')).toHaveLength(25);
		expect(await signIn(db, { email: 'jo@example.org', password, ip, now })).toEqual({
			ok: false,
			reason: 'throttled'
		});
	});

	it('refuses after 5 failures from the same address, even with the right password', async () => {
		const { db } = await setUp();
		for (let i = 0; i < 5; i++)
			await signIn(db, { email: 'jo@example.org', password: 'wrong password', ip, now });
		expect(await signIn(db, { email: 'jo@example.org', password, ip, now })).toEqual({
			ok: false,
			reason: 'throttled'
		});
		// The real person on another address still gets in.
		expect((await signIn(db, { email: 'jo@example.org', password, ip: '10.0.0.2', now })).ok).toBe(
			true
		);
		expect((await audits(db)).some((e) => e.action === 'sign_in.throttled')).toBe(true);
	});

	it('issues a new token at every sign-in and ends the one the browser had', async () => {
		const { db } = await setUp();
		const first = await signIn(db, { email: 'jo@example.org', password, ip, now });
		if (!first.ok) throw new Error('first sign-in failed');
		const second = await signIn(db, {
			email: 'jo@example.org',
			password,
			ip,
			now,
			previousToken: first.token
		});
		if (!second.ok) throw new Error('second sign-in failed');
		expect(second.token).not.toBe(first.token);
		expect(await validateSessionToken(db, first.token, now, limits)).toBeNull();
		expect(await validateSessionToken(db, second.token, now, limits)).not.toBeNull();
	});
});

describe('signInSchema', () => {
	it('asks for each field and a real email address', () => {
		const r = signInSchema.safeParse({ email: '', password: '' });
		expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual([
			'Enter your email address',
			'Enter your password'
		]);
		const bad = signInSchema.safeParse({ email: 'jo at example', password: 'x' });
		expect(bad.success ? '' : bad.error.issues[0].message).toBe(
			'Enter an email address in the correct format, like name@example.com'
		);
		const missing = signInSchema.safeParse({});
		expect(missing.success ? [] : missing.error.issues.map((i) => i.message)).toEqual([
			'Enter your email address',
			'Enter your password'
		]);
	});
});

describe('changePassword', () => {
	const newPassword = 'purple elephants dance';

	it('changes the password, ends every session and starts a new one', async () => {
		const { db, userId } = await setUp();
		const here = await signIn(db, { email: 'jo@example.org', password, ip, now });
		const elsewhere = await signIn(db, { email: 'jo@example.org', password, ip: '10.0.0.2', now });
		if (!here.ok || !elsewhere.ok) throw new Error('sign-in failed');

		const result = await changePassword(
			db,
			userId,
			{ currentPassword: password, newPassword },
			{ ip, now }
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(await validateSessionToken(db, here.token, now, limits)).toBeNull();
		expect(await validateSessionToken(db, elsewhere.token, now, limits)).toBeNull();
		expect((await validateSessionToken(db, result.token, now, limits))?.user.id).toBe(userId);
		expect((await db.select().from(authSession)).map((s) => s.id)).toEqual([
			hashToken(result.token)
		]);

		expect((await signIn(db, { email: 'jo@example.org', password, ip, now })).ok).toBe(false);
		expect((await signIn(db, { email: 'jo@example.org', password: newPassword, ip, now })).ok).toBe(
			true
		);
		expect((await audits(db)).some((e) => e.action === 'password.changed')).toBe(true);
	});

	it('clears the must-change flag', async () => {
		const db = await openTestDatabase();
		const userId = await insertStaff(db, {
			email: 'new@example.org',
			password,
			mustChangePassword: true
		});
		await changePassword(db, userId, { currentPassword: password, newPassword }, { ip, now });
		expect(
			firstRow(await db.select().from(staffUser).where(eq(staffUser.id, userId)).limit(1))
				?.mustChangePassword
		).toBe(false);
	});

	it('needs the right current password', async () => {
		const { db, userId } = await setUp();
		const result = await changePassword(
			db,
			userId,
			{ currentPassword: 'wrong one', newPassword },
			{ ip, now }
		);
		expect(result).toEqual({
			ok: false,
			errors: { currentPassword: 'Your current password is not correct' }
		});
	});

	it('applies the password rules', async () => {
		const { db, userId } = await setUp();
		const check = async (pw: string) => {
			const r = await changePassword(
				db,
				userId,
				{ currentPassword: password, newPassword: pw },
				{ ip, now }
			);
			return r.ok ? null : r.errors.newPassword;
		};
		expect(await check('short')).toBe('Password must be 8 characters or more');
		expect(await check('password123')).toMatch(/too easy to guess/);
		expect(await check('jo@example.org')).toBe(
			'Password must not be the same as your email address'
		);
		expect(await check(password)).toBe(
			'Your new password must be different from your current password'
		);
	});

	it('checks the confirmation matches', () => {
		const r = changePasswordSchema.safeParse({
			currentPassword: 'a',
			newPassword: 'one thing',
			confirmPassword: 'another'
		});
		expect(r.success).toBe(false);
		if (!r.success) expect(r.error.issues[0].path).toEqual(['confirmPassword']);
	});
});
