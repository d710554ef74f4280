-- Emails stored before delivery status existed: say how far each got, so none shows as pending.
UPDATE `email_outbox` SET `status` = CASE
		WHEN `transport` = 'outbox' THEN 'kept'
		WHEN `error` IS NOT NULL THEN 'queued'
		WHEN `sent_at` IS NOT NULL THEN 'sent'
		ELSE 'queued'
	END,
	`status_changed_at` = `created_at`;
