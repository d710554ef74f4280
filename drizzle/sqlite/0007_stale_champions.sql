ALTER TABLE `booking` ADD `mobile` text;--> statement-breakpoint
ALTER TABLE `booking` ADD `text_messages` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `channel` text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `status` text DEFAULT 'queued' NOT NULL;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `status_changed_at` integer;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `provider_id` text;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `provider_status` text;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `calendar_ics` text;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `letter_pdf` blob;--> statement-breakpoint
CREATE INDEX `email_outbox_status_idx` ON `email_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `email_outbox_provider_idx` ON `email_outbox` (`provider_id`);--> statement-breakpoint
CREATE INDEX `email_outbox_booking_idx` ON `email_outbox` (`booking_id`);