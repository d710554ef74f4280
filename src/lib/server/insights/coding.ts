// The code frame (a consultation's themes) and the tags and priority links leads put on comments.
// A comment is a free-text answer from a submitted response, or a roadshow note.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import {
	type Db,
	type DbOrTx,
	withWriteTransaction,
	firstRow,
	changedRows,
	executeStatement,
	onlyRow
} from '../db';
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

async function findTheme(db: DbOrTx, consultationId: number, themeId: number) {
	return firstRow(
		await db
			.select()
			.from(theme)
			.where(and(eq(theme.id, themeId), eq(theme.consultationId, consultationId)))
			.limit(1)
	);
}

/** Names are unique per consultation, ignoring case, so "Transport" and "transport" cannot both exist. */
async function nameTaken(
	db: DbOrTx,
	consultationId: number,
	name: string,
	exceptId?: number
): Promise<boolean> {
	const clash = await db
		.select({ id: theme.id })
		.from(theme)
		.where(
			and(eq(theme.consultationId, consultationId), sql`lower(${theme.name}) = lower(${name})`)
		);
	return clash.some((t) => t.id !== exceptId);
}

async function checkName(
	db: DbOrTx,
	consultationId: number,
	raw: string,
	exceptId?: number
): Promise<{ name: string } | { error: string }> {
	const name = raw.trim().replace(/\s+/g, ' ');
	if (!name) return { error: 'Enter a name for the theme' };
	if (name.length > THEME_NAME_LIMIT)
		return { error: `Theme name must be ${THEME_NAME_LIMIT} characters or fewer` };
	if (await nameTaken(db, consultationId, name, exceptId))
		return { error: `There is already a theme called "${name}". Enter a different name` };
	return { name };
}

function checkKeywords(raw: string): { keywords: string } | { error: string } {
	const keywords = parseKeywords(raw).join(', ');
	if (keywords.length > THEME_KEYWORDS_LIMIT)
		return { error: `Keywords must be ${THEME_KEYWORDS_LIMIT} characters or fewer` };
	return { keywords };
}

async function audit(
	tx: DbOrTx,
	actor: Actor,
	action: string,
	themeId: number,
	summary: string,
	now: Date
): Promise<void> {
	await recordAudit(
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

export async function createTheme(
	db: Db,
	consultationId: number,
	input: ThemeInput,
	actor: Actor,
	now = new Date()
): Promise<Checked<{ id: number }>> {
	return await withWriteTransaction(db, async (tx) => {
		const errors: FieldErrors = {};
		const name = await checkName(tx, consultationId, input.name);
		if ('error' in name) errors.name = name.error;
		const description = (input.description ?? '').trim();
		if (description.length > THEME_DESCRIPTION_LIMIT)
			errors.description = `Description must be ${THEME_DESCRIPTION_LIMIT} characters or fewer`;
		const keywords = checkKeywords(input.keywords ?? '');
		if ('error' in keywords) errors.keywords = keywords.error;
		if ('error' in name || 'error' in keywords || errors.description)
			return { ok: false as const, errors };
		const { id } = onlyRow(
			await tx
				.insert(theme)
				.values({
					consultationId,
					name: name.name,
					description,
					keywords: keywords.keywords,
					createdAt: now
				})
				.returning({ id: theme.id })
		);
		await audit(tx, actor, 'theme.created', id, `Added the theme "${name.name}"`, now);
		return { ok: true as const, id };
	});
}

export async function renameTheme(
	db: Db,
	consultationId: number,
	themeId: number,
	rawName: string,
	actor: Actor,
	now = new Date()
): Promise<Checked | Refusal> {
	return await withWriteTransaction(db, async (tx) => {
		const found = await findTheme(tx, consultationId, themeId);
		if (!found)
			return refuse('That theme could not be found. It may have been merged into another');
		const name = await checkName(tx, consultationId, rawName, themeId);
		if ('error' in name) return { ok: false as const, errors: { name: name.error } };
		await tx.update(theme).set({ name: name.name }).where(eq(theme.id, themeId));
		await audit(
			tx,
			actor,
			'theme.renamed',
			themeId,
			`Renamed the theme "${found.name}" to "${name.name}"`,
			now
		);
		return { ok: true as const };
	});
}

export async function setThemeKeywords(
	db: Db,
	consultationId: number,
	themeId: number,
	raw: string
): Promise<Checked | Refusal> {
	const keywords = checkKeywords(raw);
	if ('error' in keywords) return { ok: false, errors: { keywords: keywords.error } };
	const changed = changedRows(
		await db
			.update(theme)
			.set({ keywords: keywords.keywords })
			.where(and(eq(theme.id, themeId), eq(theme.consultationId, consultationId)))
	);
	return changed
		? { ok: true }
		: refuse('That theme could not be found. It may have been merged into another');
}

/**
 * Moves every tag of `fromId` onto `intoId` (a comment tagged with both keeps one tag), adds the
 * merged theme's keywords to the target, and deletes the merged theme.
 */
export async function mergeThemes(
	db: Db,
	consultationId: number,
	fromId: number,
	intoId: number,
	actor: Actor,
	now = new Date()
): Promise<Done> {
	if (fromId === intoId) return refuse('Select a different theme to merge into', 'invalid');
	return await withWriteTransaction(db, async (tx) => {
		const from = await findTheme(tx, consultationId, fromId);
		const into = await findTheme(tx, consultationId, intoId);
		if (!from || !into)
			return refuse('That theme could not be found. It may have been merged already');
		await executeStatement(
			tx,
			sql`
				INSERT INTO comment_theme (consultation_id, answer_id, roadshow_note_id, theme_id, tagged_by_staff_user_id, tagged_at)
				SELECT consultation_id, answer_id, roadshow_note_id, ${intoId}, tagged_by_staff_user_id, tagged_at
				FROM comment_theme WHERE theme_id = ${fromId}
				ON CONFLICT DO NOTHING`
		);
		const keywords = parseKeywords(`${into.keywords},${from.keywords}`).join(', ');
		await tx.update(theme).set({ keywords }).where(eq(theme.id, intoId));
		// Its remaining (duplicate) tags go with it.
		await tx.delete(theme).where(eq(theme.id, fromId));
		await audit(
			tx,
			actor,
			'theme.merged',
			intoId,
			`Merged the theme "${from.name}" into "${into.name}"`,
			now
		);
		return { ok: true as const };
	});
}

/** The code frame in name order, each theme with how many comments carry it. */
export async function listThemes(db: DbOrTx, consultationId: number): Promise<ThemeWithCount[]> {
	return await db
		.select({
			id: theme.id,
			name: theme.name,
			description: theme.description,
			keywords: theme.keywords,
			// drizzle's count() is a number on PostgreSQL too, where count is bigint (text).
			tagCount: count(commentTheme.id)
		})
		.from(theme)
		.leftJoin(commentTheme, eq(commentTheme.themeId, theme.id))
		.where(eq(theme.consultationId, consultationId))
		.groupBy(theme.id)
		.orderBy(sql`lower(${theme.name})`, asc(theme.id));
}

/** True when the comment exists and belongs to this consultation (answers: free text, submitted). */
export async function commentInConsultation(
	db: DbOrTx,
	consultationId: number,
	comment: CommentRef
): Promise<boolean> {
	if (comment.kind === 'note') {
		return !!firstRow(
			await db
				.select({ id: roadshowNote.id })
				.from(roadshowNote)
				.where(
					and(eq(roadshowNote.id, comment.id), eq(roadshowNote.consultationId, consultationId))
				)
				.limit(1)
		);
	}
	return !!firstRow(
		await db
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
			.limit(1)
	);
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
export async function tagComment(
	db: Db,
	consultationId: number,
	comment: CommentRef,
	themeId: number,
	actor: Actor,
	now = new Date()
): Promise<Done> {
	return await withWriteTransaction(db, async (tx) => {
		if (!(await findTheme(tx, consultationId, themeId)))
			return refuse('Select a theme from the list');
		if (!(await commentInConsultation(tx, consultationId, comment))) return refuse(missingComment);
		await tx
			.insert(commentTheme)
			.values({
				consultationId,
				...source(comment),
				themeId,
				taggedByStaffUserId: actor.staffUserId,
				taggedAt: now
			})
			.onConflictDoNothing();
		return { ok: true as const };
	});
}

export async function untagComment(
	db: Db,
	consultationId: number,
	comment: CommentRef,
	themeId: number
): Promise<Done> {
	const removed = changedRows(
		await db
			.delete(commentTheme)
			.where(
				and(
					eq(commentTheme.consultationId, consultationId),
					eq(commentTheme.themeId, themeId),
					sourceIs(commentTheme, comment)
				)
			)
	);
	return removed ? { ok: true } : refuse('That tag has already been removed');
}

export async function linkCommentToPriority(
	db: Db,
	consultationId: number,
	comment: CommentRef,
	priorityId: number
): Promise<Done> {
	return await withWriteTransaction(db, async (tx) => {
		const p = firstRow(
			await tx
				.select({ id: priority.id })
				.from(priority)
				.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)))
				.limit(1)
		);
		if (!p) return refuse('Select a priority from the list');
		if (!(await commentInConsultation(tx, consultationId, comment))) return refuse(missingComment);
		await tx
			.insert(commentPriority)
			.values({ consultationId, ...source(comment), priorityId })
			.onConflictDoNothing();
		return { ok: true as const };
	});
}

export async function unlinkCommentFromPriority(
	db: Db,
	consultationId: number,
	comment: CommentRef,
	priorityId: number
): Promise<Done> {
	const removed = changedRows(
		await db
			.delete(commentPriority)
			.where(
				and(
					eq(commentPriority.consultationId, consultationId),
					eq(commentPriority.priorityId, priorityId),
					sourceIs(commentPriority, comment)
				)
			)
	);
	return removed ? { ok: true } : refuse('That priority link has already been removed');
}
