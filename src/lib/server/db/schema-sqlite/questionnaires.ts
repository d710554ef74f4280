import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	index,
	uniqueIndex,
	primaryKey,
	check,
	foreignKey
} from 'drizzle-orm/sqlite-core';
import { oneOf } from './checks';
import { consultation, priority } from './consultations';
import { staffUser } from './auth';
import { roadshowSession } from './roadshow';

export const audienceCodes = ['parents_carers', 'practitioners', 'young_people'] as const;
export type Audience = (typeof audienceCodes)[number];

export const questionKinds = ['agreement', 'single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const channelCodes = ['online', 'paper', 'roadshow'] as const;
export type Channel = (typeof channelCodes)[number];

export const versionStatuses = ['draft', 'published', 'superseded'] as const;
export const responseStatuses = ['in_progress', 'submitted'] as const;
export const textFormats = ['postcode_district'] as const;

/** One per audience of a consultation; what it asks lives in its versions. */
export const questionnaire = sqliteTable(
	'questionnaire',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		audience: text('audience', { enum: audienceCodes }).notNull(),
		/** Easy Read pages: larger text, faces beside the agreement labels, read-aloud button. */
		easyRead: integer('easy_read', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('questionnaire_consultation_audience_idx').on(t.consultationId, t.audience),
		// The target of responses' composite foreign key: same consultation, same audience.
		uniqueIndex('questionnaire_id_consultation_audience_idx').on(
			t.id,
			t.consultationId,
			t.audience
		),
		check('questionnaire_audience_check', oneOf(t.audience, audienceCodes))
	]
);

/**
 * Publishing freezes a version (title and intro included, so the public never sees unpublished
 * edits); later edits go to a new draft copied from it. At most one draft and one published each.
 */
export const questionnaireVersion = sqliteTable(
	'questionnaire_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		questionnaireId: integer('questionnaire_id')
			.notNull()
			.references(() => questionnaire.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		status: text('status', { enum: versionStatuses }).notNull(),
		title: text('title').notNull(),
		/** Plain text shown on the start page. */
		intro: text('intro').notNull().default(''),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
		supersededAt: integer('superseded_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('questionnaire_version_number_idx').on(t.questionnaireId, t.number),
		uniqueIndex('questionnaire_version_one_draft_idx')
			.on(t.questionnaireId)
			.where(sql`status = 'draft'`),
		uniqueIndex('questionnaire_version_one_published_idx')
			.on(t.questionnaireId)
			.where(sql`status = 'published'`),
		// The target of responses' composite foreign key: a response's version is of its questionnaire.
		uniqueIndex('questionnaire_version_id_questionnaire_idx').on(t.id, t.questionnaireId),
		check('questionnaire_version_status_check', oneOf(t.status, versionStatuses)),
		check('questionnaire_version_number_check', sql`${t.number} >= 1`)
	]
);

export type TextFormat = 'postcode_district';

export const question = sqliteTable(
	'question',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		versionId: integer('version_id')
			.notNull()
			.references(() => questionnaireVersion.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		/** Stable across versions (copied with the question), e.g. "priority-3-agree"; skip logic refers to it. */
		key: text('key').notNull(),
		kind: text('kind', { enum: questionKinds }).notNull(),
		/** An optional "about you" question: the dashboards filter by these. */
		isProfile: integer('is_profile', { mode: 'boolean' }).notNull().default(false),
		text: text('text').notNull(),
		hint: text('hint'),
		/** Shown above the question, e.g. the priority it asks about. Frozen with the version. */
		caption: text('caption'),
		required: integer('required', { mode: 'boolean' }).notNull().default(false),
		maxChars: integer('max_chars'),
		maxWords: integer('max_words'),
		/** A text answer with a known shape, stored as a groupable code in answer.value. */
		textFormat: text('text_format', { enum: textFormats }),
		/** Skip logic: shown only when the earlier question with this key has one of showIfValues. */
		showIfQuestionKey: text('show_if_question_key'),
		showIfValues: text('show_if_values', { mode: 'json' }).$type<string[]>()
	},
	(t) => [
		uniqueIndex('question_version_key_idx').on(t.versionId, t.key),
		index('question_version_position_idx').on(t.versionId, t.position),
		check('question_kind_check', oneOf(t.kind, questionKinds)),
		check(
			'question_text_format_check',
			sql`${t.textFormat} IS NULL OR ${oneOf(t.textFormat, textFormats)}`
		),
		check(
			'question_limits_check',
			sql`(${t.maxChars} IS NULL OR ${t.maxChars} >= 1) AND (${t.maxWords} IS NULL OR ${t.maxWords} >= 1)`
		)
	]
);

export const questionOption = sqliteTable(
	'question_option',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		/** Stable code stored in answers, e.g. "strongly_agree", "16-18". */
		value: text('value').notNull(),
		label: text('label').notNull(),
		/** The "None" / "Prefer not to say" checkbox that cannot be combined with others. */
		exclusive: integer('exclusive', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		uniqueIndex('question_option_value_idx').on(t.questionId, t.value),
		index('question_option_position_idx').on(t.questionId, t.position)
	]
);

/** The priorities a question informs; its answers count towards each of them. */
export const questionPriority = sqliteTable(
	'question_priority',
	{
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		priorityId: integer('priority_id')
			.notNull()
			.references(() => priority.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.questionId, t.priorityId] }),
		index('question_priority_priority_idx').on(t.priorityId, t.questionId)
	]
);

export const response = sqliteTable(
	'response',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		questionnaireId: integer('questionnaire_id')
			.notNull()
			.references(() => questionnaire.id, { onDelete: 'cascade' }),
		/** The version answered: its wording gives the answers their meaning, for ever. */
		versionId: integer('version_id')
			.notNull()
			.references(() => questionnaireVersion.id, { onDelete: 'cascade' }),
		/** Copied from the questionnaire so dashboard filters need no join. */
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		audience: text('audience', { enum: audienceCodes }).notNull(),
		channel: text('channel', { enum: channelCodes }).notNull(),
		/** Given on submission, e.g. "K7PM-3XQD"; not a secret. */
		reference: text('reference').unique(),
		/** Hex SHA-256 of the resume-link secret; null for staff-entered responses. */
		resumeTokenHash: text('resume_token_hash').unique(),
		resumeExpiresAt: integer('resume_expires_at', { mode: 'timestamp_ms' }),
		status: text('status', { enum: responseStatuses }).notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		lastSavedAt: integer('last_saved_at', { mode: 'timestamp_ms' }).notNull(),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		enteredByStaffUserId: integer('entered_by_staff_user_id').references(() => staffUser.id, {
			onDelete: 'set null'
		}),
		roadshowSessionId: integer('roadshow_session_id').references(() => roadshowSession.id, {
			onDelete: 'set null'
		})
	},
	(t) => [
		// Dashboard headline counts and filters; submitted_at last for "responses over time".
		index('response_consultation_idx').on(
			t.consultationId,
			t.status,
			t.audience,
			t.channel,
			t.submittedAt
		),
		index('response_consultation_submitted_idx').on(t.consultationId, t.submittedAt),
		// The first and last submitted response ("responses over time") in two index seeks.
		index('response_consultation_status_submitted_idx').on(
			t.consultationId,
			t.status,
			t.submittedAt
		),
		index('response_roadshow_session_idx').on(t.roadshowSessionId),
		index('response_questionnaire_idx').on(t.questionnaireId, t.status),
		check('response_audience_check', oneOf(t.audience, audienceCodes)),
		check('response_channel_check', oneOf(t.channel, channelCodes)),
		check('response_status_check', oneOf(t.status, responseStatuses)),
		check(
			'response_submitted_check',
			sql`${t.status} <> 'submitted' OR ${t.submittedAt} IS NOT NULL`
		),
		// The copied consultation and audience are the questionnaire's, and the version is its own.
		foreignKey({
			name: 'response_questionnaire_consultation_fk',
			columns: [t.questionnaireId, t.consultationId, t.audience],
			foreignColumns: [questionnaire.id, questionnaire.consultationId, questionnaire.audience]
		}).onDelete('cascade'),
		foreignKey({
			name: 'response_version_questionnaire_fk',
			columns: [t.versionId, t.questionnaireId],
			foreignColumns: [questionnaireVersion.id, questionnaireVersion.questionnaireId]
		}).onDelete('cascade'),
		// A response entered at a roadshow session belongs to that session's consultation.
		foreignKey({
			name: 'response_session_consultation_fk',
			columns: [t.roadshowSessionId, t.consultationId],
			foreignColumns: [roadshowSession.id, roadshowSession.consultationId]
		})
	]
);

/**
 * One row per chosen option (a multiple-choice answer has several rows), so every figure is a
 * GROUP BY over (question_id, value). `value` holds codes (option, agreement, postcode district);
 * `text_value` holds free text exactly as typed.
 */
export const answer = sqliteTable(
	'answer',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		responseId: integer('response_id')
			.notNull()
			.references(() => response.id, { onDelete: 'cascade' }),
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		value: text('value'),
		textValue: text('text_value')
	},
	(t) => [
		// Covering index for per-question distributions and profile filters (response ids by answer).
		index('answer_question_value_idx').on(t.questionId, t.value, t.responseId),
		// Covering for a response's answers: dashboards filter responses first, then read their answers.
		index('answer_response_question_value_idx').on(t.responseId, t.questionId, t.value),
		check('answer_has_content', sql`${t.value} IS NOT NULL OR ${t.textValue} IS NOT NULL`)
	]
);

/** Optional and kept apart from the answers, so it can be deleted on its own. */
export const responseContact = sqliteTable('response_contact', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	responseId: integer('response_id')
		.notNull()
		.unique()
		.references(() => response.id, { onDelete: 'cascade' }),
	name: text('name'),
	email: text('email'),
	phone: text('phone'),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/** Feedback written down at a roadshow table, counted with the roadshow channel. */
export const roadshowNote = sqliteTable(
	'roadshow_note',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		consultationId: integer('consultation_id')
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		roadshowSessionId: integer('roadshow_session_id').references(() => roadshowSession.id, {
			onDelete: 'set null'
		}),
		audience: text('audience', { enum: audienceCodes }).notNull(),
		note: text('note').notNull(),
		enteredByStaffUserId: integer('entered_by_staff_user_id').references(() => staffUser.id, {
			onDelete: 'set null'
		}),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('roadshow_note_consultation_idx').on(t.consultationId, t.audience),
		index('roadshow_note_session_idx').on(t.roadshowSessionId),
		check('roadshow_note_audience_check', oneOf(t.audience, audienceCodes)),
		// A note's session belongs to the note's consultation.
		foreignKey({
			name: 'roadshow_note_session_consultation_fk',
			columns: [t.roadshowSessionId, t.consultationId],
			foreignColumns: [roadshowSession.id, roadshowSession.consultationId]
		}),
		// The target of comment links' composite foreign keys.
		uniqueIndex('roadshow_note_id_consultation_idx').on(t.id, t.consultationId)
	]
);

export const roadshowNotePriority = sqliteTable(
	'roadshow_note_priority',
	{
		noteId: integer('note_id')
			.notNull()
			.references(() => roadshowNote.id, { onDelete: 'cascade' }),
		priorityId: integer('priority_id')
			.notNull()
			.references(() => priority.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.noteId, t.priorityId] }),
		index('roadshow_note_priority_priority_idx').on(t.priorityId)
	]
);

export type Questionnaire = typeof questionnaire.$inferSelect;
export type QuestionnaireVersion = typeof questionnaireVersion.$inferSelect;
export type Question = typeof question.$inferSelect;
export type QuestionOption = typeof questionOption.$inferSelect;
export type QuestionnaireResponse = typeof response.$inferSelect;
export type Answer = typeof answer.$inferSelect;
export type ResponseContact = typeof responseContact.$inferSelect;
export type RoadshowNote = typeof roadshowNote.$inferSelect;
