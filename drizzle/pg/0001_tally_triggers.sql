-- The dashboard's running totals (response_tally, answer_tally, theme_tally) kept by the database
-- itself: the PostgreSQL twin of drizzle/sqlite/0020_tally_triggers.sql, trigger for trigger, with
-- the same names and the same rules. Only submitted responses count. Increments are upserts;
-- decrements are plain UPDATEs, so a cascade that has already removed a tally row (its question or
-- theme deleted) never re-creates it.
--
-- Cascades: PostgreSQL deletes (or nulls) the rows below a deleted row in its foreign keys' own
-- AFTER triggers, so, as in SQLite, they go after their parent row is gone: a parent's BEFORE
-- DELETE trigger (response, answer) still sees every row below it and takes all of them away,
-- and a child's trigger finds its parent gone and does nothing, so nothing is taken away twice.
-- The AFTER triggers of rows a cascade deletes (comment_theme's) wait for the end of the outer
-- statement, by when the answers above them are gone too.
--
-- Unlike SQLite, PostgreSQL checks a row's foreign keys again when it is updated a second time in
-- one transaction, even with the keys unchanged. Deleting a questionnaire version deletes its
-- questions first, then its responses; each response's trigger would take its answers off tally
-- rows whose question is already gone (but whose own cascade has not yet run), and the second
-- such update fails that check. So every decrement skips rows whose question, theme or
-- consultation has gone: they are being deleted by the same statement anyway.
--
-- The one cascade that adds to the totals is a roadshow session's deletion setting its responses'
-- session to null (they move to session 0); when the whole consultation goes, its responses are
-- deleted (their foreign key straight to the consultation) before that runs, so nothing moves.
--
-- `hour` is submitted_at in epoch milliseconds / 3,600,000, rounded down, as SQLite's integer
-- division gives for these (positive) times.
CREATE FUNCTION tally_hour(t timestamp with time zone) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT floor(extract(epoch FROM t) * 1000 / 3600000)::integer $$;
--> statement-breakpoint
CREATE FUNCTION response_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO response_tally AS t (consultation_id, audience, channel, session_key, hour, n)
	VALUES (NEW.consultation_id, NEW.audience, NEW.channel, coalesce(NEW.roadshow_session_id, 0), tally_hour(NEW.submitted_at), 1)
	ON CONFLICT (consultation_id, audience, channel, session_key, hour) DO UPDATE SET n = t.n + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER response_tally_insert AFTER INSERT ON response
FOR EACH ROW WHEN (NEW.status = 'submitted') EXECUTE FUNCTION response_tally_insert();
--> statement-breakpoint
CREATE FUNCTION response_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.status = 'submitted' THEN
		UPDATE response_tally SET n = n - 1
		WHERE consultation_id = OLD.consultation_id AND audience = OLD.audience
			AND channel = OLD.channel AND session_key = coalesce(OLD.roadshow_session_id, 0)
			AND hour = tally_hour(OLD.submitted_at)
		AND EXISTS (SELECT 1 FROM consultation c WHERE c.id = response_tally.consultation_id);
	END IF;
	IF NEW.status = 'submitted' THEN
		INSERT INTO response_tally AS t (consultation_id, audience, channel, session_key, hour, n)
		VALUES (NEW.consultation_id, NEW.audience, NEW.channel, coalesce(NEW.roadshow_session_id, 0), tally_hour(NEW.submitted_at), 1)
		ON CONFLICT (consultation_id, audience, channel, session_key, hour) DO UPDATE SET n = t.n + 1;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER response_tally_update
AFTER UPDATE OF status, consultation_id, audience, channel, roadshow_session_id, submitted_at ON response
FOR EACH ROW WHEN (OLD.status = 'submitted' OR NEW.status = 'submitted')
EXECUTE FUNCTION response_tally_update();
--> statement-breakpoint
-- A response sent, taken back, or moved to another channel or session: its answers and tags move
-- out of the old group and into the new.
CREATE FUNCTION response_tally_regroup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.status = 'submitted' THEN
		UPDATE answer_tally SET n = n - (
			SELECT count(*) FROM answer a WHERE a.response_id = OLD.id
				AND a.question_id = answer_tally.question_id AND coalesce(a.value, '') = answer_tally.value)
		WHERE channel = OLD.channel AND session_key = coalesce(OLD.roadshow_session_id, 0)
			AND question_id IN (SELECT question_id FROM answer WHERE response_id = OLD.id)
		AND EXISTS (SELECT 1 FROM question q WHERE q.id = answer_tally.question_id);
		UPDATE theme_tally SET n = n - (
			SELECT count(*) FROM answer a JOIN comment_theme ct ON ct.answer_id = a.id WHERE a.response_id = OLD.id
				AND a.question_id = theme_tally.question_id AND ct.theme_id = theme_tally.theme_id)
		WHERE channel = OLD.channel AND session_key = coalesce(OLD.roadshow_session_id, 0)
			AND question_id IN (SELECT question_id FROM answer WHERE response_id = OLD.id)
		AND EXISTS (SELECT 1 FROM question q WHERE q.id = theme_tally.question_id)
		AND EXISTS (SELECT 1 FROM theme th WHERE th.id = theme_tally.theme_id);
	END IF;
	IF NEW.status = 'submitted' THEN
		INSERT INTO answer_tally AS t (question_id, value, channel, session_key, n)
		SELECT question_id, coalesce(value, ''), NEW.channel, coalesce(NEW.roadshow_session_id, 0), count(*)
		FROM answer WHERE response_id = NEW.id
		GROUP BY 1, 2
		ON CONFLICT (question_id, value, channel, session_key) DO UPDATE SET n = t.n + excluded.n;
		INSERT INTO theme_tally AS t (question_id, theme_id, channel, session_key, n)
		SELECT a.question_id, ct.theme_id, NEW.channel, coalesce(NEW.roadshow_session_id, 0), count(*)
		FROM answer a JOIN comment_theme ct ON ct.answer_id = a.id WHERE a.response_id = NEW.id
		GROUP BY 1, 2
		ON CONFLICT (question_id, theme_id, channel, session_key) DO UPDATE SET n = t.n + excluded.n;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER response_tally_regroup
AFTER UPDATE OF status, channel, roadshow_session_id ON response
FOR EACH ROW WHEN (OLD.status = 'submitted' OR NEW.status = 'submitted')
EXECUTE FUNCTION response_tally_regroup();
--> statement-breakpoint
CREATE FUNCTION response_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE response_tally SET n = n - 1
	WHERE consultation_id = OLD.consultation_id AND audience = OLD.audience AND channel = OLD.channel
		AND session_key = coalesce(OLD.roadshow_session_id, 0) AND hour = tally_hour(OLD.submitted_at)
		AND EXISTS (SELECT 1 FROM consultation c WHERE c.id = response_tally.consultation_id);
	UPDATE answer_tally SET n = n - (
		SELECT count(*) FROM answer a WHERE a.response_id = OLD.id
			AND a.question_id = answer_tally.question_id AND coalesce(a.value, '') = answer_tally.value)
	WHERE channel = OLD.channel AND session_key = coalesce(OLD.roadshow_session_id, 0)
		AND question_id IN (SELECT question_id FROM answer WHERE response_id = OLD.id)
		AND EXISTS (SELECT 1 FROM question q WHERE q.id = answer_tally.question_id);
	UPDATE theme_tally SET n = n - (
		SELECT count(*) FROM answer a JOIN comment_theme ct ON ct.answer_id = a.id WHERE a.response_id = OLD.id
			AND a.question_id = theme_tally.question_id AND ct.theme_id = theme_tally.theme_id)
	WHERE channel = OLD.channel AND session_key = coalesce(OLD.roadshow_session_id, 0)
		AND question_id IN (SELECT question_id FROM answer WHERE response_id = OLD.id)
		AND EXISTS (SELECT 1 FROM question q WHERE q.id = theme_tally.question_id)
		AND EXISTS (SELECT 1 FROM theme th WHERE th.id = theme_tally.theme_id);
	RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER response_tally_delete BEFORE DELETE ON response
FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION response_tally_delete();
--> statement-breakpoint
CREATE FUNCTION answer_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO answer_tally AS t (question_id, value, channel, session_key, n)
	SELECT NEW.question_id, coalesce(NEW.value, ''), r.channel, coalesce(r.roadshow_session_id, 0), 1
	FROM response r WHERE r.id = NEW.response_id AND r.status = 'submitted'
	ON CONFLICT (question_id, value, channel, session_key) DO UPDATE SET n = t.n + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER answer_tally_insert AFTER INSERT ON answer
FOR EACH ROW EXECUTE FUNCTION answer_tally_insert();
--> statement-breakpoint
CREATE FUNCTION answer_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE answer_tally SET n = n - 1
	WHERE question_id = OLD.question_id AND value = coalesce(OLD.value, '')
		AND (channel, session_key) = (
			SELECT r.channel, coalesce(r.roadshow_session_id, 0) FROM response r
			WHERE r.id = OLD.response_id AND r.status = 'submitted')
		AND EXISTS (SELECT 1 FROM question q WHERE q.id = answer_tally.question_id);
	UPDATE theme_tally SET n = n - 1
	WHERE question_id = OLD.question_id
		AND theme_id IN (SELECT theme_id FROM comment_theme WHERE answer_id = OLD.id)
		AND (channel, session_key) = (
			SELECT r.channel, coalesce(r.roadshow_session_id, 0) FROM response r
			WHERE r.id = OLD.response_id AND r.status = 'submitted')
		AND EXISTS (SELECT 1 FROM question q WHERE q.id = theme_tally.question_id)
		AND EXISTS (SELECT 1 FROM theme th WHERE th.id = theme_tally.theme_id);
	RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER answer_tally_delete BEFORE DELETE ON answer
FOR EACH ROW EXECUTE FUNCTION answer_tally_delete();
--> statement-breakpoint
CREATE FUNCTION answer_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE answer_tally SET n = n - 1
	WHERE question_id = OLD.question_id AND value = coalesce(OLD.value, '')
		AND (channel, session_key) = (
			SELECT r.channel, coalesce(r.roadshow_session_id, 0) FROM response r
			WHERE r.id = OLD.response_id AND r.status = 'submitted')
		AND EXISTS (SELECT 1 FROM question q WHERE q.id = answer_tally.question_id);
	INSERT INTO answer_tally AS t (question_id, value, channel, session_key, n)
	SELECT NEW.question_id, coalesce(NEW.value, ''), r.channel, coalesce(r.roadshow_session_id, 0), 1
	FROM response r WHERE r.id = NEW.response_id AND r.status = 'submitted'
	ON CONFLICT (question_id, value, channel, session_key) DO UPDATE SET n = t.n + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER answer_tally_update AFTER UPDATE OF response_id, question_id, value ON answer
FOR EACH ROW EXECUTE FUNCTION answer_tally_update();
--> statement-breakpoint
CREATE FUNCTION answer_tally_move_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE theme_tally SET n = n - 1
	WHERE question_id = OLD.question_id
		AND theme_id IN (SELECT theme_id FROM comment_theme WHERE answer_id = OLD.id)
		AND (channel, session_key) = (
			SELECT r.channel, coalesce(r.roadshow_session_id, 0) FROM response r
			WHERE r.id = OLD.response_id AND r.status = 'submitted')
		AND EXISTS (SELECT 1 FROM question q WHERE q.id = theme_tally.question_id)
		AND EXISTS (SELECT 1 FROM theme th WHERE th.id = theme_tally.theme_id);
	INSERT INTO theme_tally AS t (question_id, theme_id, channel, session_key, n)
	SELECT NEW.question_id, ct.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), 1
	FROM comment_theme ct, response r
	WHERE ct.answer_id = NEW.id AND r.id = NEW.response_id AND r.status = 'submitted'
	ON CONFLICT (question_id, theme_id, channel, session_key) DO UPDATE SET n = t.n + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER answer_tally_move_tags AFTER UPDATE OF response_id, question_id ON answer
FOR EACH ROW EXECUTE FUNCTION answer_tally_move_tags();
--> statement-breakpoint
CREATE FUNCTION theme_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO theme_tally AS t (question_id, theme_id, channel, session_key, n)
	SELECT a.question_id, NEW.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), 1
	FROM answer a, response r WHERE a.id = NEW.answer_id AND r.id = a.response_id AND r.status = 'submitted'
	ON CONFLICT (question_id, theme_id, channel, session_key) DO UPDATE SET n = t.n + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER theme_tally_insert AFTER INSERT ON comment_theme
FOR EACH ROW WHEN (NEW.answer_id IS NOT NULL) EXECUTE FUNCTION theme_tally_insert();
--> statement-breakpoint
CREATE FUNCTION theme_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE theme_tally SET n = n - 1
	WHERE theme_id = OLD.theme_id AND (question_id, channel, session_key) = (
		SELECT a.question_id, r.channel, coalesce(r.roadshow_session_id, 0) FROM answer a, response r
		WHERE a.id = OLD.answer_id AND r.id = a.response_id AND r.status = 'submitted')
		AND EXISTS (SELECT 1 FROM question q WHERE q.id = theme_tally.question_id)
		AND EXISTS (SELECT 1 FROM theme th WHERE th.id = theme_tally.theme_id);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER theme_tally_delete AFTER DELETE ON comment_theme
FOR EACH ROW WHEN (OLD.answer_id IS NOT NULL) EXECUTE FUNCTION theme_tally_delete();
--> statement-breakpoint
CREATE FUNCTION theme_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE theme_tally SET n = n - 1
	WHERE theme_id = OLD.theme_id AND (question_id, channel, session_key) = (
		SELECT a.question_id, r.channel, coalesce(r.roadshow_session_id, 0) FROM answer a, response r
		WHERE a.id = OLD.answer_id AND r.id = a.response_id AND r.status = 'submitted')
		AND EXISTS (SELECT 1 FROM question q WHERE q.id = theme_tally.question_id)
		AND EXISTS (SELECT 1 FROM theme th WHERE th.id = theme_tally.theme_id);
	INSERT INTO theme_tally AS t (question_id, theme_id, channel, session_key, n)
	SELECT a.question_id, NEW.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), 1
	FROM answer a, response r WHERE a.id = NEW.answer_id AND r.id = a.response_id AND r.status = 'submitted'
	ON CONFLICT (question_id, theme_id, channel, session_key) DO UPDATE SET n = t.n + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER theme_tally_update AFTER UPDATE OF answer_id, theme_id ON comment_theme
FOR EACH ROW EXECUTE FUNCTION theme_tally_update();
--> statement-breakpoint
-- What is there already (nothing, on a fresh baseline; kept so the migration is right wherever it runs).
INSERT INTO response_tally (consultation_id, audience, channel, session_key, hour, n)
SELECT consultation_id, audience, channel, coalesce(roadshow_session_id, 0), tally_hour(submitted_at), count(*)
FROM response WHERE status = 'submitted' GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO answer_tally (question_id, value, channel, session_key, n)
SELECT a.question_id, coalesce(a.value, ''), r.channel, coalesce(r.roadshow_session_id, 0), count(*)
FROM answer a JOIN response r ON r.id = a.response_id
WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO theme_tally (question_id, theme_id, channel, session_key, n)
SELECT a.question_id, ct.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), count(*)
FROM comment_theme ct JOIN answer a ON a.id = ct.answer_id JOIN response r ON r.id = a.response_id
WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4;
