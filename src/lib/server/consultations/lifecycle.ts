// The consultation lifecycle, and the one place its transitions are allowed or refused.
//
//   draft ──publish──▶ upcoming/open (by its dates) ──close early──▶ closed ──publish response──▶ response_published
//                                        ▲                              │
//                                        └────────── reopen ────────────┘
//
// - publish: only a draft, and only when nothing is missing (publishProblems). Publishing again is refused,
//   so publishedAt records when it first went public.
// - close early: only while open (or upcoming: withdrawn before it opens). It closes booking, answering and paper entry at once (each of those
//   asks consultationStatus, which counts closedEarlyAt).
// - reopen: only a consultation that was closed early, before its close date has passed, and before the
//   "You said, we did" response is published (after that, what people said has been answered).
// Each refusal leaves the row and the audit log untouched.
import { eq, count } from 'drizzle-orm';
import { type Db, type Tx, withWriteTransaction, firstRow, lockForUpdate } from '../db';
import { consultation, priority } from '../db/schema';
import { ukToday } from '../../format';
import { recordAudit, type Actor } from '../audit';
import type { FieldErrors } from '../shared/forms';
import { consultationStatus, type ConsultationStatus } from './status';

export type Transition = 'publish' | 'close' | 'reopen';
export type TransitionOutcome = { ok: true } | { ok: false; errors: FieldErrors };

/** What the publish task list shows, and what publishing checks: one definition. */
export const publishTasks = [
	{
		key: 'strategy',
		text: 'Add the draft strategy',
		problem: 'Add the draft strategy before publishing'
	},
	{
		key: 'priorities',
		text: 'Add at least one priority',
		problem: 'Add at least one priority before publishing'
	}
] as const;

/** Publishing needs what the public page shows: the strategy and at least one priority. */
export function publishProblems(
	c: { strategyMarkdown: string },
	priorityCount: number
): FieldErrors {
	const done: Record<(typeof publishTasks)[number]['key'], boolean> = {
		strategy: c.strategyMarkdown.trim() !== '',
		priorities: priorityCount > 0
	};
	const problems: FieldErrors = {};
	for (const task of publishTasks) if (!done[task.key]) problems[task.key] = task.problem;
	return problems;
}

type Row = typeof consultation.$inferSelect;

/** Why this transition is not allowed from where the consultation is now, or null if it is. */
export function transitionRefusal(
	transition: Transition,
	c: Pick<Row, 'opensOn' | 'closesOn' | 'publishedAt' | 'closedEarlyAt' | 'responsePublishedAt'>,
	today: string
): string | null {
	const status: ConsultationStatus = consultationStatus(c, today);
	switch (transition) {
		case 'publish':
			return status === 'draft' ? null : 'This consultation has already been published';
		case 'close':
			// An upcoming one may be closed before it opens (withdrawn).
			return status === 'open' || status === 'upcoming'
				? null
				: 'Only an open or upcoming consultation can be closed early';
		case 'reopen':
			if (status === 'response_published')
				return 'This consultation cannot be reopened: its response has been published';
			if (status !== 'closed' || !c.closedEarlyAt)
				return 'Only a consultation that was closed early can be reopened';
			if (today > c.closesOn)
				return 'Its closing date has passed. Change the closing date to reopen it';
			return null;
	}
}

async function countPriorities(tx: Tx, consultationId: number): Promise<number> {
	return firstRow(
		await tx
			.select({ n: count() })
			.from(priority)
			.where(eq(priority.consultationId, consultationId))
			.limit(1)
	)!.n;
}
const gone = { ok: false as const, errors: { form: 'This consultation no longer exists' } };

async function audit(tx: Tx, actor: Actor, action: string, id: number, summary: string, now: Date) {
	await recordAudit(
		tx,
		{
			actorStaffUserId: actor.staffUserId,
			action,
			subjectType: 'consultation',
			subjectId: String(id),
			summary,
			ip: actor.ip ?? null
		},
		now
	);
}

type Step = {
	/** Checks beyond the state rule, made inside the transaction (publish: nothing missing). */
	problems?: (tx: Tx, c: Row) => Promise<FieldErrors>;
	changes: (now: Date) => Partial<typeof consultation.$inferInsert>;
	action: string;
	summary: (c: Row) => string;
};

const steps: Record<Transition, Step> = {
	publish: {
		problems: async (tx, c) => publishProblems(c, await countPriorities(tx, c.id)),
		changes: (now) => ({ publishedAt: now }),
		action: 'consultation.published',
		summary: (c) => `Published consultation "${c.title}"`
	},
	close: {
		changes: (now) => ({ closedEarlyAt: now }),
		action: 'consultation.closed',
		summary: () => 'Closed the consultation early'
	},
	reopen: {
		changes: () => ({ closedEarlyAt: null }),
		action: 'consultation.reopened',
		summary: () => 'Reopened the consultation'
	}
};

/**
 * Every transition the same way, in one immediate transaction: read the row, refuse from the
 * wrong state (transitionRefusal) or with something missing, else change it and audit the change.
 * Two staff pressing the same button at once: the second sees the first's result and is refused.
 */
async function applyTransition(
	db: Db,
	transition: Transition,
	id: number,
	actor: Actor,
	now: Date
): Promise<TransitionOutcome> {
	const step = steps[transition];
	return await withWriteTransaction(db, async (tx) => {
		const c = firstRow(
			await lockForUpdate(
				tx,
				tx.select().from(consultation).where(eq(consultation.id, id)).limit(1)
			)
		);
		if (!c) return gone;
		const refusal = transitionRefusal(transition, c, ukToday(now));
		if (refusal) return { ok: false as const, errors: { form: refusal } };
		const problems = (await step.problems?.(tx, c)) ?? {};
		if (Object.keys(problems).length > 0) return { ok: false as const, errors: problems };
		await tx
			.update(consultation)
			.set({ ...step.changes(now), updatedAt: now })
			.where(eq(consultation.id, id));
		await audit(tx, actor, step.action, id, step.summary(c), now);
		return { ok: true as const };
	});
}

export async function publishConsultation(
	db: Db,
	id: number,
	actor: Actor,
	now = new Date()
): Promise<TransitionOutcome> {
	return await applyTransition(db, 'publish', id, actor, now);
}

export async function closeConsultationEarly(
	db: Db,
	id: number,
	actor: Actor,
	now = new Date()
): Promise<TransitionOutcome> {
	return await applyTransition(db, 'close', id, actor, now);
}

export async function reopenConsultation(
	db: Db,
	id: number,
	actor: Actor,
	now = new Date()
): Promise<TransitionOutcome> {
	return await applyTransition(db, 'reopen', id, actor, now);
}
