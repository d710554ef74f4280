CREATE TABLE `answer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`value` text,
	`text_value` text,
	FOREIGN KEY (`response_id`) REFERENCES `response`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "answer_has_content" CHECK("answer"."value" IS NOT NULL OR "answer"."text_value" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `answer_question_value_idx` ON `answer` (`question_id`,`value`,`response_id`);--> statement-breakpoint
CREATE INDEX `answer_response_question_idx` ON `answer` (`response_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `question` (
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
	FOREIGN KEY (`version_id`) REFERENCES `questionnaire_version`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_version_key_idx` ON `question` (`version_id`,`key`);--> statement-breakpoint
CREATE INDEX `question_version_position_idx` ON `question` (`version_id`,`position`);--> statement-breakpoint
CREATE TABLE `question_option` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`position` integer NOT NULL,
	`value` text NOT NULL,
	`label` text NOT NULL,
	`exclusive` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_option_value_idx` ON `question_option` (`question_id`,`value`);--> statement-breakpoint
CREATE INDEX `question_option_position_idx` ON `question_option` (`question_id`,`position`);--> statement-breakpoint
CREATE TABLE `question_priority` (
	`question_id` integer NOT NULL,
	`priority_id` integer NOT NULL,
	PRIMARY KEY(`question_id`, `priority_id`),
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `question_priority_priority_idx` ON `question_priority` (`priority_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `questionnaire` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`audience` text NOT NULL,
	`easy_read` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_consultation_audience_idx` ON `questionnaire` (`consultation_id`,`audience`);--> statement-breakpoint
CREATE TABLE `questionnaire_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`questionnaire_id` integer NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`intro` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`published_at` integer,
	`superseded_at` integer,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaire`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_version_number_idx` ON `questionnaire_version` (`questionnaire_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_version_one_draft_idx` ON `questionnaire_version` (`questionnaire_id`) WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_version_one_published_idx` ON `questionnaire_version` (`questionnaire_id`) WHERE status = 'published';--> statement-breakpoint
CREATE TABLE `response` (
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
	FOREIGN KEY (`roadshow_session_id`) REFERENCES `roadshow_session`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `response_reference_unique` ON `response` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `response_resume_token_hash_unique` ON `response` (`resume_token_hash`);--> statement-breakpoint
CREATE INDEX `response_consultation_idx` ON `response` (`consultation_id`,`status`,`audience`,`channel`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `response_consultation_submitted_idx` ON `response` (`consultation_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `response_roadshow_session_idx` ON `response` (`roadshow_session_id`);--> statement-breakpoint
CREATE INDEX `response_questionnaire_idx` ON `response` (`questionnaire_id`,`status`);--> statement-breakpoint
CREATE TABLE `response_contact` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`name` text,
	`email` text,
	`phone` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `response`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `response_contact_response_id_unique` ON `response_contact` (`response_id`);--> statement-breakpoint
CREATE TABLE `roadshow_note` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`roadshow_session_id` integer,
	`audience` text NOT NULL,
	`note` text NOT NULL,
	`entered_by_staff_user_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`roadshow_session_id`) REFERENCES `roadshow_session`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`entered_by_staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `roadshow_note_consultation_idx` ON `roadshow_note` (`consultation_id`,`audience`);--> statement-breakpoint
CREATE INDEX `roadshow_note_session_idx` ON `roadshow_note` (`roadshow_session_id`);--> statement-breakpoint
CREATE TABLE `roadshow_note_priority` (
	`note_id` integer NOT NULL,
	`priority_id` integer NOT NULL,
	PRIMARY KEY(`note_id`, `priority_id`),
	FOREIGN KEY (`note_id`) REFERENCES `roadshow_note`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `roadshow_note_priority_priority_idx` ON `roadshow_note_priority` (`priority_id`);