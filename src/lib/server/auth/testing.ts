// Helpers for this module's unit tests.
import { type Db, onlyRow } from '../db';
import { staffUser } from '../db/schema';
import { hashPassword } from './password';
import type { Role } from './types';

export async function insertStaff(
	db: Db,
	fields: {
		email: string;
		password: string;
		role?: Role;
		name?: string;
		disabled?: boolean;
		mustChangePassword?: boolean;
	},
	now = new Date('2026-06-04T09:00:00Z')
): Promise<number> {
	return onlyRow(
		await db
			.insert(staffUser)
			.values({
				email: fields.email,
				name: fields.name ?? 'Test Person',
				role: fields.role ?? 'lead',
				passwordHash: await hashPassword(fields.password),
				mustChangePassword: fields.mustChangePassword ?? false,
				disabledAt: fields.disabled ? now : null,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: staffUser.id })
	).id;
}
