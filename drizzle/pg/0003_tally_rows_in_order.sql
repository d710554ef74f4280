-- Sending a response adds its answers (and tags) to their tally rows in one INSERT … SELECT …
-- GROUP BY, whose rows came out in the hash aggregate's order: two responses sent at once could
-- lock the same tally rows in opposite orders and deadlock (seen under 32 families sending at
-- once). Ordered, every transaction takes the rows it shares with another in the same order, so
-- one waits for the other instead. The function is otherwise as 0001_tally_triggers.sql left it.
CREATE OR REPLACE FUNCTION response_tally_regroup() RETURNS trigger LANGUAGE plpgsql AS $$
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
		ORDER BY 1, 2
		ON CONFLICT (question_id, value, channel, session_key) DO UPDATE SET n = t.n + excluded.n;
		INSERT INTO theme_tally AS t (question_id, theme_id, channel, session_key, n)
		SELECT a.question_id, ct.theme_id, NEW.channel, coalesce(NEW.roadshow_session_id, 0), count(*)
		FROM answer a JOIN comment_theme ct ON ct.answer_id = a.id WHERE a.response_id = NEW.id
		GROUP BY 1, 2
		ORDER BY 1, 2
		ON CONFLICT (question_id, theme_id, channel, session_key) DO UPDATE SET n = t.n + excluded.n;
	END IF;
	RETURN NULL;
END $$;
