-- Each booking's one manage link, moved into booking_manage_link before the column goes. It
-- lasts a year from when the booking was made, as a new link does from when it is sent.
INSERT INTO `booking_manage_link` (`booking_id`, `token_hash`, `expires_at`, `created_at`)
	SELECT `id`, `manage_token_hash`, `created_at` + 31536000000, `created_at` FROM `booking`;
