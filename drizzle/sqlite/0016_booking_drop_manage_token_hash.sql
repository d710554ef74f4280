DROP INDEX `booking_manage_token_hash_unique`;--> statement-breakpoint
ALTER TABLE `booking` DROP COLUMN `manage_token_hash`;