// Staff changes to consultations and their priorities. Each change and its audit record commit together.
import { and, asc, eq, gt, lt, desc, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { consultation, priority } from '../db/schema';
import { recordAudit, type Actor } from '../audit';
import type { FieldErrors } from '../shared/forms';
import type { ConsultationInput, PriorityInput } from './validation';

export type { Actor };
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

function slugTaken(tx: Tx, slug: string, exceptId?: number): boolean {
	const row = tx
		.select({ id: consultation.id })
		.from(consultation)
		.where(eq(consultation.slug, slug))
		.get();
	return row !== undefined && row.id !== exceptId;
}

const slugTakenError = {
	slug: 'A consultation with this web address already exists. Choose a different one'
};

export function createConsultation(
	db: Db,
	input: ConsultationInput,
	actor: Actor,
	now = new Date()
): Outcome<{ id: number }> {
	return db.transaction(
		(tx) => {
			if (slugTaken(tx, input.slug)) return { ok: false as const, errors: slugTakenError };
			const row = tx
				.insert(consultation)
				.values({ ...input, createdAt: now, updatedAt: now })
				.returning({ id: consultation.id })
				.get();
			audit(
				tx,
				actor,
				'consultation.created',
				row.id,
				`Created consultation "${input.title}"`,
				now
			);
			return { ok: true as const, id: row.id };
		},
		{ behavior: 'immediate' }
	);
}

export function updateConsultation(
	db: Db,
	id: number,
	input: ConsultationInput,
	actor: Actor,
	now = new Date()
): Outcome {
	return db.transaction(
		(tx) => {
			if (slugTaken(tx, input.slug, id)) return { ok: false as const, errors: slugTakenError };
			tx.update(consultation)
				.set({ ...input, updatedAt: now })
				.where(eq(consultation.id, id))
				.run();
			audit(tx, actor, 'consultation.updated', id, `Updated consultation "${input.title}"`, now);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Published means frozen: answers, notes, comments and charts refer to priorities by id and
 * their frozen captions say "Priority 1: …", so after publication a priority cannot be removed,
 * renumbered or retitled (its description can still be clarified; new priorities can be added).
 */
export const PRIORITY_FROZEN_MESSAGE =
	'This consultation has been published, so its priorities cannot be removed, reordered or renamed';

function isPublished(tx: Tx, consultationId: number): boolean {
	const c = tx
		.select({ publishedAt: consultation.publishedAt })
		.from(consultation)
		.where(eq(consultation.id, consultationId))
		.get();
	return c?.publishedAt != null;
}

export type PriorityChange = 'done' | 'not_found' | 'frozen';

function countPriorities(tx: Tx, consultationId: number): number {
	return tx
		.select({ n: sql<number>`count(*)` })
		.from(priority)
		.where(eq(priority.consultationId, consultationId))
		.get()!.n;
}

export function addPriority(
	db: Db,
	consultationId: number,
	input: PriorityInput,
	actor: Actor,
	now = new Date()
): { id: number } {
	return db.transaction(
		(tx) => {
			const position = countPriorities(tx, consultationId) + 1;
			const row = tx
				.insert(priority)
				.values({ consultationId, position, ...input })
				.returning({ id: priority.id })
				.get();
			audit(
				tx,
				actor,
				'priority.added',
				consultationId,
				`Added priority ${position}: "${input.title}"`,
				now
			);
			return row;
		},
		{ behavior: 'immediate' }
	);
}

/** Updates a priority of this consultation; false when the id belongs to another one. */
export function updatePriority(
	db: Db,
	consultationId: number,
	priorityId: number,
	input: PriorityInput,
	actor: Actor,
	now = new Date()
): PriorityChange {
	return db.transaction(
		(tx) => {
			const current = tx
				.select()
				.from(priority)
				.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)))
				.get();
			if (!current) return 'not_found';
			if (current.title !== input.title && isPublished(tx, consultationId)) return 'frozen';
			const result = tx
				.update(priority)
				.set(input)
				.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)))
				.run();
			if (result.changes === 0) return 'not_found';
			audit(
				tx,
				actor,
				'priority.updated',
				consultationId,
				`Updated priority "${input.title}"`,
				now
			);
			return 'done';
		},
		{ behavior: 'immediate' }
	);
}

/** Swaps a priority with its neighbour; numbering stays 1..n. */
export function movePriority(
	db: Db,
	consultationId: number,
	priorityId: number,
	direction: 'up' | 'down',
	actor: Actor,
	now = new Date()
): PriorityChange {
	return db.transaction(
		(tx) => {
			if (isPublished(tx, consultationId)) return 'frozen';
			const p = tx
				.select()
				.from(priority)
				.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)))
				.get();
			if (!p) return 'not_found';
			const neighbour = tx
				.select()
				.from(priority)
				.where(
					and(
						eq(priority.consultationId, consultationId),
						direction === 'up'
							? lt(priority.position, p.position)
							: gt(priority.position, p.position)
					)
				)
				.orderBy(direction === 'up' ? desc(priority.position) : asc(priority.position))
				.limit(1)
				.get();
			if (!neighbour) return 'done';
			// Positions are unique per consultation, checked row by row: park one while they swap.
			const parked = countPriorities(tx, consultationId) + 1;
			tx.update(priority).set({ position: parked }).where(eq(priority.id, p.id)).run();
			tx.update(priority).set({ position: p.position }).where(eq(priority.id, neighbour.id)).run();
			tx.update(priority).set({ position: neighbour.position }).where(eq(priority.id, p.id)).run();
			audit(
				tx,
				actor,
				'priority.moved',
				consultationId,
				`Moved priority "${p.title}" ${direction} to ${neighbour.position}`,
				now
			);
			return 'done';
		},
		{ behavior: 'immediate' }
	);
}

export function removePriority(
	db: Db,
	consultationId: number,
	priorityId: number,
	actor: Actor,
	now = new Date()
): PriorityChange {
	return db.transaction(
		(tx) => {
			if (isPublished(tx, consultationId)) return 'frozen';
			const p = tx
				.delete(priority)
				.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)))
				.returning()
				.get();
			if (!p) return 'not_found';
			// One at a time from the lowest: positions are unique, checked row by row.
			const after = tx
				.select({ id: priority.id, position: priority.position })
				.from(priority)
				.where(and(eq(priority.consultationId, consultationId), gt(priority.position, p.position)))
				.orderBy(asc(priority.position))
				.all();
			for (const q of after)
				tx.update(priority)
					.set({ position: q.position - 1 })
					.where(eq(priority.id, q.id))
					.run();
			audit(tx, actor, 'priority.removed', consultationId, `Removed priority "${p.title}"`, now);
			return 'done';
		},
		{ behavior: 'immediate' }
	);
}

function audit(
	tx: Tx,
	actor: Actor,
	action: string,
	consultationId: number,
	summary: string,
	now: Date
): void {
	recordAudit(
		tx,
		{
			actorStaffUserId: actor.staffUserId,
			action,
			subjectType: 'consultation',
			subjectId: String(consultationId),
			summary,
			ip: actor.ip ?? null
		},
		now
	);
}
