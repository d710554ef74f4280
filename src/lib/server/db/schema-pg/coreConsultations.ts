import {
	pgTable,
	text,
	integer,
	timestamp,
	index,
	uniqueIndex,
	check,
	foreignKey
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
	CORE_STRANDS,
	SCHOOL_TYPES,
	CORE_STATUSES,
	USEFULNESS
} from '../schema-sqlite/coreConsultations';

// The code lists are the SQLite schema's own, so the two engines accept the same values.
export { CORE_STRANDS, SCHOOL_TYPES, CORE_STATUSES, USEFULNESS };

/** Milliseconds, with the time zone: the SQLite schema's `timestamp_ms` integers. */
const ts = { mode: 'date', withTimezone: true, precision: 3 } as const;

/** A school's request for a core consultation in a term, and the meeting staff allocate. */
export const coreConsultation = pgTable(
	'core_consultation',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
		meetingAt: timestamp('meeting_at', ts),
		meetingPlace: text('meeting_place'),
		/** Bumped on every change to the meeting, so calendar apps update the event. */
		calendarSequence: integer('calendar_sequence').notNull().default(0),
		/** Hex SHA-256 of the school's manage link secret. */
		manageTokenHash: text('manage_token_hash').notNull().unique(),
		cancelledBy: text('cancelled_by', { enum: ['school', 'staff'] }),
		cancelledAt: timestamp('cancelled_at', ts),
		heldAt: timestamp('held_at', ts),
		createdAt: timestamp('created_at', ts).notNull(),
		updatedAt: timestamp('updated_at', ts).notNull()
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
export const coreConsultationEvaluation = pgTable(
	'core_consultation_evaluation',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		coreConsultationId: integer('core_consultation_id').notNull().unique(),
		usefulness: text('usefulness', { enum: USEFULNESS }).notNull(),
		whatWillChange: text('what_will_change').notNull(),
		whatElseNeeded: text('what_else_needed'),
		submittedAt: timestamp('submitted_at', ts).notNull()
	},
	(t) => [
		// Named: drizzle's generated name is longer than PostgreSQL's 63 characters.
		foreignKey({
			name: 'core_consultation_evaluation_consultation_fk',
			columns: [t.coreConsultationId],
			foreignColumns: [coreConsultation.id]
		}).onDelete('cascade')
	]
);
