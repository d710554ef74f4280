DROP INDEX `booking_session_status_idx`;--> statement-breakpoint
CREATE INDEX `booking_session_status_idx` ON `booking` (`roadshow_session_id`,`status`,`waiting_since`,`adults`,`children`);