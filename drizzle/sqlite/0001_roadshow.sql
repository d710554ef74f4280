CREATE TABLE `booking` (
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
	`waiting_since` integer,
	`promoted_at` integer,
	`cancelled_at` integer,
	`attended_at` integer,
	`reminder_sent_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`roadshow_session_id`) REFERENCES `roadshow_session`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "booking_party_check" CHECK("booking"."adults" >= 0 AND "booking"."children" >= 0 AND "booking"."adults" + "booking"."children" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `booking_reference_unique` ON `booking` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `booking_manage_token_hash_unique` ON `booking` (`manage_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `booking_session_idempotency_idx` ON `booking` (`roadshow_session_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `booking_session_status_idx` ON `booking` (`roadshow_session_id`,`status`,`waiting_since`);--> statement-breakpoint
CREATE INDEX `booking_reminder_idx` ON `booking` (`status`,`reminder_sent_at`);--> statement-breakpoint
CREATE TABLE `roadshow_session` (
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
	CONSTRAINT "roadshow_session_capacity_check" CHECK("roadshow_session"."capacity" >= 1)
);
--> statement-breakpoint
CREATE INDEX `roadshow_session_consultation_idx` ON `roadshow_session` (`consultation_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `roadshow_session_starts_idx` ON `roadshow_session` (`starts_at`);--> statement-breakpoint
CREATE TABLE `email_outbox` (
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
	FOREIGN KEY (`booking_id`) REFERENCES `booking`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `email_outbox_created_idx` ON `email_outbox` (`created_at`);