-- A response's and a roadshow note's session must be of their own consultation: composite foreign
-- keys to roadshow_session (id, consultation_id) with no action of their own, beside the plain key
-- that sets the session to null when it is deleted. SQLite checks the composite key after the
-- plain key has done so. PostgreSQL runs both as triggers on the deleted session, in the order of
-- their internal names, which follow the keys' creation order (their OIDs): the baseline creates
-- the plain key first, but any later migration that re-creates it (to change its ON DELETE, say)
-- would put the check first, and deleting a session with responses would then fail with
-- "violates foreign key constraint response_session_consultation_fk". Checked at commit instead,
-- the composite keys see the nulled sessions whatever the order. (drizzle-kit cannot say
-- DEFERRABLE, so it is set here; a migration that re-creates these two keys must set it again.)
ALTER TABLE "response" ALTER CONSTRAINT "response_session_consultation_fk" DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "roadshow_note" ALTER CONSTRAINT "roadshow_note_session_consultation_fk" DEFERRABLE INITIALLY DEFERRED;
