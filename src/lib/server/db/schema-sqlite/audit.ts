import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { staffUser } from './auth';

export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		occurredAt: integer('occurred_at', { mode: 'timestamp_ms' }).notNull(),
		/** Null for anonymous actions such as a failed sign-in. */
		actorStaffUserId: integer('actor_staff_user_id').references(() => staffUser.id, {
			onDelete: 'set null'
		}),
		/** e.g. "sign_in.failed", "staff_user.created", "consultation.updated" */
		action: text('action').notNull(),
		subjectType: text('subject_type'),
		subjectId: text('subject_id'),
		/** A short plain-English description, safe to show to admins (no passwords or tokens). */
		summary: text('summary').notNull(),
		ip: text('ip')
	},
	(t) => [
		index('audit_event_occurred_idx').on(t.occurredAt),
		// Finds the line a repeated event (a rate-limit refusal) is counted on.
		index('audit_event_subject_idx').on(t.subjectType, t.subjectId, t.action)
	]
);
