CREATE TABLE `answer_tally` (
	`question_id` integer NOT NULL,
	`value` text NOT NULL,
	`channel` text NOT NULL,
	`session_key` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`question_id`, `value`, `channel`, `session_key`),
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `response_tally` (
	`consultation_id` integer NOT NULL,
	`audience` text NOT NULL,
	`channel` text NOT NULL,
	`session_key` integer NOT NULL,
	`hour` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`consultation_id`, `audience`, `channel`, `session_key`, `hour`),
	FOREIGN KEY (`consultation_id`) REFERENCES `consultation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `theme_tally` (
	`question_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	`channel` text NOT NULL,
	`session_key` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`question_id`, `theme_id`, `channel`, `session_key`),
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `theme`(`id`) ON UPDATE no action ON DELETE cascade
);
