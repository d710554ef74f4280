CREATE TABLE `comment_priority` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`answer_id` integer,
	`roadshow_note_id` integer,
	`priority_id` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_id`) REFERENCES `answer`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`roadshow_note_id`) REFERENCES `roadshow_note`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "comment_priority_one_source" CHECK(("comment_priority"."answer_id" is null) <> ("comment_priority"."roadshow_note_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comment_priority_answer_idx` ON `comment_priority` (`answer_id`,`priority_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `comment_priority_note_idx` ON `comment_priority` (`roadshow_note_id`,`priority_id`);--> statement-breakpoint
CREATE INDEX `comment_priority_priority_idx` ON `comment_priority` (`priority_id`);--> statement-breakpoint
CREATE TABLE `comment_theme` (
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
	CONSTRAINT "comment_theme_one_source" CHECK(("comment_theme"."answer_id" is null) <> ("comment_theme"."roadshow_note_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comment_theme_answer_idx` ON `comment_theme` (`answer_id`,`theme_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `comment_theme_note_idx` ON `comment_theme` (`roadshow_note_id`,`theme_id`);--> statement-breakpoint
CREATE INDEX `comment_theme_theme_idx` ON `comment_theme` (`theme_id`);--> statement-breakpoint
CREATE INDEX `comment_theme_consultation_idx` ON `comment_theme` (`consultation_id`,`theme_id`);--> statement-breakpoint
CREATE TABLE `consultation_response` (
	`consultation_id` integer PRIMARY KEY NOT NULL,
	`introduction` text DEFAULT '' NOT NULL,
	`easy_read_summary` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `priority_said_did` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`priority_id` integer NOT NULL,
	`you_said` text DEFAULT '' NOT NULL,
	`we_did` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_staff_user_id` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `priority`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `priority_said_did_priority_idx` ON `priority_said_did` (`consultation_id`,`priority_id`);--> statement-breakpoint
CREATE TABLE `theme` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`keywords` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `theme_consultation_name_idx` ON `theme` (`consultation_id`,`name`);