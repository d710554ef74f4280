CREATE TABLE `rate_limit` (
	`key` text PRIMARY KEY NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`expire` integer
);
--> statement-breakpoint
CREATE INDEX `rate_limit_expire_idx` ON `rate_limit` (`expire`);--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `cap_key` text;--> statement-breakpoint
CREATE INDEX `email_outbox_cap_idx` ON `email_outbox` (`cap_key`,`created_at`);