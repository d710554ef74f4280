// "You said, we did": per priority, what people told the council and what it will do, with an
// introduction and an Easy Read summary. Publishing makes it public and moves the consultation on.
import { and, asc, eq } from 'drizzle-orm';
import { type Db, type DbOrTx, withWriteTransaction, firstRow } from '../db';
import { consultation, consultationResponse, priority, prioritySaidDid } from '../db/schema';
import type { FieldErrors } from '../shared/forms';
import { recordAudit } from '../audit';
import { consultationStatus } from '../consultations/status';
import { ukToday } from '../../format';
import type { Actor } from './coding';

export const SAID_DID_LIMIT = 3000;
export const INTRODUCTION_LIMIT = 5000;
export const EASY_READ_LIMIT = 2000;

export type Outcome = { ok: true } | { ok: false; errors: FieldErrors };

export type PrioritySaidDid = {
	priorityId: number;
	position: number;
	title: string;
	easyReadTitle: string;
	youSaid: string;
	weDid: string;
};
export type ResponseDraft = {
	introduction: string;
	easyReadSummary: string;
	publishedAt: Date | null;
	priorities: PrioritySaidDid[];
};

function tooLong(text: string, limit: number, what: string): string | null {
	return text.length > limit
		? `${what} must be ${limit.toLocaleString('en-GB')} characters or fewer`
		: null;
}

async function audit(
	tx: DbOrTx,
	actor: Actor,
	action: string,
	consultationId: number,
	summary: string,
	now: Date
): Promise<void> {
	await recordAudit(
		tx,
		{
			actorStaffUserId: actor.staffUserId,
			ip: actor.ip,
			action,
			subjectType: 'consultation',
			subjectId: consultationId,
			summary
		},
		now
	);
}

/** Everything written so far, every priority listed (blank where nothing is written yet). */
export async function getResponseDraft(db: DbOrTx, consultationId: number): Promise<ResponseDraft> {
	const whole = firstRow(
		await db
			.select()
			.from(consultationResponse)
			.where(eq(consultationResponse.consultationId, consultationId))
			.limit(1)
	);
	const priorities = (
		await db
			.select({
				priorityId: priority.id,
				position: priority.position,
				title: priority.title,
				easyReadTitle: priority.easyReadTitle,
				youSaid: prioritySaidDid.youSaid,
				weDid: prioritySaidDid.weDid
			})
			.from(priority)
			.leftJoin(prioritySaidDid, eq(prioritySaidDid.priorityId, priority.id))
			.where(eq(priority.consultationId, consultationId))
			.orderBy(asc(priority.position))
	).map((p) => ({ ...p, youSaid: p.youSaid ?? '', weDid: p.weDid ?? '' }));
	return {
		introduction: whole?.introduction ?? '',
		easyReadSummary: whole?.easyReadSummary ?? '',
		publishedAt: whole?.publishedAt ?? null,
		priorities
	};
}

/** Saves a draft for one priority; either part may stay blank until publishing. */
export async function savePrioritySaidDid(
	db: Db,
	consultationId: number,
	priorityId: number,
	input: { youSaid: string; weDid: string },
	actor: Actor,
	now = new Date()
): Promise<Outcome> {
	const youSaid = input.youSaid.trim();
	const weDid = input.weDid.trim();
	const errors: FieldErrors = {};
	const saidError = tooLong(youSaid, SAID_DID_LIMIT, 'What people said');
	if (saidError) errors.youSaid = saidError;
	const didError = tooLong(weDid, SAID_DID_LIMIT, 'What the council will do');
	if (didError) errors.weDid = didError;
	if (saidError || didError) return { ok: false, errors };
	return await withWriteTransaction(db, async (tx) => {
		const p = firstRow(
			await tx
				.select({ id: priority.id, position: priority.position })
				.from(priority)
				.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)))
				.limit(1)
		);
		if (!p)
			return {
				ok: false as const,
				errors: { form: 'That priority could not be found. It may have been removed' }
			};
		await tx
			.insert(prioritySaidDid)
			.values({
				consultationId,
				priorityId,
				youSaid,
				weDid,
				updatedAt: now,
				updatedByStaffUserId: actor.staffUserId
			})
			.onConflictDoUpdate({
				target: [prioritySaidDid.consultationId, prioritySaidDid.priorityId],
				set: { youSaid, weDid, updatedAt: now, updatedByStaffUserId: actor.staffUserId }
			});
		await audit(
			tx,
			actor,
			'response.priority_saved',
			consultationId,
			`Saved "You said, we did" for priority ${p.position}`,
			now
		);
		return { ok: true as const };
	});
}

export async function saveResponseText(
	db: Db,
	consultationId: number,
	input: { introduction: string; easyReadSummary: string },
	actor: Actor,
	now = new Date()
): Promise<Outcome> {
	const introduction = input.introduction.trim();
	const easyReadSummary = input.easyReadSummary.trim();
	const errors: FieldErrors = {};
	const introError = tooLong(introduction, INTRODUCTION_LIMIT, 'Introduction');
	if (introError) errors.introduction = introError;
	const easyError = tooLong(easyReadSummary, EASY_READ_LIMIT, 'Easy Read summary');
	if (easyError) errors.easyReadSummary = easyError;
	if (introError || easyError) return { ok: false, errors };
	await withWriteTransaction(db, async (tx) => {
		await tx
			.insert(consultationResponse)
			.values({ consultationId, introduction, easyReadSummary, updatedAt: now })
			.onConflictDoUpdate({
				target: consultationResponse.consultationId,
				set: { introduction, easyReadSummary, updatedAt: now }
			});
		await audit(
			tx,
			actor,
			'response.text_saved',
			consultationId,
			'Saved the response introduction and Easy Read summary',
			now
		);
	});
	return { ok: true };
}

/** What stops publishing, in plain English, one line each (empty when ready). */
export async function responsePublishProblems(
	db: DbOrTx,
	consultationId: number,
	now = new Date()
): Promise<string[]> {
	const c = firstRow(
		await db.select().from(consultation).where(eq(consultation.id, consultationId)).limit(1)
	);
	if (!c) return ['That consultation could not be found'];
	const status = consultationStatus(c, ukToday(now));
	if (status === 'response_published') return ['The response has already been published'];
	const problems: string[] = [];
	if (status !== 'closed') problems.push('Close the consultation before you publish the response');
	const draft = await getResponseDraft(db, consultationId);
	if (draft.priorities.length === 0) problems.push('Add the strategy’s priorities');
	for (const p of draft.priorities) {
		const missing = [!p.youSaid && '“You said”', !p.weDid && '“We did”'].filter(Boolean);
		if (missing.length)
			problems.push(`Write ${missing.join(' and ')} for priority ${p.position}: ${p.title}`);
	}
	return problems;
}

/** Publishes the response and marks the consultation "response published", together. */
export async function publishResponse(
	db: Db,
	consultationId: number,
	actor: Actor,
	now = new Date()
): Promise<{ ok: true } | { ok: false; problems: string[] }> {
	return await withWriteTransaction(db, async (tx) => {
		const problems = await responsePublishProblems(tx, consultationId, now);
		if (problems.length) return { ok: false as const, problems };
		await tx
			.insert(consultationResponse)
			.values({ consultationId, updatedAt: now, publishedAt: now })
			.onConflictDoUpdate({
				target: consultationResponse.consultationId,
				set: { publishedAt: now }
			});
		await tx
			.update(consultation)
			.set({ responsePublishedAt: now, updatedAt: now })
			.where(eq(consultation.id, consultationId));
		await audit(
			tx,
			actor,
			'response.published',
			consultationId,
			'Published "You said, we did"',
			now
		);
		return { ok: true as const };
	});
}

/** The published response for the public page, or null until it is published. */
export async function findPublishedResponse(
	db: DbOrTx,
	consultationId: number
): Promise<ResponseDraft | null> {
	const c = firstRow(
		await db
			.select({ at: consultation.responsePublishedAt })
			.from(consultation)
			.where(eq(consultation.id, consultationId))
			.limit(1)
	);
	if (!c?.at) return null;
	return await getResponseDraft(db, consultationId);
}
