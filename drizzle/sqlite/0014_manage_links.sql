CREATE TABLE `booking_manage_link` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`booking_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `booking`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "booking_manage_link_expiry_check" CHECK("booking_manage_link"."expires_at" > "booking_manage_link"."created_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `booking_manage_link_token_hash_unique` ON `booking_manage_link` (`token_hash`);--> statement-breakpoint
CREATE INDEX `booking_manage_link_booking_idx` ON `booking_manage_link` (`booking_id`);--> statement-breakpoint
ALTER TABLE `booking` ADD `client_address_hash` text;