-- The running totals on PostgreSQL (drizzle/pg/0001) through a response's life: each step checks
-- the totals against a recount and against the exact figures. Raises on the first difference.
CREATE TEMP VIEW recount_mismatch AS
WITH rk AS (SELECT consultation_id, audience, channel, session_key, hour, n FROM response_tally WHERE n <> 0),
     rr AS (SELECT consultation_id, audience, channel, coalesce(roadshow_session_id, 0) AS session_key, tally_hour(submitted_at) AS hour, count(*)::int AS n
            FROM response WHERE status = 'submitted' GROUP BY 1, 2, 3, 4, 5),
     ak AS (SELECT question_id, value, channel, session_key, n FROM answer_tally WHERE n <> 0),
     ar AS (SELECT a.question_id, coalesce(a.value, '') AS value, r.channel, coalesce(r.roadshow_session_id, 0) AS session_key, count(*)::int AS n
            FROM answer a JOIN response r ON r.id = a.response_id WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4),
     tk AS (SELECT question_id, theme_id, channel, session_key, n FROM theme_tally WHERE n <> 0),
     tr AS (SELECT a.question_id, ct.theme_id, r.channel, coalesce(r.roadshow_session_id, 0) AS session_key, count(*)::int AS n
            FROM comment_theme ct JOIN answer a ON a.id = ct.answer_id JOIN response r ON r.id = a.response_id
            WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4)
SELECT (SELECT count(*) FROM (SELECT * FROM rk EXCEPT SELECT * FROM rr) x) + (SELECT count(*) FROM (SELECT * FROM rr EXCEPT SELECT * FROM rk) x) AS response,
       (SELECT count(*) FROM (SELECT * FROM ak EXCEPT SELECT * FROM ar) x) + (SELECT count(*) FROM (SELECT * FROM ar EXCEPT SELECT * FROM ak) x) AS answer,
       (SELECT count(*) FROM (SELECT * FROM tk EXCEPT SELECT * FROM tr) x) + (SELECT count(*) FROM (SELECT * FROM tr EXCEPT SELECT * FROM tk) x) AS theme;

CREATE FUNCTION pg_temp.check(step text, resp_n int, ans text, thm text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE m record; a text; t text; r int;
BEGIN
	SELECT * INTO m FROM recount_mismatch;
	IF m.response + m.answer + m.theme <> 0 THEN RAISE EXCEPTION '%: totals differ from a recount: %', step, m; END IF;
	SELECT coalesce(sum(n), 0) INTO r FROM response_tally;
	SELECT coalesce(string_agg(format('%s/%s/%s/%s=%s', question_id, value, channel, session_key, n), ' ' ORDER BY question_id, value, channel, session_key), '') INTO a FROM answer_tally WHERE n <> 0;
	SELECT coalesce(string_agg(format('%s/%s/%s/%s=%s', question_id, theme_id, channel, session_key, n), ' ' ORDER BY question_id, theme_id, channel, session_key), '') INTO t FROM theme_tally WHERE n <> 0;
	IF r <> resp_n OR a <> ans OR t <> thm THEN
		RAISE EXCEPTION '%: expected responses % answers [%] themes [%], got % [%] [%]', step, resp_n, ans, thm, r, a, t;
	END IF;
	RETURN step;
END $$;

INSERT INTO consultation (id, slug, title, summary, contact_email, opens_on, closes_on, published_at, created_at, updated_at)
	VALUES (1, 'send', 'SEND', '', 'send@example.org', '2026-05-01', '2026-07-31', now(), now(), now());
INSERT INTO roadshow_session (id, consultation_id, title, starts_at, capacity, booking_closes_at, created_at, updated_at)
	VALUES (7, 1, 'Drop-in', '2026-06-10 10:00Z', 10, '2026-06-09 10:00Z', now(), now());
INSERT INTO questionnaire (id, consultation_id, audience, created_at, updated_at) VALUES (1, 1, 'parents_carers', now(), now());
INSERT INTO questionnaire_version (id, questionnaire_id, number, status, title, created_at) VALUES (1, 1, 1, 'published', 'Q', now());
INSERT INTO question (id, version_id, position, key, kind, text) VALUES (10, 1, 1, 'agree', 'agreement', 'Agree?'), (11, 1, 2, 'why', 'text', 'Why?');
INSERT INTO theme (id, consultation_id, name, created_at) VALUES (5, 1, 'Waiting times', now());
-- 1. in progress, answered and tagged: counts nowhere
INSERT INTO response (id, questionnaire_id, version_id, consultation_id, audience, channel, status, started_at, last_saved_at)
	VALUES (100, 1, 1, 1, 'parents_carers', 'online', 'in_progress', '2026-06-01 09:10Z', '2026-06-01 09:10Z');
INSERT INTO answer (id, response_id, question_id, value, text_value) VALUES (1000, 100, 10, 'agree', NULL), (1001, 100, 11, NULL, 'Too long to wait');
INSERT INTO comment_theme (id, consultation_id, answer_id, theme_id, tagged_at) VALUES (1, 1, 1001, 5, now());
SELECT pg_temp.check('in progress, answered and tagged', 0, '', '');
-- 2. submitted; the hour is SQLite's integer division of epoch milliseconds
UPDATE response SET status = 'submitted', submitted_at = '2026-06-01 09:59:59.999Z' WHERE id = 100;
SELECT pg_temp.check('submitted', 1, '10/agree/online/0=1 11//online/0=1', '11/5/online/0=1');
DO $$ BEGIN
	IF (SELECT hour FROM response_tally WHERE n > 0) <> 494529 THEN RAISE EXCEPTION 'hour: not 494529'; END IF;
END $$;
-- 3. a second response, submitted at session 7, answered after sending
INSERT INTO response (id, questionnaire_id, version_id, consultation_id, audience, channel, status, started_at, last_saved_at, submitted_at, roadshow_session_id)
	VALUES (101, 1, 1, 1, 'parents_carers', 'roadshow', 'submitted', '2026-06-10 10:05Z', '2026-06-10 10:05Z', '2026-06-10 10:05Z', 7);
INSERT INTO answer (id, response_id, question_id, value) VALUES (1002, 101, 10, 'agree');
INSERT INTO answer (id, response_id, question_id, text_value) VALUES (1003, 101, 11, 'Nobody called back');
INSERT INTO comment_theme (id, consultation_id, answer_id, theme_id, tagged_at) VALUES (2, 1, 1003, 5, now());
SELECT pg_temp.check('second response at session 7', 2, '10/agree/online/0=1 10/agree/roadshow/7=1 11//online/0=1 11//roadshow/7=1', '11/5/online/0=1 11/5/roadshow/7=1');
-- 4. answer value changed
UPDATE answer SET value = 'disagree' WHERE id = 1002;
SELECT pg_temp.check('answer changed', 2, '10/agree/online/0=1 10/disagree/roadshow/7=1 11//online/0=1 11//roadshow/7=1', '11/5/online/0=1 11/5/roadshow/7=1');
-- 5. un-submitted
UPDATE response SET status = 'in_progress', submitted_at = NULL WHERE id = 100;
SELECT pg_temp.check('un-submitted', 1, '10/disagree/roadshow/7=1 11//roadshow/7=1', '11/5/roadshow/7=1');
-- 6. resubmitted, then channel changed
UPDATE response SET status = 'submitted', submitted_at = '2026-06-02 12:00Z' WHERE id = 100;
UPDATE response SET channel = 'paper' WHERE id = 100;
SELECT pg_temp.check('resubmitted, channel changed', 2, '10/agree/paper/0=1 10/disagree/roadshow/7=1 11//paper/0=1 11//roadshow/7=1', '11/5/paper/0=1 11/5/roadshow/7=1');
-- 7. untag, retag; a tag on a roadshow note does not count
DELETE FROM comment_theme WHERE id = 1;
SELECT pg_temp.check('untagged', 2, '10/agree/paper/0=1 10/disagree/roadshow/7=1 11//paper/0=1 11//roadshow/7=1', '11/5/roadshow/7=1');
INSERT INTO comment_theme (id, consultation_id, answer_id, theme_id, tagged_at) VALUES (1, 1, 1001, 5, now());
INSERT INTO roadshow_note (id, consultation_id, audience, note, created_at) VALUES (1, 1, 'parents_carers', 'Said at the table', now());
INSERT INTO comment_theme (id, consultation_id, roadshow_note_id, theme_id, tagged_at) VALUES (3, 1, 1, 5, now());
SELECT pg_temp.check('retagged, note tagged', 2, '10/agree/paper/0=1 10/disagree/roadshow/7=1 11//paper/0=1 11//roadshow/7=1', '11/5/paper/0=1 11/5/roadshow/7=1');
-- 8. tagged answer moved to the other question (and back)
UPDATE answer SET question_id = 10 WHERE id = 1001;
SELECT pg_temp.check('tagged answer moved', 2, '10//paper/0=1 10/agree/paper/0=1 10/disagree/roadshow/7=1 11//roadshow/7=1', '10/5/paper/0=1 11/5/roadshow/7=1');
UPDATE answer SET question_id = 11 WHERE id = 1001;
-- 9. session deleted: its response moves to session 0
DELETE FROM roadshow_session WHERE id = 7;
SELECT pg_temp.check('session deleted', 2, '10/agree/paper/0=1 10/disagree/roadshow/0=1 11//paper/0=1 11//roadshow/0=1', '11/5/paper/0=1 11/5/roadshow/0=1');
-- 10. response deleted (answers and tags cascade)
DELETE FROM response WHERE id = 101;
SELECT pg_temp.check('response deleted', 1, '10/agree/paper/0=1 11//paper/0=1', '11/5/paper/0=1');
-- 11. theme deleted
INSERT INTO theme (id, consultation_id, name, created_at) VALUES (6, 1, 'Transport', now());
INSERT INTO comment_theme (id, consultation_id, answer_id, theme_id, tagged_at) VALUES (4, 1, 1001, 6, now());
SELECT pg_temp.check('second theme', 1, '10/agree/paper/0=1 11//paper/0=1', '11/5/paper/0=1 11/6/paper/0=1');
DELETE FROM theme WHERE id = 6;
SELECT pg_temp.check('theme deleted', 1, '10/agree/paper/0=1 11//paper/0=1', '11/5/paper/0=1');
-- 12. tagged answer deleted
DELETE FROM answer WHERE id = 1001;
SELECT pg_temp.check('tagged answer deleted', 1, '10/agree/paper/0=1', '');
INSERT INTO answer (id, response_id, question_id, text_value) VALUES (1001, 100, 11, 'Too long to wait');
INSERT INTO comment_theme (id, consultation_id, answer_id, theme_id, tagged_at) VALUES (5, 1, 1001, 5, now());
SELECT pg_temp.check('answered and tagged again', 1, '10/agree/paper/0=1 11//paper/0=1', '11/5/paper/0=1');
-- 13. question deleted (cascade): no tally rows left for it
DELETE FROM question WHERE id = 11;
SELECT pg_temp.check('question deleted', 1, '10/agree/paper/0=1', '');
DO $$ BEGIN
	IF EXISTS (SELECT 1 FROM answer_tally WHERE question_id = 11) OR EXISTS (SELECT 1 FROM theme_tally WHERE question_id = 11)
		THEN RAISE EXCEPTION 'question deleted: its tally rows remain'; END IF;
END $$;
-- 14. consultation deleted (everything cascades)
INSERT INTO roadshow_session (id, consultation_id, title, starts_at, capacity, booking_closes_at, created_at, updated_at)
	VALUES (8, 1, 'Evening', '2026-06-11 18:00Z', 10, '2026-06-10 18:00Z', now(), now());
UPDATE response SET roadshow_session_id = 8, channel = 'roadshow' WHERE id = 100;
SELECT pg_temp.check('moved to session 8', 1, '10/agree/roadshow/8=1', '');
DELETE FROM consultation WHERE id = 1;
SELECT pg_temp.check('consultation deleted', 0, '', '');
DO $$ BEGIN
	IF EXISTS (SELECT 1 FROM response_tally) OR EXISTS (SELECT 1 FROM answer_tally) OR EXISTS (SELECT 1 FROM theme_tally)
		THEN RAISE EXCEPTION 'consultation deleted: tally rows remain'; END IF;
END $$;
