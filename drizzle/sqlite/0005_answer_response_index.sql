DROP INDEX `answer_response_question_idx`;--> statement-breakpoint
CREATE INDEX `answer_response_question_value_idx` ON `answer` (`response_id`,`question_id`,`value`);