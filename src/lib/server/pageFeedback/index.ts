// "Was this page helpful?": answers from public pages, optional comments, and the staff view.
// No personal data is asked for; the form warns people not to give any.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, or, count, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, countWhere, firstRow, changedRows } from '../db';
import { pageFeedback, type PageFeedback } from '../db/schema';
import { writeCsv } from '../shared/csv';
import { showsPageFeedback } from '../../pageFeedback';

export const COMMENT_MAX = 1000;
/** How long after answering Yes or No the visitor may still add comments. */
export const COMMENT_WINDOW_MS = 60 * 60_000;

const pathField = z
	.string()
	.trim()
	.max(300)
	.regex(/^\/[A-Za-z0-9\-._~/[\]]*$/)
	.refine(showsPageFeedback);

export const pageAnswerSchema = z.object({
	path: pathField,
	helpful: z.enum(['yes', 'no'])
});

const comment = (label: string) =>
	z
		.string()
		.trim()
		.max(COMMENT_MAX, `${label} must be ${COMMENT_MAX} characters or fewer`)
		.optional()
		.transform((v) => v || null);

export const pageCommentSchema = z.object({
	tryingToDo: comment('What you were trying to do'),
	whatWentWrong: comment('What went wrong')
});

function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function looksLikeCommentToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{22}$/.test(token);
}

/** Records a Yes or No; returns the secret (128 bits) for adding comments to this answer. */
export async function recordPageAnswer(
	db: Db,
	input: z.infer<typeof pageAnswerSchema>,
	now = new Date()
): Promise<string> {
	const token = randomBytes(16).toString('base64url');
	await db.insert(pageFeedback).values({
		path: input.path,
		helpful: input.helpful === 'yes',
		commentTokenHash: hashToken(token),
		createdAt: now
	});
	return token;
}

export type CommentableAnswer =
	| { state: 'open'; answer: PageFeedback }
	| { state: 'commented'; answer: PageFeedback }
	| { state: 'expired'; answer: PageFeedback }
	| { state: 'unknown' };

export async function findPageAnswer(
	db: Db,
	token: string,
	now = new Date()
): Promise<CommentableAnswer> {
	if (!looksLikeCommentToken(token)) return { state: 'unknown' };
	const answer = firstRow(
		await db
			.select()
			.from(pageFeedback)
			.where(eq(pageFeedback.commentTokenHash, hashToken(token)))
			.limit(1)
	);
	if (!answer) return { state: 'unknown' };
	if (answer.commentedAt) return { state: 'commented', answer };
	if (now.getTime() - answer.createdAt.getTime() > COMMENT_WINDOW_MS)
		return { state: 'expired', answer };
	return { state: 'open', answer };
}

/** Adds comments once; false if they were already added (a second tab, a resubmission). */
export async function addPageComments(
	db: Db,
	token: string,
	input: z.infer<typeof pageCommentSchema>,
	now = new Date()
): Promise<boolean> {
	const changes = changedRows(
		await db
			.update(pageFeedback)
			.set({ tryingToDo: input.tryingToDo, whatWentWrong: input.whatWentWrong, commentedAt: now })
			.where(
				and(eq(pageFeedback.commentTokenHash, hashToken(token)), isNull(pageFeedback.commentedAt))
			)
	);
	return changes === 1;
}

/** From the start of `from` to the end of `to` (UTC instants from the caller's dates). */
export type Period = { from?: Date | null; until?: Date | null };

function inPeriod({ from, until }: Period) {
	return and(
		from ? gte(pageFeedback.createdAt, from) : undefined,
		until ? lt(pageFeedback.createdAt, until) : undefined
	);
}

export type PageSummary = {
	path: string;
	answers: number;
	yes: number;
	no: number;
	/** Whole per cent, or null with no answers. */
	yesShare: number | null;
	comments: number;
};

export function yesShare(yes: number, answers: number): number | null {
	return answers === 0 ? null : Math.round((100 * yes) / answers);
}

/** Per page, most answered first. */
export async function summarisePageFeedback(db: Db, period: Period = {}): Promise<PageSummary[]> {
	const rows = await db
		.select({
			path: pageFeedback.path,
			answers: count(),
			yes: countWhere(eq(pageFeedback.helpful, true)),
			comments: countWhere(
				or(isNotNull(pageFeedback.tryingToDo), isNotNull(pageFeedback.whatWentWrong))
			)
		})
		.from(pageFeedback)
		.where(inPeriod(period))
		.groupBy(pageFeedback.path)
		.orderBy(desc(sql`count(*)`), asc(pageFeedback.path));
	return rows.map((r) => {
		const answers = Number(r.answers);
		const yes = Number(r.yes ?? 0);
		return {
			path: r.path,
			answers,
			yes,
			no: answers - yes,
			yesShare: yesShare(yes, answers),
			comments: Number(r.comments ?? 0)
		};
	});
}

export type PageComment = Pick<
	PageFeedback,
	'id' | 'path' | 'helpful' | 'tryingToDo' | 'whatWentWrong' | 'createdAt'
>;

/** Answers with comments, newest first; one page's when `path` is given. */
export async function listPageComments(
	db: Db,
	period: Period = {},
	path?: string
): Promise<PageComment[]> {
	return await db
		.select({
			id: pageFeedback.id,
			path: pageFeedback.path,
			helpful: pageFeedback.helpful,
			tryingToDo: pageFeedback.tryingToDo,
			whatWentWrong: pageFeedback.whatWentWrong,
			createdAt: pageFeedback.createdAt
		})
		.from(pageFeedback)
		.where(
			and(
				inPeriod(period),
				path ? eq(pageFeedback.path, path) : undefined,
				sql`(${pageFeedback.tryingToDo} is not null or ${pageFeedback.whatWentWrong} is not null)`
			)
		)
		.orderBy(desc(pageFeedback.createdAt), desc(pageFeedback.id));
}

/** Every answer in the period, one row each, oldest first, with spreadsheet-safe text. */
export async function pageFeedbackCsv(db: Db, period: Period = {}): Promise<string> {
	const rows = await db
		.select()
		.from(pageFeedback)
		.where(inPeriod(period))
		.orderBy(asc(pageFeedback.createdAt), asc(pageFeedback.id));
	return writeCsv([
		['Answered at (UTC)', 'Page', 'Helpful', 'What they were trying to do', 'What went wrong'],
		...rows.map((r) => [
			r.createdAt.toISOString(),
			r.path,
			r.helpful ? 'Yes' : 'No',
			r.tryingToDo ?? '',
			r.whatWentWrong ?? ''
		])
	]);
}
