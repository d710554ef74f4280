CREATE TABLE `auth_session` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_active_at` integer NOT NULL,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `auth_session_staff_user_idx` ON `auth_session` (`staff_user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email_key` text NOT NULL,
	`ip` text NOT NULL,
	`succeeded` integer NOT NULL,
	`attempted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempt_email_ip_idx` ON `sign_in_attempt` (`email_key`,`ip`,`attempted_at`);--> statement-breakpoint
CREATE INDEX `sign_in_attempt_ip_idx` ON `sign_in_attempt` (`ip`,`attempted_at`);--> statement-breakpoint
CREATE TABLE `staff_user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_user_email_unique` ON `staff_user` (`email`);--> statement-breakpoint
CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurred_at` integer NOT NULL,
	`actor_staff_user_id` integer,
	`action` text NOT NULL,
	`subject_type` text,
	`subject_id` text,
	`summary` text NOT NULL,
	`ip` text,
	FOREIGN KEY (`actor_staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_event_occurred_idx` ON `audit_event` (`occurred_at`);--> statement-breakpoint
CREATE TABLE `consultation` (
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
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_slug_unique` ON `consultation` (`slug`);--> statement-breakpoint
CREATE TABLE `priority` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `priority_consultation_idx` ON `priority` (`consultation_id`,`position`);