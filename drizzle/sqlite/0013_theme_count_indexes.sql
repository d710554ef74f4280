CREATE INDEX `response_consultation_status_submitted_idx` ON `response` (`consultation_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `comment_priority_consultation_idx` ON `comment_priority` (`consultation_id`,`answer_id`,`priority_id`);--> statement-breakpoint
CREATE INDEX `comment_theme_consultation_answer_idx` ON `comment_theme` (`consultation_id`,`answer_id`,`theme_id`);