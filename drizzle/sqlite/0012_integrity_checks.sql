PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_booking` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`roadshow_session_id` integer NOT NULL,
	`reference` text NOT NULL,
	`manage_token_hash` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text NOT NULL,
	`adults` integer NOT NULL,
	`children` integer DEFAULT 0 NOT NULL,
	`booked_by` text NOT NULL,
	`organisation_name` text,
	`organisation_role` text,
	`contact_name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`family_name` text,
	`family_email` text,
	`family_phone` text,
	`access_needs` text DEFAULT '[]' NOT NULL,
	`access_needs_other` text,
	`consent_to_contact` integer DEFAULT false NOT NULL,
	`mobile` text,
	`text_messages` integer DEFAULT false NOT NULL,
	`waiting_since` integer,
	`promoted_at` integer,
	`cancelled_at` integer,
	`attended_at` integer,
	`reminder_sent_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`roadshow_session_id`) REFERENCES `roadshow_session`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "booking_party_check" CHECK("__new_booking"."adults" >= 1 AND "__new_booking"."children" >= 0),
	CONSTRAINT "booking_status_check" CHECK("__new_booking"."status" IN ('confirmed', 'waiting', 'cancelled')),
	CONSTRAINT "booking_booked_by_check" CHECK("__new_booking"."booked_by" IN ('family', 'on_behalf')),
	CONSTRAINT "booking_waiting_since_check" CHECK("__new_booking"."status" <> 'waiting' OR "__new_booking"."waiting_since" IS NOT NULL)
);
--> statement-breakpoint
INSERT INTO `__new_booking`("id", "roadshow_session_id", "reference", "manage_token_hash", "idempotency_key", "status", "adults", "children", "booked_by", "organisation_name", "organisation_role", "contact_name", "email", "phone", "family_name", "family_email", "family_phone", "access_needs", "access_needs_other", "consent_to_contact", "mobile", "text_messages", "waiting_since", "promoted_at", "cancelled_at", "attended_at", "reminder_sent_at", "created_at", "updated_at") SELECT "id", "roadshow_session_id", "reference", "manage_token_hash", "idempotency_key", "status", "adults", "children", "booked_by", "organisation_name", "organisation_role", "contact_name", "email", "phone", "family_name", "family_email", "family_phone", "access_needs", "access_needs_other", "consent_to_contact", "mobile", "text_messages", "waiting_since", "promoted_at", "cancelled_at", "attended_at", "reminder_sent_at", "created_at", "updated_at" FROM `booking`;--> statement-breakpoint
DROP TABLE `booking`;--> statement-breakpoint
ALTER TABLE `__new_booking` RENAME TO `booking`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `booking_reference_unique` ON `booking` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `booking_manage_token_hash_unique` ON `booking` (`manage_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `booking_session_idempotency_idx` ON `booking` (`roadshow_session_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `booking_session_status_idx` ON `booking` (`roadshow_session_id`,`status`,`waiting_since`,`adults`,`children`);--> statement-breakpoint
CREATE INDEX `booking_reminder_idx` ON `booking` (`status`,`reminder_sent_at`);--> statement-breakpoint
CREATE TABLE `__new_priority` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`easy_read_title` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "priority_position_check" CHECK("__new_priority"."position" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_priority`("id", "consultation_id", "position", "title", "description", "easy_read_title") SELECT "id", "consultation_id", "position", "title", "description", "easy_read_title" FROM `priority`;--> statement-breakpoint
DROP TABLE `priority`;--> statement-breakpoint
ALTER TABLE `__new_priority` RENAME TO `priority`;--> statement-breakpoint
CREATE UNIQUE INDEX `priority_consultation_position_idx` ON `priority` (`consultation_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `priority_id_consultation_idx` ON `priority` (`id`,`consultation_id`);--> statement-breakpoint
CREATE TABLE `__new_roadshow_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`title` text NOT NULL,
	`audience_label` text DEFAULT '' NOT NULL,
	`venue_name` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`area` text,
	`mode` text DEFAULT 'in_person' NOT NULL,
	`joining_link` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`capacity` integer NOT NULL,
	`booking_closes_at` integer NOT NULL,
	`step_free_access` integer DEFAULT false NOT NULL,
	`hearing_loop` integer DEFAULT false NOT NULL,
	`parking` text DEFAULT '' NOT NULL,
	`quiet_room` integer DEFAULT false NOT NULL,
	`accessibility_notes` text DEFAULT '' NOT NULL,
	`children_welcome` integer DEFAULT true NOT NULL,
	`cancelled_at` integer,
	`cancellation_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "roadshow_session_capacity_check" CHECK("__new_roadshow_session"."capacity" >= 1),
	CONSTRAINT "roadshow_session_mode_check" CHECK("__new_roadshow_session"."mode" IN ('in_person', 'online')),
	CONSTRAINT "roadshow_session_times_check" CHECK("__new_roadshow_session"."ends_at" IS NULL OR "__new_roadshow_session"."ends_at" > "__new_roadshow_session"."starts_at")
);
--> statement-breakpoint
INSERT INTO `__new_roadshow_session`("id", "consultation_id", "title", "audience_label", "venue_name", "address", "postcode", "area", "mode", "joining_link", "starts_at", "ends_at", "capacity", "booking_closes_at", "step_free_access", "hearing_loop", "parking", "quiet_room", "accessibility_notes", "children_welcome", "cancelled_at", "cancellation_reason", "created_at", "updated_at") SELECT "id", "consultation_id", "title", "audience_label", "venue_name", "address", "postcode", "area", "mode", "joining_link", "starts_at", "ends_at", "capacity", "booking_closes_at", "step_free_access", "hearing_loop", "parking", "quiet_room", "accessibility_notes", "children_welcome", "cancelled_at", "cancellation_reason", "created_at", "updated_at" FROM `roadshow_session`;--> statement-breakpoint
DROP TABLE `roadshow_session`;--> statement-breakpoint
ALTER TABLE `__new_roadshow_session` RENAME TO `roadshow_session`;--> statement-breakpoint
CREATE INDEX `roadshow_session_consultation_idx` ON `roadshow_session` (`consultation_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `roadshow_session_starts_idx` ON `roadshow_session` (`starts_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `roadshow_session_id_consultation_idx` ON `roadshow_session` (`id`,`consultation_id`);--> statement-breakpoint
CREATE TABLE `__new_questionnaire` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`audience` text NOT NULL,
	`easy_read` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "questionnaire_audience_check" CHECK("__new_questionnaire"."audience" IN ('parents_carers', 'practitioners', 'young_people'))
);
--> statement-breakpoint
INSERT INTO `__new_questionnaire`("id", "consultation_id", "audience", "easy_read", "created_at", "updated_at") SELECT "id", "consultation_id", "audience", "easy_read", "created_at", "updated_at" FROM `questionnaire`;--> statement-breakpoint
DROP TABLE `questionnaire`;--> statement-breakpoint
ALTER TABLE `__new_questionnaire` RENAME TO `questionnaire`;--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_consultation_audience_idx` ON `questionnaire` (`consultation_id`,`audience`);--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_id_consultation_audience_idx` ON `questionnaire` (`id`,`consultation_id`,`audience`);--> statement-breakpoint
CREATE TABLE `__new_questionnaire_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`questionnaire_id` integer NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`intro` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`published_at` integer,
	`superseded_at` integer,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaire`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "questionnaire_version_status_check" CHECK("__new_questionnaire_version"."status" IN ('draft', 'published', 'superseded')),
	CONSTRAINT "questionnaire_version_number_check" CHECK("__new_questionnaire_version"."number" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_questionnaire_version`("id", "questionnaire_id", "number", "status", "title", "intro", "created_at", "published_at", "superseded_at") SELECT "id", "questionnaire_id", "number", "status", "title", "intro", "created_at", "published_at", "superseded_at" FROM `questionnaire_version`;--> statement-breakpoint
DROP TABLE `questionnaire_version`;--> statement-breakpoint
ALTER TABLE `__new_questionnaire_version` RENAME TO `questionnaire_version`;--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_version_number_idx` ON `questionnaire_version` (`questionnaire_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_version_one_draft_idx` ON `questionnaire_version` (`questionnaire_id`) WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_version_one_published_idx` ON `questionnaire_version` (`questionnaire_id`) WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_version_id_questionnaire_idx` ON `questionnaire_version` (`id`,`questionnaire_id`);--> statement-breakpoint
CREATE TABLE `__new_roadshow_note` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`roadshow_session_id` integer,
	`audience` text NOT NULL,
	`note` text NOT NULL,
	`entered_by_staff_user_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`roadshow_session_id`) REFERENCES `roadshow_session`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`entered_by_staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`roadshow_session_id`,`consultation_id`) REFERENCES `roadshow_session`(`id`,`consultation_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "roadshow_note_audience_check" CHECK("__new_roadshow_note"."audience" IN ('parents_carers', 'practitioners', 'young_people'))
);
--> statement-breakpoint
INSERT INTO `__new_roadshow_note`("id", "consultation_id", "roadshow_session_id", "audience", "note", "entered_by_staff_user_id", "created_at") SELECT "id", "consultation_id", "roadshow_session_id", "audience", "note", "entered_by_staff_user_id", "created_at" FROM `roadshow_note`;--> statement-breakpoint
DROP TABLE `roadshow_note`;--> statement-breakpoint
ALTER TABLE `__new_roadshow_note` RENAME TO `roadshow_note`;--> statement-breakpoint
CREATE INDEX `roadshow_note_consultation_idx` ON `roadshow_note` (`consultation_id`,`audience`);--> statement-breakpoint
CREATE INDEX `roadshow_note_session_idx` ON `roadshow_note` (`roadshow_session_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `roadshow_note_id_consultation_idx` ON `roadshow_note` (`id`,`consultation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `theme_id_consultation_idx` ON `theme` (`id`,`consultation_id`);--> statement-breakpoint
CREATE TABLE `__new_staff_user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "staff_user_role_check" CHECK("__new_staff_user"."role" IN ('admin', 'lead', 'facilitator'))
);
--> statement-breakpoint
INSERT INTO `__new_staff_user`("id", "email", "name", "role", "password_hash", "must_change_password", "disabled_at", "created_at", "updated_at") SELECT "id", "email", "name", "role", "password_hash", "must_change_password", "disabled_at", "created_at", "updated_at" FROM `staff_user`;--> statement-breakpoint
DROP TABLE `staff_user`;--> statement-breakpoint
ALTER TABLE `__new_staff_user` RENAME TO `staff_user`;--> statement-breakpoint
CREATE UNIQUE INDEX `staff_user_email_unique` ON `staff_user` (`email`);--> statement-breakpoint
CREATE TABLE `__new_consultation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`strategy_markdown` text DEFAULT '' NOT NULL,
	`highlights_markdown` text DEFAULT '' NOT NULL,
	`contact_email` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`published_at` integer,
	`closed_early_at` integer,
	`response_published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "consultation_opens_on_check" CHECK("__new_consultation"."opens_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "consultation_closes_on_check" CHECK("__new_consultation"."closes_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "consultation_dates_check" CHECK("__new_consultation"."opens_on" <= "__new_consultation"."closes_on"),
	CONSTRAINT "consultation_published_first_check" CHECK("__new_consultation"."published_at" IS NOT NULL OR ("__new_consultation"."closed_early_at" IS NULL AND "__new_consultation"."response_published_at" IS NULL))
);
--> statement-breakpoint
INSERT INTO `__new_consultation`("id", "slug", "title", "summary", "strategy_markdown", "highlights_markdown", "contact_email", "opens_on", "closes_on", "published_at", "closed_early_at", "response_published_at", "created_at", "updated_at") SELECT "id", "slug", "title", "summary", "strategy_markdown", "highlights_markdown", "contact_email", "opens_on", "closes_on", "published_at", "closed_early_at", "response_published_at", "created_at", "updated_at" FROM `consultation`;--> statement-breakpoint
DROP TABLE `consultation`;--> statement-breakpoint
ALTER TABLE `__new_consultation` RENAME TO `consultation`;--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_slug_unique` ON `consultation` (`slug`);--> statement-breakpoint
CREATE TABLE `__new_email_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`template` text NOT NULL,
	`booking_id` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`transport` text NOT NULL,
	`error` text,
	`channel` text DEFAULT 'email' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`status_changed_at` integer,
	`provider_id` text,
	`provider_status` text,
	`calendar_ics` text,
	`letter_pdf` blob,
	`cap_key` text,
	FOREIGN KEY (`booking_id`) REFERENCES `booking`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "email_outbox_transport_check" CHECK("__new_email_outbox"."transport" IN ('outbox', 'smtp', 'notify')),
	CONSTRAINT "email_outbox_channel_check" CHECK("__new_email_outbox"."channel" IN ('email', 'sms', 'letter')),
	CONSTRAINT "email_outbox_status_check" CHECK("__new_email_outbox"."status" IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'kept')),
	CONSTRAINT "email_outbox_attempts_check" CHECK("__new_email_outbox"."attempts" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_email_outbox`("id", "to_address", "subject", "text_body", "template", "booking_id", "created_at", "sent_at", "transport", "error", "channel", "status", "attempts", "next_attempt_at", "status_changed_at", "provider_id", "provider_status", "calendar_ics", "letter_pdf", "cap_key") SELECT "id", "to_address", "subject", "text_body", "template", "booking_id", "created_at", "sent_at", "transport", "error", "channel", "status", "attempts", "next_attempt_at", "status_changed_at", "provider_id", "provider_status", "calendar_ics", "letter_pdf", "cap_key" FROM `email_outbox`;--> statement-breakpoint
DROP TABLE `email_outbox`;--> statement-breakpoint
ALTER TABLE `__new_email_outbox` RENAME TO `email_outbox`;--> statement-breakpoint
CREATE INDEX `email_outbox_created_idx` ON `email_outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `email_outbox_status_idx` ON `email_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `email_outbox_provider_idx` ON `email_outbox` (`provider_id`);--> statement-breakpoint
CREATE INDEX `email_outbox_booking_idx` ON `email_outbox` (`booking_id`);--> statement-breakpoint
CREATE INDEX `email_outbox_cap_idx` ON `email_outbox` (`cap_key`,`created_at`);--> statement-breakpoint
CREATE TABLE `__new_question` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`position` integer NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`is_profile` integer DEFAULT false NOT NULL,
	`text` text NOT NULL,
	`hint` text,
	`caption` text,
	`required` integer DEFAULT false NOT NULL,
	`max_chars` integer,
	`max_words` integer,
	`text_format` text,
	`show_if_question_key` text,
	`show_if_values` text,
	FOREIGN KEY (`version_id`) REFERENCES `questionnaire_version`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "question_kind_check" CHECK("__new_question"."kind" IN ('agreement', 'single', 'multiple', 'text')),
	CONSTRAINT "question_text_format_check" CHECK("__new_question"."text_format" IS NULL OR "__new_question"."text_format" IN ('postcode_district')),
	CONSTRAINT "question_limits_check" CHECK(("__new_question"."max_chars" IS NULL OR "__new_question"."max_chars" >= 1) AND ("__new_question"."max_words" IS NULL OR "__new_question"."max_words" >= 1))
);
--> statement-breakpoint
INSERT INTO `__new_question`("id", "version_id", "position", "key", "kind", "is_profile", "text", "hint", "caption", "required", "max_chars", "max_words", "text_format", "show_if_question_key", "show_if_values") SELECT "id", "version_id", "position", "key", "kind", "is_profile", "text", "hint", "caption", "required", "max_chars", "max_words", "text_format", "show_if_question_key", "show_if_values" FROM `question`;--> statement-breakpoint
DROP TABLE `question`;--> statement-breakpoint
ALTER TABLE `__new_question` RENAME TO `question`;--> statement-breakpoint
CREATE UNIQUE INDEX `question_version_key_idx` ON `question` (`version_id`,`key`);--> statement-breakpoint
CREATE INDEX `question_version_position_idx` ON `question` (`version_id`,`position`);--> statement-breakpoint
CREATE TABLE `__new_response` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`questionnaire_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`consultation_id` integer NOT NULL,
	`audience` text NOT NULL,
	`channel` text NOT NULL,
	`reference` text,
	`resume_token_hash` text,
	`resume_expires_at` integer,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`last_saved_at` integer NOT NULL,
	`submitted_at` integer,
	`entered_by_staff_user_id` integer,
	`roadshow_session_id` integer,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaire`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `questionnaire_version`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entered_by_staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`roadshow_session_id`) REFERENCES `roadshow_session`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`questionnaire_id`,`consultation_id`,`audience`) REFERENCES `questionnaire`(`id`,`consultation_id`,`audience`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`,`questionnaire_id`) REFERENCES `questionnaire_version`(`id`,`questionnaire_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`roadshow_session_id`,`consultation_id`) REFERENCES `roadshow_session`(`id`,`consultation_id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "response_audience_check" CHECK("__new_response"."audience" IN ('parents_carers', 'practitioners', 'young_people')),
	CONSTRAINT "response_channel_check" CHECK("__new_response"."channel" IN ('online', 'paper', 'roadshow')),
	CONSTRAINT "response_status_check" CHECK("__new_response"."status" IN ('in_progress', 'submitted')),
	CONSTRAINT "response_submitted_check" CHECK("__new_response"."status" <> 'submitted' OR "__new_response"."submitted_at" IS NOT NULL)
);
--> statement-breakpoint
INSERT INTO `__new_response`("id", "questionnaire_id", "version_id", "consultation_id", "audience", "channel", "reference", "resume_token_hash", "resume_expires_at", "status", "started_at", "last_saved_at", "submitted_at", "entered_by_staff_user_id", "roadshow_session_id") SELECT "id", "questionnaire_id", "version_id", "consultation_id", "audience", "channel", "reference", "resume_token_hash", "resume_expires_at", "status", "started_at", "last_saved_at", "submitted_at", "entered_by_staff_user_id", "roadshow_session_id" FROM `response`;--> statement-breakpoint
DROP TABLE `response`;--> statement-breakpoint
ALTER TABLE `__new_response` RENAME TO `response`;--> statement-breakpoint
CREATE UNIQUE INDEX `response_reference_unique` ON `response` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `response_resume_token_hash_unique` ON `response` (`resume_token_hash`);--> statement-breakpoint
CREATE INDEX `response_consultation_idx` ON `response` (`consultation_id`,`status`,`audience`,`channel`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `response_consultation_submitted_idx` ON `response` (`consultation_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `response_roadshow_session_idx` ON `response` (`roadshow_session_id`);--> statement-breakpoint
CREATE INDEX `response_questionnaire_idx` ON `response` (`questionnaire_id`,`status`);--> statement-breakpoint
CREATE TABLE `__new_comment_priority` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`answer_id` integer,
	`roadshow_note_id` integer,
	`priority_id` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_id`) REFERENCES `answer`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`roadshow_note_id`) REFERENCES `roadshow_note`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`,`consultation_id`) REFERENCES `priority`(`id`,`consultation_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`roadshow_note_id`,`consultation_id`) REFERENCES `roadshow_note`(`id`,`consultation_id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "comment_priority_one_source" CHECK(("__new_comment_priority"."answer_id" is null) <> ("__new_comment_priority"."roadshow_note_id" is null))
);
--> statement-breakpoint
INSERT INTO `__new_comment_priority`("id", "consultation_id", "answer_id", "roadshow_note_id", "priority_id") SELECT "id", "consultation_id", "answer_id", "roadshow_note_id", "priority_id" FROM `comment_priority`;--> statement-breakpoint
DROP TABLE `comment_priority`;--> statement-breakpoint
ALTER TABLE `__new_comment_priority` RENAME TO `comment_priority`;--> statement-breakpoint
CREATE UNIQUE INDEX `comment_priority_answer_idx` ON `comment_priority` (`answer_id`,`priority_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `comment_priority_note_idx` ON `comment_priority` (`roadshow_note_id`,`priority_id`);--> statement-breakpoint
CREATE INDEX `comment_priority_priority_idx` ON `comment_priority` (`priority_id`);--> statement-breakpoint
CREATE TABLE `__new_comment_theme` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`answer_id` integer,
	`roadshow_note_id` integer,
	`theme_id` integer NOT NULL,
	`tagged_by_staff_user_id` integer,
	`tagged_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_id`) REFERENCES `answer`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`roadshow_note_id`) REFERENCES `roadshow_note`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `theme`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tagged_by_staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`theme_id`,`consultation_id`) REFERENCES `theme`(`id`,`consultation_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`roadshow_note_id`,`consultation_id`) REFERENCES `roadshow_note`(`id`,`consultation_id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "comment_theme_one_source" CHECK(("__new_comment_theme"."answer_id" is null) <> ("__new_comment_theme"."roadshow_note_id" is null))
);
--> statement-breakpoint
INSERT INTO `__new_comment_theme`("id", "consultation_id", "answer_id", "roadshow_note_id", "theme_id", "tagged_by_staff_user_id", "tagged_at") SELECT "id", "consultation_id", "answer_id", "roadshow_note_id", "theme_id", "tagged_by_staff_user_id", "tagged_at" FROM `comment_theme`;--> statement-breakpoint
DROP TABLE `comment_theme`;--> statement-breakpoint
ALTER TABLE `__new_comment_theme` RENAME TO `comment_theme`;--> statement-breakpoint
CREATE UNIQUE INDEX `comment_theme_answer_idx` ON `comment_theme` (`answer_id`,`theme_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `comment_theme_note_idx` ON `comment_theme` (`roadshow_note_id`,`theme_id`);--> statement-breakpoint
CREATE INDEX `comment_theme_theme_idx` ON `comment_theme` (`theme_id`);--> statement-breakpoint
CREATE INDEX `comment_theme_consultation_idx` ON `comment_theme` (`consultation_id`,`theme_id`);--> statement-breakpoint
CREATE TABLE `__new_priority_said_did` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`priority_id` integer NOT NULL,
	`you_said` text DEFAULT '' NOT NULL,
	`we_did` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_staff_user_id` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`priority_id`,`consultation_id`) REFERENCES `priority`(`id`,`consultation_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_priority_said_did`("id", "consultation_id", "priority_id", "you_said", "we_did", "updated_at", "updated_by_staff_user_id") SELECT "id", "consultation_id", "priority_id", "you_said", "we_did", "updated_at", "updated_by_staff_user_id" FROM `priority_said_did`;--> statement-breakpoint
DROP TABLE `priority_said_did`;--> statement-breakpoint
ALTER TABLE `__new_priority_said_did` RENAME TO `priority_said_did`;--> statement-breakpoint
CREATE UNIQUE INDEX `priority_said_did_priority_idx` ON `priority_said_did` (`consultation_id`,`priority_id`);