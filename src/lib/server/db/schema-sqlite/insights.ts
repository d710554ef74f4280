import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	index,
	uniqueIndex,
	check,
	foreignKey,
	primaryKey
} from 'drizzle-orm/sqlite-core';
import { consultation, priority } from './consultations';
import { staffUser } from './auth';
import { answer, audienceCodes, channelCodes, question, roadshowNote } from './questionnaires';

/** A theme in a consultation's code frame, e.g. "Waiting times". */
export const theme = sqliteTable(
	'theme',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		/** Comma-separated words or phrases; a comment containing one gets this theme suggested. */
		keywords: text('keywords').notNull().default(''),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('theme_consultation_name_idx').on(t.consultationId, t.name),
		// The target of comment_theme's composite foreign key.
		uniqueIndex('theme_id_consultation_idx').on(t.id, t.consultationId)
	]
);

/**
 * A comment is either a free-text answer or a roadshow note; exactly one of the two is set.
 * Tags are only ever made by a person (a suggestion becomes a tag when accepted).
 */
export const commentTheme = sqliteTable(
	'comment_theme',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		answerId: integer('answer_id').references(() => answer.id, { onDelete: 'cascade' }),
		roadshowNoteId: integer('roadshow_note_id').references(() => roadshowNote.id, {
			onDelete: 'cascade'
		}),
		themeId: integer('theme_id')
			.notNull()
			.references(() => theme.id, { onDelete: 'cascade' }),
		taggedByStaffUserId: integer('tagged_by_staff_user_id').references(() => staffUser.id, {
			onDelete: 'set null'
		}),
		taggedAt: integer('tagged_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('comment_theme_answer_idx').on(t.answerId, t.themeId),
		uniqueIndex('comment_theme_note_idx').on(t.roadshowNoteId, t.themeId),
		index('comment_theme_theme_idx').on(t.themeId),
		index('comment_theme_consultation_idx').on(t.consultationId, t.themeId),
		// Covers the theme counts: a consultation's tags in answer order, so each tagged answer is
		// looked up by id, in order, and no tag row is read.
		index('comment_theme_consultation_answer_idx').on(t.consultationId, t.answerId, t.themeId),
		check(
			'comment_theme_one_source',
			sql`(${t.answerId} is null) <> (${t.roadshowNoteId} is null)`
		),
		// The theme, and a tagged note, are of the tag's consultation.
		foreignKey({
			name: 'comment_theme_theme_consultation_fk',
			columns: [t.themeId, t.consultationId],
			foreignColumns: [theme.id, theme.consultationId]
		}).onDelete('cascade'),
		foreignKey({
			name: 'comment_theme_note_consultation_fk',
			columns: [t.roadshowNoteId, t.consultationId],
			foreignColumns: [roadshowNote.id, roadshowNote.consultationId]
		}).onDelete('cascade')
	]
);

/** Extra priorities a lead links a comment to, beyond those its question informs. */
export const commentPriority = sqliteTable(
	'comment_priority',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		answerId: integer('answer_id').references(() => answer.id, { onDelete: 'cascade' }),
		roadshowNoteId: integer('roadshow_note_id').references(() => roadshowNote.id, {
			onDelete: 'cascade'
		}),
		priorityId: integer('priority_id')
			.notNull()
			.references(() => priority.id, { onDelete: 'cascade' })
	},
	(t) => [
		uniqueIndex('comment_priority_answer_idx').on(t.answerId, t.priorityId),
		uniqueIndex('comment_priority_note_idx').on(t.roadshowNoteId, t.priorityId),
		index('comment_priority_priority_idx').on(t.priorityId),
		// A consultation's extra links start from here, never from its responses' answers.
		index('comment_priority_consultation_idx').on(t.consultationId, t.answerId, t.priorityId),
		check(
			'comment_priority_one_source',
			sql`(${t.answerId} is null) <> (${t.roadshowNoteId} is null)`
		),
		// The priority, and a linked note, are of the link's consultation.
		foreignKey({
			name: 'comment_priority_priority_consultation_fk',
			columns: [t.priorityId, t.consultationId],
			foreignColumns: [priority.id, priority.consultationId]
		}).onDelete('cascade'),
		foreignKey({
			name: 'comment_priority_note_consultation_fk',
			columns: [t.roadshowNoteId, t.consultationId],
			foreignColumns: [roadshowNote.id, roadshowNote.consultationId]
		}).onDelete('cascade')
	]
);

/** "You said, we did": per priority, what people said and what the council will do. */
export const prioritySaidDid = sqliteTable(
	'priority_said_did',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		priorityId: integer('priority_id')
			.notNull()
			.references(() => priority.id, { onDelete: 'cascade' }),
		youSaid: text('you_said').notNull().default(''),
		weDid: text('we_did').notNull().default(''),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		updatedByStaffUserId: integer('updated_by_staff_user_id').references(() => staffUser.id, {
			onDelete: 'set null'
		})
	},
	(t) => [
		uniqueIndex('priority_said_did_priority_idx').on(t.consultationId, t.priorityId),
		// The priority is of the response's consultation.
		foreignKey({
			name: 'priority_said_did_priority_consultation_fk',
			columns: [t.priorityId, t.consultationId],
			foreignColumns: [priority.id, priority.consultationId]
		}).onDelete('cascade')
	]
);

/** The published response as a whole: its introduction and Easy Read summary for young people. */
export const consultationResponse = sqliteTable('consultation_response', {
	consultationId: integer('consultation_id')
		.primaryKey()
		.references(() => consultation.id, { onDelete: 'cascade' }),
	introduction: text('introduction').notNull().default(''),
	easyReadSummary: text('easy_read_summary').notNull().default(''),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	/** Set with consultation.responsePublishedAt; later edits are published straight away. */
	publishedAt: integer('published_at', { mode: 'timestamp_ms' })
});

/*
 * Running totals over submitted responses, kept by triggers in the database (drizzle/sqlite/0020;
 * drizzle/pg/0001 on PostgreSQL) so no write path can forget them: the dashboard reads a few
 * thousand of these rows instead of every response, answer and tag. Decrements leave rows at 0
 * rather than deleting them.
 */

/** Submitted responses per consultation, audience, channel, roadshow session and UTC hour. */
export const responseTally = sqliteTable(
	'response_tally',
	{
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		audience: text('audience', { enum: audienceCodes }).notNull(),
		channel: text('channel', { enum: channelCodes }).notNull(),
		/** The response's roadshow session, 0 for none (a key column cannot be null). */
		sessionKey: integer('session_key').notNull(),
		/** submitted_at / 3,600,000: every UK midnight is a whole UTC hour, so date filters are exact. */
		hour: integer('hour').notNull(),
		n: integer('n').notNull()
	},
	(t) => [
		primaryKey({
			columns: [t.consultationId, t.audience, t.channel, t.sessionKey, t.hour]
		})
	]
);

/** Answers of submitted responses per question, value ('' for free text), channel and session. */
export const answerTally = sqliteTable(
	'answer_tally',
	{
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		value: text('value').notNull(),
		channel: text('channel', { enum: channelCodes }).notNull(),
		sessionKey: integer('session_key').notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.questionId, t.value, t.channel, t.sessionKey] })]
);

/** Theme tags on answers of submitted responses, per question, theme, channel and session. */
export const themeTally = sqliteTable(
	'theme_tally',
	{
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		themeId: integer('theme_id')
			.notNull()
			.references(() => theme.id, { onDelete: 'cascade' }),
		channel: text('channel', { enum: channelCodes }).notNull(),
		sessionKey: integer('session_key').notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.questionId, t.themeId, t.channel, t.sessionKey] })]
);
