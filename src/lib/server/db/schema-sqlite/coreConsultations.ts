import { sqliteTable, text, integer, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

export const CORE_STRANDS = ['core', 'plus', 'special'] as const;
export const SCHOOL_TYPES = [
	'infant',
	'primary',
	'junior',
	'secondary',
	'all_through',
	'special',
	'alternative',
	'other'
] as const;
export const CORE_STATUSES = ['registered', 'allocated', 'held', 'cancelled'] as const;
export const USEFULNESS = ['very_useful', 'useful', 'slightly_useful', 'not_useful'] as const;

/** A school's request for a core consultation in a term, and the meeting staff allocate. */
export const coreConsultation = sqliteTable(
	'core_consultation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Short, not secret: e.g. "CC-K7PM-3XQD", quoted in emails and on staff pages. */
		reference: text('reference').notNull().unique(),
		schoolName: text('school_name').notNull(),
		/** Lower case, spaces collapsed: how a second registration for the same term is spotted. */
		schoolKey: text('school_key').notNull(),
		schoolType: text('school_type', { enum: SCHOOL_TYPES }).notNull(),
		contactName: text('contact_name').notNull(),
		contactRole: text('contact_role').notNull(),
		contactEmail: text('contact_email').notNull(),
		contactPhone: text('contact_phone'),
		strand: text('strand', { enum: CORE_STRANDS }).notNull(),
		/** e.g. "2026-autumn". */
		term: text('term').notNull(),
		/** JSON array of theme codes. */
		themes: text('themes').notNull(),
		themesOther: text('themes_other'),
		status: text('status', { enum: CORE_STATUSES }).notNull().default('registered'),
		specialistName: text('specialist_name'),
		meetingAt: integer('meeting_at', { mode: 'timestamp_ms' }),
		meetingPlace: text('meeting_place'),
		/** Bumped on every change to the meeting, so calendar apps update the event. */
		calendarSequence: integer('calendar_sequence').notNull().default(0),
		/** Hex SHA-256 of the school's manage link secret. */
		manageTokenHash: text('manage_token_hash').notNull().unique(),
		cancelledBy: text('cancelled_by', { enum: ['school', 'staff'] }),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
		heldAt: integer('held_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		// One live registration per school per term, even with two tabs or two servers.
		uniqueIndex('core_consultation_school_term_uq')
			.on(t.schoolKey, t.term)
			.where(sql`${t.status} <> 'cancelled'`),
		index('core_consultation_term_idx').on(t.term, t.strand),
		check(
			'core_consultation_allocated_check',
			sql`${t.status} not in ('allocated', 'held') or (${t.meetingAt} is not null and ${t.specialistName} is not null)`
		)
	]
);

/** The school's evaluation after the meeting: one per consultation. */
export const coreConsultationEvaluation = sqliteTable('core_consultation_evaluation', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	coreConsultationId: integer('core_consultation_id')
		.notNull()
		.unique()
		.references(() => coreConsultation.id, { onDelete: 'cascade' }),
	usefulness: text('usefulness', { enum: USEFULNESS }).notNull(),
	whatWillChange: text('what_will_change').notNull(),
	whatElseNeeded: text('what_else_needed'),
	submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull()
});

export type CoreConsultation = typeof coreConsultation.$inferSelect;
export type CoreConsultationEvaluation = typeof coreConsultationEvaluation.$inferSelect;
