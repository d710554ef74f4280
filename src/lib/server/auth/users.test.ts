import { describe, expect, it } from 'vitest';
import { firstRow } from '../db';
import { auditEvent, authSession } from '../db/schema';
import { signIn } from './signIn';
import { createSession } from './session';
import { insertStaff } from './testing';
import {
	createStaffUser,
	disableStaffUser,
	enableStaffUser,
	getStaffUser,
	listStaffUsers,
	resetStaffPassword,
	updateStaffUser
} from './users';
import { openTestDatabase } from '../db/testDatabase';

const now = new Date('2026-06-04T09:00:00Z');

async function setUp() {
	const db = await openTestDatabase();
	const adminId = await insertStaff(db, {
		email: 'admin@example.org',
		password: 'admin password 1',
		role: 'admin',
		name: 'Alex Admin'
	});
	return { db, adminId, actor: { staffUserId: adminId, ip: '10.0.0.1' } };
}

describe('createStaffUser', () => {
	it('creates an account with a one-time password that must be changed', async () => {
		const { db, actor } = await setUp();
		const result = await createStaffUser(
			db,
			{ name: ' Sam Patel ', email: ' Sam.Patel@Example.org ', role: 'lead' },
			actor,
			now
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.user).toMatchObject({
			name: 'Sam Patel',
			email: 'sam.patel@example.org',
			role: 'lead',
			mustChangePassword: true
		});
		expect(result.user).not.toHaveProperty('passwordHash');
		const signedIn = await signIn(db, {
			email: 'sam.patel@example.org',
			password: result.oneTimePassword,
			ip: '10.0.0.5',
			now
		});
		expect(signedIn.ok && signedIn.user.mustChangePassword).toBe(true);

		const [event] = await db.select().from(auditEvent);
		expect(event).toMatchObject({
			action: 'staff_user.created',
			actorStaffUserId: actor.staffUserId,
			subjectId: String(result.user.id)
		});
		expect(event.summary).not.toContain(result.oneTimePassword);
	});

	it('explains each missing or wrong answer', async () => {
		const { db, actor } = await setUp();
		expect(await createStaffUser(db, {}, actor, now)).toEqual({
			ok: false,
			errors: {
				name: 'Enter their full name',
				email: 'Enter their email address',
				role: 'Select a role'
			}
		});
		expect(
			await createStaffUser(db, { name: 'A', email: 'not-an-email', role: 'superuser' }, actor, now)
		).toEqual({
			ok: false,
			errors: {
				email: 'Enter an email address in the correct format, like name@example.com',
				role: 'Select a role'
			}
		});
		const long = await createStaffUser(
			db,
			{ name: 'x'.repeat(101), email: 'a@example.org', role: 'lead' },
			actor,
			now
		);
		expect(long.ok ? null : long.errors.name).toBe('Full name must be 100 characters or fewer');
	});

	it('refuses an email address that already has an account, in any case', async () => {
		const { db, actor } = await setUp();
		expect(
			await createStaffUser(
				db,
				{ name: 'Another', email: 'ADMIN@example.org', role: 'lead' },
				actor,
				now
			)
		).toEqual({
			ok: false,
			errors: { email: 'A staff account with this email address already exists' }
		});
	});

	it('works from the command line without an actor', async () => {
		const db = await openTestDatabase();
		const result = await createStaffUser(
			db,
			{ name: 'First Admin', email: 'first@example.org', role: 'admin' },
			null,
			now
		);
		expect(result.ok).toBe(true);
		expect(firstRow(await db.select().from(auditEvent).limit(1))?.actorStaffUserId).toBeNull();
	});
});

describe('updateStaffUser', () => {
	it('changes name and role and audits what changed', async () => {
		const { db, actor } = await setUp();
		const id = await insertStaff(db, {
			email: 'jo@example.org',
			password: 'jo password 1',
			role: 'facilitator',
			name: 'Jo'
		});
		expect(await updateStaffUser(db, id, { name: 'Jo Murphy', role: 'lead' }, actor, now)).toEqual({
			ok: true
		});
		expect(await getStaffUser(db, id)).toMatchObject({ name: 'Jo Murphy', role: 'lead' });
		expect(firstRow(await db.select().from(auditEvent).limit(1))?.summary).toBe(
			`Changed Jo Murphy's name from "Jo" to "Jo Murphy" and role from roadshow facilitator to consultation lead`
		);
	});

	it('needs a name and a known role', async () => {
		const { db, actor } = await setUp();
		const id = await insertStaff(db, { email: 'jo@example.org', password: 'jo password 1' });
		expect(await updateStaffUser(db, id, { name: '', role: 'owner' }, actor, now)).toEqual({
			ok: false,
			errors: { name: 'Enter their full name', role: 'Select a role' }
		});
	});

	it('stops admins changing their own role', async () => {
		const { db, actor, adminId } = await setUp();
		await insertStaff(db, {
			email: 'other.admin@example.org',
			password: 'other password 1',
			role: 'admin'
		});
		const result = await updateStaffUser(
			db,
			adminId,
			{ name: 'Alex Admin', role: 'lead' },
			actor,
			now
		);
		expect(result.ok).toBe(false);
		expect(
			await updateStaffUser(db, adminId, { name: 'Alex A. Admin', role: 'admin' }, actor, now)
		).toEqual({ ok: true });
	});

	it('keeps at least one active admin', async () => {
		const db = await openTestDatabase();
		const onlyAdmin = await insertStaff(db, {
			email: 'admin@example.org',
			password: 'admin password 1',
			role: 'admin'
		});
		const result = await updateStaffUser(
			db,
			onlyAdmin,
			{ name: 'Admin', role: 'lead' },
			{ staffUserId: 999 },
			now
		);
		expect(result).toEqual({
			ok: false,
			errors: { role: 'There must always be at least one active admin' }
		});
	});

	it('reports an unknown account', async () => {
		const { db, actor } = await setUp();
		expect(await updateStaffUser(db, 12345, { name: 'X', role: 'lead' }, actor, now)).toEqual({
			ok: false,
			notFound: true
		});
	});
});

describe('disableStaffUser and enableStaffUser', () => {
	it('disabling ends every session; enabling lets them sign in again', async () => {
		const { db, actor } = await setUp();
		const id = await insertStaff(db, { email: 'jo@example.org', password: 'jo password 1' });
		await createSession(db, id, now);
		await createSession(db, id, now);
		expect(await disableStaffUser(db, id, actor, now)).toEqual({ ok: true });
		expect((await db.select().from(authSession)).filter((s) => s.staffUserId === id)).toHaveLength(
			0
		);
		expect(
			(
				await signIn(db, {
					email: 'jo@example.org',
					password: 'jo password 1',
					ip: '10.0.0.2',
					now
				})
			).ok
		).toBe(false);
		expect((await getStaffUser(db, id))?.disabledAt).toEqual(now);

		expect(await enableStaffUser(db, id, actor, now)).toEqual({ ok: true });
		expect(
			(
				await signIn(db, {
					email: 'jo@example.org',
					password: 'jo password 1',
					ip: '10.0.0.3',
					now
				})
			).ok
		).toBe(true);
		expect((await db.select().from(auditEvent)).map((e) => e.action)).toEqual(
			expect.arrayContaining(['staff_user.disabled', 'staff_user.enabled'])
		);
	});

	it('an admin cannot disable themselves', async () => {
		const { db, actor, adminId } = await setUp();
		expect(await disableStaffUser(db, adminId, actor, now)).toMatchObject({
			ok: false,
			reason: 'self'
		});
	});

	it('the last active admin cannot be disabled', async () => {
		const { db, adminId } = await setUp();
		expect(await disableStaffUser(db, adminId, { staffUserId: 999 }, now)).toMatchObject({
			ok: false,
			reason: 'last_admin'
		});
	});

	it('lists everyone by name without password hashes', async () => {
		const { db } = await setUp();
		await insertStaff(db, { email: 'b@example.org', password: 'b password 12', name: 'Bea' });
		await insertStaff(db, { email: 'a@example.org', password: 'a password 12', name: 'Ade' });
		const list = await listStaffUsers(db);
		expect(list.map((u) => u.name)).toEqual(['Ade', 'Alex Admin', 'Bea']);
		expect(list.every((u) => !('passwordHash' in u))).toBe(true);
	});
});

describe('resetStaffPassword', () => {
	it('gives a new one-time password, ends sessions and forces a change', async () => {
		const { db, actor } = await setUp();
		const id = await insertStaff(db, { email: 'jo@example.org', password: 'forgotten password' });
		await createSession(db, id, now);
		const result = await resetStaffPassword(db, id, actor, now);
		if (!result.ok) throw new Error(result.message);
		expect((await db.select().from(authSession)).filter((s) => s.staffUserId === id)).toHaveLength(
			0
		);
		expect(
			(
				await signIn(db, {
					email: 'jo@example.org',
					password: 'forgotten password',
					ip: '10.0.0.2',
					now
				})
			).ok
		).toBe(false);
		const signedIn = await signIn(db, {
			email: 'jo@example.org',
			password: result.oneTimePassword,
			ip: '10.0.0.2',
			now
		});
		expect(signedIn.ok && signedIn.user.mustChangePassword).toBe(true);
		expect(JSON.stringify(await db.select().from(auditEvent))).not.toContain(
			result.oneTimePassword
		);
	});

	it('is not for your own account', async () => {
		const { db, actor, adminId } = await setUp();
		expect((await resetStaffPassword(db, adminId, actor, now)).ok).toBe(false);
	});
});
