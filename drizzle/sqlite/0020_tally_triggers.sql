-- The dashboard's running totals (response_tally, answer_tally, theme_tally) kept by the database
-- itself, so every write path keeps them: the app, staff entry, retention, deletes and cascades.
-- Only submitted responses count. Increments are upserts; decrements are plain UPDATEs, so a
-- cascade that has already removed a tally row (its question or theme deleted) never re-creates it.
-- SQLite deletes cascaded children after their parent row is gone: a parent's BEFORE DELETE
-- trigger takes away everything below it, and a child's trigger acts only while its parent is
-- still there, so nothing is taken away twice.
CREATE TRIGGER `response_tally_insert` AFTER INSERT ON `response` WHEN NEW.status = 'submitted'
BEGIN
	INSERT INTO `response_tally` (`consultation_id`, `audience`, `channel`, `session_key`, `hour`, `n`)
	VALUES (NEW.consultation_id, NEW.audience, NEW.channel, coalesce(NEW.roadshow_session_id, 0), NEW.submitted_at / 3600000, 1)
	ON CONFLICT (`consultation_id`, `audience`, `channel`, `session_key`, `hour`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `response_tally_update` AFTER UPDATE OF `status`, `consultation_id`, `audience`, `channel`, `roadshow_session_id`, `submitted_at` ON `response`
WHEN OLD.status = 'submitted' OR NEW.status = 'submitted'
BEGIN
	UPDATE `response_tally` SET `n` = `n` - 1
	WHERE OLD.status = 'submitted' AND `consultation_id` = OLD.consultation_id AND `audience` = OLD.audience
		AND `channel` = OLD.channel AND `session_key` = coalesce(OLD.roadshow_session_id, 0)
		AND `hour` = OLD.submitted_at / 3600000;
	INSERT INTO `response_tally` (`consultation_id`, `audience`, `channel`, `session_key`, `hour`, `n`)
	SELECT NEW.consultation_id, NEW.audience, NEW.channel, coalesce(NEW.roadshow_session_id, 0), NEW.submitted_at / 3600000, 1
	WHERE NEW.status = 'submitted'
	ON CONFLICT (`consultation_id`, `audience`, `channel`, `session_key`, `hour`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
-- A response sent, taken back, or moved to another channel or session: its answers and tags move
-- out of the old group and into the new.
CREATE TRIGGER `response_tally_regroup` AFTER UPDATE OF `status`, `channel`, `roadshow_session_id` ON `response`
WHEN OLD.status = 'submitted' OR NEW.status = 'submitted'
BEGIN
	UPDATE `answer_tally` SET `n` = `n` - (
		SELECT count(*) FROM `answer` a WHERE a.response_id = OLD.id
			AND a.question_id = `answer_tally`.question_id AND coalesce(a.value, '') = `answer_tally`.value)
	WHERE `channel` = OLD.channel AND `session_key` = coalesce(OLD.roadshow_session_id, 0)
		AND `question_id` IN (SELECT `question_id` FROM `answer` WHERE `response_id` = OLD.id) AND OLD.status = 'submitted';
	UPDATE `theme_tally` SET `n` = `n` - (
		SELECT count(*) FROM `answer` a, `comment_theme` ct WHERE ct.answer_id = a.id AND a.response_id = OLD.id
			AND a.question_id = `theme_tally`.question_id AND ct.theme_id = `theme_tally`.theme_id)
	WHERE `channel` = OLD.channel AND `session_key` = coalesce(OLD.roadshow_session_id, 0)
		AND `question_id` IN (SELECT `question_id` FROM `answer` WHERE `response_id` = OLD.id) AND OLD.status = 'submitted';
	INSERT INTO `answer_tally` (`question_id`, `value`, `channel`, `session_key`, `n`)
	SELECT `question_id`, coalesce(`value`, ''), NEW.channel, coalesce(NEW.roadshow_session_id, 0), count(*)
	FROM `answer` WHERE `response_id` = NEW.id AND NEW.status = 'submitted'
	GROUP BY 1, 2
	ON CONFLICT (`question_id`, `value`, `channel`, `session_key`) DO UPDATE SET `n` = `n` + excluded.n;
	INSERT INTO `theme_tally` (`question_id`, `theme_id`, `channel`, `session_key`, `n`)
	SELECT a.question_id, ct.theme_id, NEW.channel, coalesce(NEW.roadshow_session_id, 0), count(*)
	FROM `answer` a, `comment_theme` ct WHERE ct.answer_id = a.id AND a.response_id = NEW.id AND NEW.status = 'submitted'
	GROUP BY 1, 2
	ON CONFLICT (`question_id`, `theme_id`, `channel`, `session_key`) DO UPDATE SET `n` = `n` + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `response_tally_delete` BEFORE DELETE ON `response` WHEN OLD.status = 'submitted'
BEGIN
	UPDATE `response_tally` SET `n` = `n` - 1
	WHERE `consultation_id` = OLD.consultation_id AND `audience` = OLD.audience AND `channel` = OLD.channel
		AND `session_key` = coalesce(OLD.roadshow_session_id, 0) AND `hour` = OLD.submitted_at / 3600000;
	UPDATE `answer_tally` SET `n` = `n` - (
		SELECT count(*) FROM `answer` a WHERE a.response_id = OLD.id
			AND a.question_id = `answer_tally`.question_id AND coalesce(a.value, '') = `answer_tally`.value)
	WHERE `channel` = OLD.channel AND `session_key` = coalesce(OLD.roadshow_session_id, 0)
		AND `question_id` IN (SELECT `question_id` FROM `answer` WHERE `response_id` = OLD.id);
	UPDATE `theme_tally` SET `n` = `n` - (
		SELECT count(*) FROM `answer` a, `comment_theme` ct WHERE ct.answer_id = a.id AND a.response_id = OLD.id
			AND a.question_id = `theme_tally`.question_id AND ct.theme_id = `theme_tally`.theme_id)
	WHERE `channel` = OLD.channel AND `session_key` = coalesce(OLD.roadshow_session_id, 0)
		AND `question_id` IN (SELECT `question_id` FROM `answer` WHERE `response_id` = OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER `answer_tally_insert` AFTER INSERT ON `answer`
BEGIN
	INSERT INTO `answer_tally` (`question_id`, `value`, `channel`, `session_key`, `n`)
	SELECT NEW.question_id, coalesce(NEW.value, ''), r.channel, coalesce(r.roadshow_session_id, 0), 1
	FROM `response` r WHERE r.id = NEW.response_id AND r.status = 'submitted'
	ON CONFLICT (`question_id`, `value`, `channel`, `session_key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `answer_tally_delete` BEFORE DELETE ON `answer`
BEGIN
	UPDATE `answer_tally` SET `n` = `n` - 1
	WHERE `question_id` = OLD.question_id AND `value` = coalesce(OLD.value, '')
		AND (`channel`, `session_key`) = (
			SELECT r.channel, coalesce(r.roadshow_session_id, 0) FROM `response` r
			WHERE r.id = OLD.response_id AND r.status = 'submitted');
	UPDATE `theme_tally` SET `n` = `n` - 1
	WHERE `question_id` = OLD.question_id
		AND `theme_id` IN (SELECT `theme_id` FROM `comment_theme` WHERE `answer_id` = OLD.id)
		AND (`channel`, `session_key`) = (
			SELECT r.channel, coalesce(r.roadshow_session_id, 0) FROM `response` r
			WHERE r.id = OLD.response_id AND r.status = 'submitted');
END;
--> statement-breakpoint
CREATE TRIGGER `answer_tally_update` AFTER UPDATE OF `response_id`, `question_id`, `value` ON `answer`
BEGIN
	UPDATE `answer_tally` SET `n` = `n` - 1
	WHERE `question_id` = OLD.question_id AND `value` = coalesce(OLD.value, '')
		AND (`channel`, `session_key`) = (
			SELECT r.channel, coalesce(r.roadshow_session_id, 0) FROM `response` r
			WHERE r.id = OLD.response_id AND r.status = 'submitted');
	INSERT INTO `answer_tally` (`question_id`, `value`, `channel`, `session_key`, `n`)
	SELECT NEW.question_id, coalesce(NEW.value, ''), r.channel, coalesce(r.roadshow_session_id, 0), 1
	FROM `response` r WHERE r.id = NEW.response_id AND r.status = 'submitted'
	ON CONFLICT (`question_id`, `value`, `channel`, `session_key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `answer_tally_move_tags` AFTER UPDATE OF `response_id`, `question_id` ON `answer`
BEGIN
	UPDATE `theme_tally` SET `n` = `n` - 1
	WHERE `question_id` = OLD.question_id
		AND `theme_id` IN (SELECT `theme_id` FROM `comment_theme` WHERE `answer_id` = OLD.id)
		AND (`channel`, `session_key`) = (
			SELECT r.channel, coalesce(r.roadshow_session_id, 0) FROM `response` r
			WHERE r.id = OLD.response_id AND r.status = 'submitted');
	INSERT INTO `theme_tally` (`question_id`, `theme_id`, `channel`, `session_key`, `n`)
	SELECT NEW.question_id, ct.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), 1
	FROM `comment_theme` ct, `response` r
	WHERE ct.answer_id = NEW.id AND r.id = NEW.response_id AND r.status = 'submitted'
	ON CONFLICT (`question_id`, `theme_id`, `channel`, `session_key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `theme_tally_insert` AFTER INSERT ON `comment_theme` WHEN NEW.answer_id IS NOT NULL
BEGIN
	INSERT INTO `theme_tally` (`question_id`, `theme_id`, `channel`, `session_key`, `n`)
	SELECT a.question_id, NEW.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), 1
	FROM `answer` a, `response` r WHERE a.id = NEW.answer_id AND r.id = a.response_id AND r.status = 'submitted'
	ON CONFLICT (`question_id`, `theme_id`, `channel`, `session_key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `theme_tally_delete` AFTER DELETE ON `comment_theme` WHEN OLD.answer_id IS NOT NULL
BEGIN
	UPDATE `theme_tally` SET `n` = `n` - 1
	WHERE `theme_id` = OLD.theme_id AND (`question_id`, `channel`, `session_key`) = (
		SELECT a.question_id, r.channel, coalesce(r.roadshow_session_id, 0) FROM `answer` a, `response` r
		WHERE a.id = OLD.answer_id AND r.id = a.response_id AND r.status = 'submitted');
END;
--> statement-breakpoint
CREATE TRIGGER `theme_tally_update` AFTER UPDATE OF `answer_id`, `theme_id` ON `comment_theme`
BEGIN
	UPDATE `theme_tally` SET `n` = `n` - 1
	WHERE `theme_id` = OLD.theme_id AND (`question_id`, `channel`, `session_key`) = (
		SELECT a.question_id, r.channel, coalesce(r.roadshow_session_id, 0) FROM `answer` a, `response` r
		WHERE a.id = OLD.answer_id AND r.id = a.response_id AND r.status = 'submitted');
	INSERT INTO `theme_tally` (`question_id`, `theme_id`, `channel`, `session_key`, `n`)
	SELECT a.question_id, NEW.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), 1
	FROM `answer` a, `response` r WHERE a.id = NEW.answer_id AND r.id = a.response_id AND r.status = 'submitted'
	ON CONFLICT (`question_id`, `theme_id`, `channel`, `session_key`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
-- What is there already.
INSERT INTO `response_tally` (`consultation_id`, `audience`, `channel`, `session_key`, `hour`, `n`)
SELECT `consultation_id`, `audience`, `channel`, coalesce(`roadshow_session_id`, 0), `submitted_at` / 3600000, count(*)
FROM `response` WHERE `status` = 'submitted' GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO `answer_tally` (`question_id`, `value`, `channel`, `session_key`, `n`)
SELECT a.question_id, coalesce(a.value, ''), r.channel, coalesce(r.roadshow_session_id, 0), count(*)
FROM `answer` a JOIN `response` r ON r.id = a.response_id
WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO `theme_tally` (`question_id`, `theme_id`, `channel`, `session_key`, `n`)
SELECT a.question_id, ct.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), count(*)
FROM `comment_theme` ct JOIN `answer` a ON a.id = ct.answer_id JOIN `response` r ON r.id = a.response_id
WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4;
