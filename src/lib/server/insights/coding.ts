// The code frame (a consultation's themes) and the tags and priority links leads put on comments.
// A comment is a free-text answer from a submitted response, or a roadshow note.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
import {
	answer,
	commentPriority,
	commentTheme,
	priority,
	question,
	response,
	roadshowNote,
	theme
} from '../db/schema';
import type { FieldErrors } from '../shared/forms';
import { recordAudit } from '../audit';
import { parseKeywords } from './suggestions';

export type CommentKind = 'answer' | 'note';
export type CommentRef = { kind: CommentKind; id: number };
export type Actor = { staffUserId: number; ip?: string | null };

export type Refusal = { ok: false; reason: 'not_found' | 'invalid'; message: string };
export type Done = { ok: true } | Refusal;
export type Checked<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

export const THEME_NAME_LIMIT = 80;
export const THEME_DESCRIPTION_LIMIT = 500;
export const THEME_KEYWORDS_LIMIT = 1000;

export type ThemeInput = { name: string; description?: string; keywords?: string };
export type ThemeWithCount = {
	id: number;
	name: string;
	description: string;
	keywords: string;
	tagCount: number;
};

function refuse(message: string, reason: Refusal['reason'] = 'not_found'): Refusal {
	return { ok: false, reason, message };
}

function findTheme(db: DbOrTx, consultationId: number, themeId: number) {
	return db
		.select()
		.from(theme)
		.where(and(eq(theme.id, themeId), eq(theme.consultationId, consultationId)))
		.get();
}

/** Names are unique per consultation, ignoring case, so "Transport" and "transport" cannot both exist. */
function nameTaken(db: DbOrTx, consultationId: number, name: string, exceptId?: number): boolean {
	const clash = db
		.select({ id: theme.id })
		.from(theme)
		.where(
			and(eq(theme.consultationId, consultationId), sql`lower(${theme.name}) = lower(${name})`)
		)
		.all();
	return clash.some((t) => t.id !== exceptId);
}

function checkName(
	db: DbOrTx,
	consultationId: number,
	raw: string,
	exceptId?: number
): { name: string } | { error: string } {
	const name = raw.trim().replace(/\s+/g, ' ');
	if (!name) return { error: 'Enter a name for the theme' };
	if (name.length > THEME_NAME_LIMIT)
		return { error: `Theme name must be ${THEME_NAME_LIMIT} characters or fewer` };
	if (nameTaken(db, consultationId, name, exceptId))
		return { error: `There is already a theme called "${name}". Enter a different name` };
	return { name };
}

function checkKeywords(raw: string): { keywords: string } | { error: string } {
	const keywords = parseKeywords(raw).join(', ');
	if (keywords.length > THEME_KEYWORDS_LIMIT)
		return { error: `Keywords must be ${THEME_KEYWORDS_LIMIT} characters or fewer` };
	return { keywords };
}

function audit(
	tx: DbOrTx,
	actor: Actor,
	action: string,
	themeId: number,
	summary: string,
	now: Date
): void {
	recordAudit(
		tx,
		{
			actorStaffUserId: actor.staffUserId,
			ip: actor.ip,
			action,
			subjectType: 'theme',
			subjectId: themeId,
			summary
		},
		now
	);
}

export function createTheme(
	db: Db,
	consultationId: number,
	input: ThemeInput,
	actor: Actor,
	now = new Date()
): Checked<{ id: number }> {
	return db.transaction(
		(tx) => {
			const errors: FieldErrors = {};
			const name = checkName(tx, consultationId, input.name);
			if ('error' in name) errors.name = name.error;
			const description = (input.description ?? '').trim();
			if (description.length > THEME_DESCRIPTION_LIMIT)
				errors.description = `Description must be ${THEME_DESCRIPTION_LIMIT} characters or fewer`;
			const keywords = checkKeywords(input.keywords ?? '');
			if ('error' in keywords) errors.keywords = keywords.error;
			if ('error' in name || 'error' in keywords || errors.description)
				return { ok: false as const, errors };
			const { id } = tx
				.insert(theme)
				.values({
					consultationId,
					name: name.name,
					description,
					keywords: keywords.keywords,
					createdAt: now
				})
				.returning({ id: theme.id })
				.get();
			audit(tx, actor, 'theme.created', id, `Added the theme "${name.name}"`, now);
			return { ok: true as const, id };
		},
		{ behavior: 'immediate' }
	);
}

export function renameTheme(
	db: Db,
	consultationId: number,
	themeId: number,
	rawName: string,
	actor: Actor,
	now = new Date()
): Checked | Refusal {
	return db.transaction(
		(tx) => {
			const found = findTheme(tx, consultationId, themeId);
			if (!found)
				return refuse('That theme could not be found. It may have been merged into another');
			const name = checkName(tx, consultationId, rawName, themeId);
			if ('error' in name) return { ok: false as const, errors: { name: name.error } };
			tx.update(theme).set({ name: name.name }).where(eq(theme.id, themeId)).run();
			audit(
				tx,
				actor,
				'theme.renamed',
				themeId,
				`Renamed the theme "${found.name}" to "${name.name}"`,
				now
			);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

export function setThemeKeywords(
	db: Db,
	consultationId: number,
	themeId: number,
	raw: string
): Checked | Refusal {
	const keywords = checkKeywords(raw);
	if ('error' in keywords) return { ok: false, errors: { keywords: keywords.error } };
	const changed = db
		.update(theme)
		.set({ keywords: keywords.keywords })
		.where(and(eq(theme.id, themeId), eq(theme.consultationId, consultationId)))
		.run().changes;
	return changed
		? { ok: true }
		: refuse('That theme could not be found. It may have been merged into another');
}

/**
 * Moves every tag of `fromId` onto `intoId` (a comment tagged with both keeps one tag), adds the
 * merged theme's keywords to the target, and deletes the merged theme.
 */
export function mergeThemes(
	db: Db,
	consultationId: number,
	fromId: number,
	intoId: number,
	actor: Actor,
	now = new Date()
): Done {
	if (fromId === intoId) return refuse('Select a different theme to merge into', 'invalid');
	return db.transaction(
		(tx) => {
			const from = findTheme(tx, consultationId, fromId);
			const into = findTheme(tx, consultationId, intoId);
			if (!from || !into)
				return refuse('That theme could not be found. It may have been merged already');
			tx.run(sql`
				INSERT OR IGNORE INTO comment_theme (consultation_id, answer_id, roadshow_note_id, theme_id, tagged_by_staff_user_id, tagged_at)
				SELECT consultation_id, answer_id, roadshow_note_id, ${intoId}, tagged_by_staff_user_id, tagged_at
				FROM comment_theme WHERE theme_id = ${fromId}`);
			const keywords = parseKeywords(`${into.keywords},${from.keywords}`).join(', ');
			tx.update(theme).set({ keywords }).where(eq(theme.id, intoId)).run();
			// Its remaining (duplicate) tags go with it.
			tx.delete(theme).where(eq(theme.id, fromId)).run();
			audit(
				tx,
				actor,
				'theme.merged',
				intoId,
				`Merged the theme "${from.name}" into "${into.name}"`,
				now
			);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/** The code frame in name order, each theme with how many comments carry it. */
export function listThemes(db: DbOrTx, consultationId: number): ThemeWithCount[] {
	return db
		.select({
			id: theme.id,
			name: theme.name,
			description: theme.description,
			keywords: theme.keywords,
			tagCount: sql<number>`count(${commentTheme.id})`
		})
		.from(theme)
		.leftJoin(commentTheme, eq(commentTheme.themeId, theme.id))
		.where(eq(theme.consultationId, consultationId))
		.groupBy(theme.id)
		.orderBy(sql`lower(${theme.name})`, asc(theme.id))
		.all();
}

/** True when the comment exists and belongs to this consultation (answers: free text, submitted). */
export function commentInConsultation(
	db: DbOrTx,
	consultationId: number,
	comment: CommentRef
): boolean {
	if (comment.kind === 'note') {
		return !!db
			.select({ id: roadshowNote.id })
			.from(roadshowNote)
			.where(and(eq(roadshowNote.id, comment.id), eq(roadshowNote.consultationId, consultationId)))
			.get();
	}
	return !!db
		.select({ id: answer.id })
		.from(answer)
		.innerJoin(response, eq(response.id, answer.responseId))
		.innerJoin(question, eq(question.id, answer.questionId))
		.where(
			and(
				eq(answer.id, comment.id),
				eq(response.consultationId, consultationId),
				eq(response.status, 'submitted'),
				eq(question.kind, 'text'),
				sql`${answer.textValue} IS NOT NULL`
			)
		)
		.get();
}

function source(comment: CommentRef) {
	return comment.kind === 'answer'
		? { answerId: comment.id, roadshowNoteId: null }
		: { answerId: null, roadshowNoteId: comment.id };
}

function sourceIs(table: typeof commentTheme | typeof commentPriority, comment: CommentRef) {
	return comment.kind === 'answer'
		? eq(table.answerId, comment.id)
		: eq(table.roadshowNoteId, comment.id);
}

const missingComment = 'That comment could not be found in this consultation';

/** Tagging twice is harmless: the comment keeps one tag. */
export function tagComment(
	db: Db,
	consultationId: number,
	comment: CommentRef,
	themeId: number,
	actor: Actor,
	now = new Date()
): Done {
	return db.transaction(
		(tx) => {
			if (!findTheme(tx, consultationId, themeId)) return refuse('Select a theme from the list');
			if (!commentInConsultation(tx, consultationId, comment)) return refuse(missingComment);
			tx.insert(commentTheme)
				.values({
					consultationId,
					...source(comment),
					themeId,
					taggedByStaffUserId: actor.staffUserId,
					taggedAt: now
				})
				.onConflictDoNothing()
				.run();
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

export function untagComment(
	db: Db,
	consultationId: number,
	comment: CommentRef,
	themeId: number
): Done {
	const removed = db
		.delete(commentTheme)
		.where(
			and(
				eq(commentTheme.consultationId, consultationId),
				eq(commentTheme.themeId, themeId),
				sourceIs(commentTheme, comment)
			)
		)
		.run().changes;
	return removed ? { ok: true } : refuse('That tag has already been removed');
}

export function linkCommentToPriority(
	db: Db,
	consultationId: number,
	comment: CommentRef,
	priorityId: number
): Done {
	return db.transaction(
		(tx) => {
			const p = tx
				.select({ id: priority.id })
				.from(priority)
				.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)))
				.get();
			if (!p) return refuse('Select a priority from the list');
			if (!commentInConsultation(tx, consultationId, comment)) return refuse(missingComment);
			tx.insert(commentPriority)
				.values({ consultationId, ...source(comment), priorityId })
				.onConflictDoNothing()
				.run();
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

export function unlinkCommentFromPriority(
	db: Db,
	consultationId: number,
	comment: CommentRef,
	priorityId: number
): Done {
	const removed = db
		.delete(commentPriority)
		.where(
			and(
				eq(commentPriority.consultationId, consultationId),
				eq(commentPriority.priorityId, priorityId),
				sourceIs(commentPriority, comment)
			)
		)
		.run().changes;
	return removed ? { ok: true } : refuse('That priority link has already been removed');
}
