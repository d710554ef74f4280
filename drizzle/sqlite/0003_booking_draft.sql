CREATE TABLE `booking_draft` (
	`id` text PRIMARY KEY NOT NULL,
	`roadshow_session_id` integer NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`roadshow_session_id`) REFERENCES `roadshow_session`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `booking_draft_updated_idx` ON `booking_draft` (`updated_at`);