-- Rows written before the database enforced these rules, mended so the next migration's checks
-- hold: a party of 0 adults keeps its places with one child counted as the adult; a waiting-list
-- entry without its time joins when it was made; an end time before the start is forgotten.
UPDATE `booking` SET `adults` = 1, `children` = `children` - 1 WHERE `adults` < 1 AND `children` >= 1;--> statement-breakpoint
UPDATE `booking` SET `adults` = 1 WHERE `adults` < 1;--> statement-breakpoint
UPDATE `booking` SET `children` = 0 WHERE `children` < 0;--> statement-breakpoint
UPDATE `booking` SET `waiting_since` = `created_at` WHERE `status` = 'waiting' AND `waiting_since` IS NULL;--> statement-breakpoint
UPDATE `roadshow_session` SET `ends_at` = NULL WHERE `ends_at` IS NOT NULL AND `ends_at` <= `starts_at`;--> statement-breakpoint
UPDATE `response` SET `submitted_at` = `last_saved_at` WHERE `status` = 'submitted' AND `submitted_at` IS NULL;--> statement-breakpoint
UPDATE `consultation` SET `closed_early_at` = NULL, `response_published_at` = NULL WHERE `published_at` IS NULL;
