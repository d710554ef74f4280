import { sqliteTable, text, integer, index, check } from 'drizzle-orm/sqlite-core';
import { oneOf } from './checks';

export const staffRoles = ['admin', 'lead', 'facilitator', 'liaison'] as const;

export const staffUser = sqliteTable(
	'staff_user',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		email: text('email').notNull().unique(),
		name: text('name').notNull(),
		role: text('role', { enum: staffRoles }).notNull(),
		passwordHash: text('password_hash').notNull(),
		/** Set for one-time passwords: the user must choose their own at next sign-in. */
		mustChangePassword: integer('must_change_password', { mode: 'boolean' })
			.notNull()
			.default(false),
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [check('staff_user_role_check', oneOf(t.role, staffRoles))]
);

export const authSession = sqliteTable(
	'auth_session',
	{
		/** Hex SHA-256 of the session token; the token itself is never stored. */
		id: text('id').primaryKey(),
		staffUserId: integer('staff_user_id')
			.notNull()
			.references(() => staffUser.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastActiveAt: integer('last_active_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('auth_session_staff_user_idx').on(t.staffUserId)]
);

/** Failed and successful sign-in attempts, kept briefly, for throttling. */
export const signInAttempt = sqliteTable(
	'sign_in_attempt',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		emailKey: text('email_key').notNull(),
		ip: text('ip').notNull(),
		succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
		attemptedAt: integer('attempted_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('sign_in_attempt_email_ip_idx').on(t.emailKey, t.ip, t.attemptedAt),
		index('sign_in_attempt_ip_idx').on(t.ip, t.attemptedAt)
	]
);
