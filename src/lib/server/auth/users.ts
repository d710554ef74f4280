// Staff accounts: creating, changing, disabling and listing them. Every change is audited.
import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import {
	type Db,
	type DbOrTx,
	type Tx,
	withWriteTransaction,
	firstRow,
	onlyRow,
	lockForUpdate,
	lockName
} from '../db';
import { staffUser } from '../db/schema';
import { recordAudit } from '../audit';
import { fieldErrors, type FieldErrors } from '../shared/forms';
import { ROLE_NAMES, ROLES } from './access';
import { generateOneTimePassword, hashPassword } from './password';
import { invalidateUserSessions } from './session';
import type { Role, StaffSessionUser } from './types';

export type StaffUser = typeof staffUser.$inferSelect;
export type StaffListItem = Omit<StaffUser, 'passwordHash'>;
export type Actor = { staffUserId: number; ip?: string | null };
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function toSessionUser(user: StaffUser): StaffSessionUser {
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		mustChangePassword: user.mustChangePassword
	};
}

const required = (message: string) => z.string({ error: message }).trim().min(1, message);

const nameField = required('Enter their full name').max(
	100,
	'Full name must be 100 characters or fewer'
);
const roleField = z.enum(ROLES as [Role, ...Role[]], { error: 'Select a role' });

export const createStaffSchema = z.object({
	name: nameField,
	email: required('Enter their email address')
		.max(254, 'Email address must be 254 characters or fewer')
		.pipe(z.email('Enter an email address in the correct format, like name@example.com'))
		.transform(normaliseEmail),
	role: roleField
});
export type CreateStaffInput = z.infer<typeof createStaffSchema>;

export const updateStaffSchema = z.object({ name: nameField, role: roleField });
export type UpdateStaffInput = z.infer<typeof updateStaffSchema>;

const duplicateEmail = { email: 'A staff account with this email address already exists' };

export async function findByEmail(db: DbOrTx, email: string): Promise<StaffUser | undefined> {
	return firstRow(
		await db
			.select()
			.from(staffUser)
			.where(eq(staffUser.email, normaliseEmail(email)))
			.limit(1)
	);
}

export async function getStaffUser(db: DbOrTx, id: number): Promise<StaffListItem | undefined> {
	const user = firstRow(await db.select().from(staffUser).where(eq(staffUser.id, id)).limit(1));
	if (!user) return undefined;
	const { passwordHash: _, ...rest } = user;
	return rest;
}

export async function listStaffUsers(db: DbOrTx): Promise<StaffListItem[]> {
	return await db
		.select({
			id: staffUser.id,
			email: staffUser.email,
			name: staffUser.name,
			role: staffUser.role,
			mustChangePassword: staffUser.mustChangePassword,
			disabledAt: staffUser.disabledAt,
			createdAt: staffUser.createdAt,
			updatedAt: staffUser.updatedAt
		})
		.from(staffUser)
		.orderBy(asc(staffUser.name), asc(staffUser.id));
}

/**
 * Active admins but one, inside the change that needs the count: changes that count them take
 * turns (on PostgreSQL a lock held to the commit), so two cannot each remove "the other" admin.
 */
async function activeAdminCount(tx: Tx, exceptId?: number): Promise<number> {
	await lockName(tx, 'active-admins');
	const conditions = [eq(staffUser.role, 'admin'), isNull(staffUser.disabledAt)];
	if (exceptId !== undefined) conditions.push(ne(staffUser.id, exceptId));
	return (
		firstRow(
			await tx
				.select({ n: count() })
				.from(staffUser)
				.where(and(...conditions))
		)?.n ?? 0
	);
}

/**
 * Creates an account with a one-time password (shown once, never stored in clear) that must be
 * changed at first sign-in. `actor` is null when created from the command line.
 */
export async function createStaffUser(
	db: Db,
	values: Record<string, unknown>,
	actor: Actor | null,
	now = new Date()
): Promise<Outcome<{ user: StaffListItem; oneTimePassword: string }>> {
	const parsed = createStaffSchema.safeParse(values);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const input = parsed.data;
	if (await findByEmail(db, input.email)) return { ok: false, errors: duplicateEmail };

	const oneTimePassword = generateOneTimePassword();
	// Hash before the transaction: a transaction waits on nothing but the database.
	const passwordHash = await hashPassword(oneTimePassword);
	return await withWriteTransaction(db, async (tx) => {
		if (await findByEmail(tx, input.email)) return { ok: false as const, errors: duplicateEmail };
		const row = onlyRow(
			await tx
				.insert(staffUser)
				.values({
					...input,
					passwordHash,
					mustChangePassword: true,
					createdAt: now,
					updatedAt: now
				})
				.returning()
		);
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor?.staffUserId ?? null,
				action: 'staff_user.created',
				subjectType: 'staff_user',
				subjectId: row.id,
				summary: `Created a ${ROLE_NAMES[row.role].toLowerCase()} account for ${row.name} (${row.email})`,
				ip: actor?.ip ?? null
			},
			now
		);
		const { passwordHash: _, ...user } = row;
		return { ok: true as const, user, oneTimePassword };
	});
}

/** Changes someone's name or role. Admins cannot change their own role, and one active admin must remain. */
export async function updateStaffUser(
	db: Db,
	id: number,
	values: Record<string, unknown>,
	actor: Actor,
	now = new Date()
): Promise<Outcome | { ok: false; notFound: true }> {
	const parsed = updateStaffSchema.safeParse(values);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const input = parsed.data;
	return await withWriteTransaction(db, async (tx) => {
		const user = firstRow(
			await lockForUpdate(tx, tx.select().from(staffUser).where(eq(staffUser.id, id)).limit(1))
		);
		if (!user) return { ok: false as const, notFound: true as const };
		if (input.role !== user.role) {
			if (id === actor.staffUserId) {
				return {
					ok: false as const,
					errors: { role: 'You cannot change your own role. Ask another admin to do it' }
				};
			}
			if (user.role === 'admin' && !user.disabledAt && (await activeAdminCount(tx, id)) === 0) {
				return {
					ok: false as const,
					errors: { role: 'There must always be at least one active admin' }
				};
			}
		}
		await tx
			.update(staffUser)
			.set({ name: input.name, role: input.role, updatedAt: now })
			.where(eq(staffUser.id, id));
		const changes: string[] = [];
		if (input.name !== user.name) changes.push(`name from "${user.name}" to "${input.name}"`);
		if (input.role !== user.role) {
			changes.push(
				`role from ${ROLE_NAMES[user.role].toLowerCase()} to ${ROLE_NAMES[input.role].toLowerCase()}`
			);
		}
		if (changes.length > 0) {
			await recordAudit(
				tx,
				{
					actorStaffUserId: actor.staffUserId,
					action: 'staff_user.updated',
					subjectType: 'staff_user',
					subjectId: id,
					summary: `Changed ${input.name}'s ${changes.join(' and ')}`,
					ip: actor.ip ?? null
				},
				now
			);
		}
		return { ok: true as const };
	});
}

export type DisableOutcome =
	{ ok: true } | { ok: false; reason: 'not_found' | 'self' | 'last_admin'; message: string };

/** Disabling ends every session the person has, at once. */
export async function disableStaffUser(
	db: Db,
	id: number,
	actor: Actor,
	now = new Date()
): Promise<DisableOutcome> {
	return await withWriteTransaction(db, async (tx) => {
		const user = firstRow(
			await lockForUpdate(tx, tx.select().from(staffUser).where(eq(staffUser.id, id)).limit(1))
		);
		if (!user)
			return {
				ok: false,
				reason: 'not_found',
				message: 'There is no staff account with this id'
			};
		if (id === actor.staffUserId) {
			return { ok: false, reason: 'self', message: 'You cannot disable your own account' };
		}
		if (user.disabledAt) return { ok: true };
		if (user.role === 'admin' && (await activeAdminCount(tx, id)) === 0) {
			return {
				ok: false,
				reason: 'last_admin',
				message: 'You cannot disable the last active admin'
			};
		}
		await tx.update(staffUser).set({ disabledAt: now, updatedAt: now }).where(eq(staffUser.id, id));
		await invalidateUserSessions(tx, id);
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				action: 'staff_user.disabled',
				subjectType: 'staff_user',
				subjectId: id,
				summary: `Disabled the account for ${user.name} (${user.email})`,
				ip: actor.ip ?? null
			},
			now
		);
		return { ok: true };
	});
}

export async function enableStaffUser(
	db: Db,
	id: number,
	actor: Actor,
	now = new Date()
): Promise<{ ok: boolean }> {
	return await withWriteTransaction(db, async (tx) => {
		const user = firstRow(
			await lockForUpdate(tx, tx.select().from(staffUser).where(eq(staffUser.id, id)).limit(1))
		);
		if (!user) return { ok: false };
		if (!user.disabledAt) return { ok: true };
		await tx
			.update(staffUser)
			.set({ disabledAt: null, updatedAt: now })
			.where(eq(staffUser.id, id));
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				action: 'staff_user.enabled',
				subjectType: 'staff_user',
				subjectId: id,
				summary: `Enabled the account for ${user.name} (${user.email})`,
				ip: actor.ip ?? null
			},
			now
		);
		return { ok: true };
	});
}

/**
 * For someone who has forgotten their password: a new one-time password, to be changed at next
 * sign-in. Their sessions end, so whoever holds the old password is signed out too.
 */
export async function resetStaffPassword(
	db: Db,
	id: number,
	actor: Actor,
	now = new Date()
): Promise<{ ok: true; oneTimePassword: string } | { ok: false; message: string }> {
	if (id === actor.staffUserId)
		return { ok: false, message: 'Use ‘Change password’ to change your own password' };
	const oneTimePassword = generateOneTimePassword();
	const passwordHash = await hashPassword(oneTimePassword);
	return await withWriteTransaction(db, async (tx) => {
		const user = firstRow(
			await lockForUpdate(tx, tx.select().from(staffUser).where(eq(staffUser.id, id)).limit(1))
		);
		if (!user) return { ok: false as const, message: 'There is no staff account with this id' };
		await tx
			.update(staffUser)
			.set({ passwordHash, mustChangePassword: true, updatedAt: now })
			.where(eq(staffUser.id, id));
		await invalidateUserSessions(tx, id);
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				action: 'staff_user.password_reset',
				subjectType: 'staff_user',
				subjectId: id,
				summary: `Gave ${user.name} (${user.email}) a new temporary password`,
				ip: actor.ip ?? null
			},
			now
		);
		return { ok: true as const, oneTimePassword };
	});
}
