CREATE TABLE `page_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`path` text NOT NULL,
	`helpful` integer NOT NULL,
	`comment_token_hash` text NOT NULL,
	`trying_to_do` text,
	`what_went_wrong` text,
	`commented_at` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "page_feedback_path_check" CHECK(substr("page_feedback"."path", 1, 1) = '/' and length("page_feedback"."path") <= 300)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `page_feedback_comment_token_hash_unique` ON `page_feedback` (`comment_token_hash`);--> statement-breakpoint
CREATE INDEX `page_feedback_created_idx` ON `page_feedback` (`created_at`);--> statement-breakpoint
CREATE INDEX `page_feedback_path_idx` ON `page_feedback` (`path`,`created_at`);--> statement-breakpoint
CREATE TABLE `core_consultation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`school_name` text NOT NULL,
	`school_key` text NOT NULL,
	`school_type` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_role` text NOT NULL,
	`contact_email` text NOT NULL,
	`contact_phone` text,
	`strand` text NOT NULL,
	`term` text NOT NULL,
	`themes` text NOT NULL,
	`themes_other` text,
	`status` text DEFAULT 'registered' NOT NULL,
	`specialist_name` text,
	`meeting_at` integer,
	`meeting_place` text,
	`calendar_sequence` integer DEFAULT 0 NOT NULL,
	`manage_token_hash` text NOT NULL,
	`cancelled_by` text,
	`cancelled_at` integer,
	`held_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "core_consultation_allocated_check" CHECK("core_consultation"."status" not in ('allocated', 'held') or ("core_consultation"."meeting_at" is not null and "core_consultation"."specialist_name" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `core_consultation_reference_unique` ON `core_consultation` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `core_consultation_manage_token_hash_unique` ON `core_consultation` (`manage_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `core_consultation_school_term_uq` ON `core_consultation` (`school_key`,`term`) WHERE "core_consultation"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX `core_consultation_term_idx` ON `core_consultation` (`term`,`strand`);--> statement-breakpoint
CREATE TABLE `core_consultation_evaluation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`core_consultation_id` integer NOT NULL,
	`usefulness` text NOT NULL,
	`what_will_change` text NOT NULL,
	`what_else_needed` text,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`core_consultation_id`) REFERENCES `core_consultation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `core_consultation_evaluation_core_consultation_id_unique` ON `core_consultation_evaluation` (`core_consultation_id`);--> statement-breakpoint
CREATE TABLE `liaison_group` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`area` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `liaison_letter` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`liaison_referral_id` integer NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`sent_to` text NOT NULL,
	`email_outbox_id` integer,
	`sent_by_staff_user_id` integer,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`liaison_referral_id`) REFERENCES `liaison_referral`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`email_outbox_id`) REFERENCES `email_outbox`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`sent_by_staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `liaison_letter_referral_idx` ON `liaison_letter` (`liaison_referral_id`);--> statement-breakpoint
CREATE TABLE `liaison_meeting` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`liaison_group_id` integer NOT NULL,
	`meets_at` integer NOT NULL,
	`answers_due_at` integer NOT NULL,
	`venue` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`liaison_group_id`) REFERENCES `liaison_group`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "liaison_meeting_due_check" CHECK("liaison_meeting"."answers_due_at" < "liaison_meeting"."meets_at")
);
--> statement-breakpoint
CREATE INDEX `liaison_meeting_group_idx` ON `liaison_meeting` (`liaison_group_id`,`meets_at`);--> statement-breakpoint
CREATE TABLE `liaison_member` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`liaison_group_id` integer NOT NULL,
	`profession` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`liaison_group_id`) REFERENCES `liaison_group`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `liaison_member_group_idx` ON `liaison_member` (`liaison_group_id`);--> statement-breakpoint
CREATE TABLE `liaison_referral` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`liaison_meeting_id` integer NOT NULL,
	`child_first_name` text NOT NULL,
	`child_age_years` integer NOT NULL,
	`child_age_months` integer NOT NULL,
	`referrer_name` text NOT NULL,
	`referrer_profession` text NOT NULL,
	`parent_name` text NOT NULL,
	`parent_email` text NOT NULL,
	`parent_phone` text,
	`parent_address` text,
	`parent_agreed` integer NOT NULL,
	`link_token_hash` text NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`answers_started_at` integer,
	`answers_sent_at` integer,
	`outcome` text,
	`replies` text,
	`outcome_recorded_at` integer,
	`letter_sent_at` integer,
	`removed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`liaison_meeting_id`) REFERENCES `liaison_meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "liaison_referral_agreed_check" CHECK("liaison_referral"."parent_agreed" = 1),
	CONSTRAINT "liaison_referral_age_check" CHECK("liaison_referral"."child_age_years" between 0 and 5 and "liaison_referral"."child_age_months" between 0 and 11)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `liaison_referral_link_token_hash_unique` ON `liaison_referral` (`link_token_hash`);--> statement-breakpoint
CREATE INDEX `liaison_referral_meeting_idx` ON `liaison_referral` (`liaison_meeting_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	CONSTRAINT "staff_user_role_check" CHECK("__new_staff_user"."role" IN ('admin', 'lead', 'facilitator', 'liaison'))
);
--> statement-breakpoint
INSERT INTO `__new_staff_user`("id", "email", "name", "role", "password_hash", "must_change_password", "disabled_at", "created_at", "updated_at") SELECT "id", "email", "name", "role", "password_hash", "must_change_password", "disabled_at", "created_at", "updated_at" FROM `staff_user`;--> statement-breakpoint
DROP TABLE `staff_user`;--> statement-breakpoint
ALTER TABLE `__new_staff_user` RENAME TO `staff_user`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `staff_user_email_unique` ON `staff_user` (`email`);