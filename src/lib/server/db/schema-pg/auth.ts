import { pgTable, text, integer, boolean, timestamp, index, check } from 'drizzle-orm/pg-core';
import { oneOf } from './checks';
import { staffRoles } from '../schema-sqlite/auth';

// The code lists are the SQLite schema's own, so the two engines accept the same values.
export { staffRoles };

/** Milliseconds, with the time zone: the SQLite schema's `timestamp_ms` integers. */
const ts = { mode: 'date', withTimezone: true, precision: 3 } as const;

export const staffUser = pgTable(
	'staff_user',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		email: text('email').notNull().unique(),
		name: text('name').notNull(),
		role: text('role', { enum: staffRoles }).notNull(),
		passwordHash: text('password_hash').notNull(),
		/** Set for one-time passwords: the user must choose their own at next sign-in. */
		mustChangePassword: boolean('must_change_password').notNull().default(false),
		disabledAt: timestamp('disabled_at', ts),
		createdAt: timestamp('created_at', ts).notNull(),
		updatedAt: timestamp('updated_at', ts).notNull()
	},
	(t) => [check('staff_user_role_check', oneOf(t.role, staffRoles))]
);

export const authSession = pgTable(
	'auth_session',
	{
		/** Hex SHA-256 of the session token; the token itself is never stored. */
		id: text('id').primaryKey(),
		staffUserId: integer('staff_user_id')
			.notNull()
			.references(() => staffUser.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', ts).notNull(),
		lastActiveAt: timestamp('last_active_at', ts).notNull()
	},
	(t) => [index('auth_session_staff_user_idx').on(t.staffUserId)]
);

/** Failed and successful sign-in attempts, kept briefly, for throttling. */
export const signInAttempt = pgTable(
	'sign_in_attempt',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		emailKey: text('email_key').notNull(),
		ip: text('ip').notNull(),
		succeeded: boolean('succeeded').notNull(),
		attemptedAt: timestamp('attempted_at', ts).notNull()
	},
	(t) => [
		index('sign_in_attempt_email_ip_idx').on(t.emailKey, t.ip, t.attemptedAt),
		index('sign_in_attempt_ip_idx').on(t.ip, t.attemptedAt)
	]
);
