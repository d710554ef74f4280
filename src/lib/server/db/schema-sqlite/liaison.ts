import { sqliteTable, text, integer, index, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { staffUser } from './auth';
import { emailOutbox } from './notify';

/** A multi-agency pre-school liaison group for an area. */
export const liaisonGroup = sqliteTable('liaison_group', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	area: text('area').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

/** Who sits on the group, by profession (the professions are listed in liaison/professions.ts). */
export const liaisonMember = sqliteTable(
	'liaison_member',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		liaisonGroupId: integer('liaison_group_id')
			.notNull()
			.references(() => liaisonGroup.id, { onDelete: 'cascade' }),
		profession: text('profession').notNull(),
		name: text('name').notNull()
	},
	(t) => [index('liaison_member_group_idx').on(t.liaisonGroupId)]
);

export const liaisonMeeting = sqliteTable(
	'liaison_meeting',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		liaisonGroupId: integer('liaison_group_id')
			.notNull()
			.references(() => liaisonGroup.id, { onDelete: 'cascade' }),
		meetsAt: integer('meets_at', { mode: 'timestamp_ms' }).notNull(),
		/** Families' questionnaires close at this instant, before the meeting. */
		answersDueAt: integer('answers_due_at', { mode: 'timestamp_ms' }).notNull(),
		venue: text('venue').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('liaison_meeting_group_idx').on(t.liaisonGroupId, t.meetsAt),
		check('liaison_meeting_due_check', sql`${t.answersDueAt} < ${t.meetsAt}`)
	]
);

/**
 * A child referred to a meeting. The child's and parent's details and the family's answers are
 * removed (removedAt set) a set time after the outcome letter, as the privacy notice says.
 */
export const liaisonReferral = sqliteTable(
	'liaison_referral',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		liaisonMeetingId: integer('liaison_meeting_id')
			.notNull()
			.references(() => liaisonMeeting.id, { onDelete: 'cascade' }),
		childFirstName: text('child_first_name').notNull(),
		childAgeYears: integer('child_age_years').notNull(),
		childAgeMonths: integer('child_age_months').notNull(),
		referrerName: text('referrer_name').notNull(),
		referrerProfession: text('referrer_profession').notNull(),
		parentName: text('parent_name').notNull(),
		parentEmail: text('parent_email').notNull(),
		parentPhone: text('parent_phone'),
		parentAddress: text('parent_address'),
		/** The referral follows a talk with the parents: staff confirm they agreed. */
		parentAgreed: integer('parent_agreed', { mode: 'boolean' }).notNull(),
		/** Hex SHA-256 of the family's questionnaire link secret. */
		linkTokenHash: text('link_token_hash').notNull().unique(),
		/** JSON of the answers saved so far (see liaison/questionnaire.ts). */
		answers: text('answers').notNull().default('{}'),
		answersStartedAt: integer('answers_started_at', { mode: 'timestamp_ms' }),
		answersSentAt: integer('answers_sent_at', { mode: 'timestamp_ms' }),
		outcome: text('outcome'),
		/** JSON array: the group's answer to each of the family's questions, in order. */
		replies: text('replies'),
		outcomeRecordedAt: integer('outcome_recorded_at', { mode: 'timestamp_ms' }),
		letterSentAt: integer('letter_sent_at', { mode: 'timestamp_ms' }),
		removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('liaison_referral_meeting_idx').on(t.liaisonMeetingId),
		check('liaison_referral_agreed_check', sql`${t.parentAgreed} = 1`),
		check(
			'liaison_referral_age_check',
			sql`${t.childAgeYears} between 0 and 5 and ${t.childAgeMonths} between 0 and 11`
		)
	]
);

/** What was sent to a family, how, to where, by whom and when. */
export const liaisonLetter = sqliteTable(
	'liaison_letter',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		liaisonReferralId: integer('liaison_referral_id')
			.notNull()
			.references(() => liaisonReferral.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['questionnaire_link', 'outcome'] }).notNull(),
		channel: text('channel', { enum: ['email', 'letter'] }).notNull(),
		/** The email address or the first line of the postal address. */
		sentTo: text('sent_to').notNull(),
		emailOutboxId: integer('email_outbox_id').references(() => emailOutbox.id, {
			onDelete: 'set null'
		}),
		sentByStaffUserId: integer('sent_by_staff_user_id').references(() => staffUser.id, {
			onDelete: 'set null'
		}),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('liaison_letter_referral_idx').on(t.liaisonReferralId)]
);

export type LiaisonGroup = typeof liaisonGroup.$inferSelect;
export type LiaisonMember = typeof liaisonMember.$inferSelect;
export type LiaisonMeeting = typeof liaisonMeeting.$inferSelect;
export type LiaisonReferral = typeof liaisonReferral.$inferSelect;
export type LiaisonLetter = typeof liaisonLetter.$inferSelect;
