// Staff changes to consultations and their priorities. Each change and its audit record commit together.
import { and, asc, eq, gt, lt, desc, count } from 'drizzle-orm';
import { type Db, type Tx, withWriteTransaction, firstRow, onlyRow } from '../db';
import { consultation, priority } from '../db/schema';
import { recordAudit, type Actor } from '../audit';
import type { FieldErrors } from '../shared/forms';
import type { ConsultationInput, PriorityInput } from './validation';

export type { Actor };
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

async function slugTaken(tx: Tx, slug: string, exceptId?: number): Promise<boolean> {
	const row = firstRow(
		await tx
			.select({ id: consultation.id })
			.from(consultation)
			.where(eq(consultation.slug, slug))
			.limit(1)
	);
	return row !== undefined && row.id !== exceptId;
}

const slugTakenError = {
	slug: 'A consultation with this web address already exists. Choose a different one'
};

export async function createConsultation(
	db: Db,
	input: ConsultationInput,
	actor: Actor,
	now = new Date()
): Promise<Outcome<{ id: number }>> {
	return await withWriteTransaction(db, async (tx) => {
		if (await slugTaken(tx, input.slug)) return { ok: false as const, errors: slugTakenError };
		const row = onlyRow(
			await tx
				.insert(consultation)
				.values({ ...input, createdAt: now, updatedAt: now })
				.returning({ id: consultation.id })
		);
		await audit(
			tx,
			actor,
			'consultation.created',
			row.id,
			`Created consultation "${input.title}"`,
			now
		);
		return { ok: true as const, id: row.id };
	});
}

export async function updateConsultation(
	db: Db,
	id: number,
	input: ConsultationInput,
	actor: Actor,
	now = new Date()
): Promise<Outcome> {
	return await withWriteTransaction(db, async (tx) => {
		if (await slugTaken(tx, input.slug, id)) return { ok: false as const, errors: slugTakenError };
		await tx
			.update(consultation)
			.set({ ...input, updatedAt: now })
			.where(eq(consultation.id, id));
		await audit(
			tx,
			actor,
			'consultation.updated',
			id,
			`Updated consultation "${input.title}"`,
			now
		);
		return { ok: true as const };
	});
}

/**
 * Published means frozen: answers, notes, comments and charts refer to priorities by id and
 * their frozen captions say "Priority 1: …", so after publication a priority cannot be removed,
 * renumbered or retitled (its description can still be clarified; new priorities can be added).
 */
export const PRIORITY_FROZEN_MESSAGE =
	'This consultation has been published, so its priorities cannot be removed, reordered or renamed';

async function isPublished(tx: Tx, consultationId: number): Promise<boolean> {
	const c = firstRow(
		await tx
			.select({ publishedAt: consultation.publishedAt })
			.from(consultation)
			.where(eq(consultation.id, consultationId))
			.limit(1)
	);
	return c?.publishedAt != null;
}

export type PriorityChange = 'done' | 'not_found' | 'frozen';

async function countPriorities(tx: Tx, consultationId: number): Promise<number> {
	return firstRow(
		await tx
			.select({ n: count() })
			.from(priority)
			.where(eq(priority.consultationId, consultationId))
			.limit(1)
	)!.n;
}

export async function addPriority(
	db: Db,
	consultationId: number,
	input: PriorityInput,
	actor: Actor,
	now = new Date()
): Promise<{ id: number }> {
	return await withWriteTransaction(db, async (tx) => {
		const position = (await countPriorities(tx, consultationId)) + 1;
		const row = onlyRow(
			await tx
				.insert(priority)
				.values({ consultationId, position, ...input })
				.returning({ id: priority.id })
		);
		await audit(
			tx,
			actor,
			'priority.added',
			consultationId,
			`Added priority ${position}: "${input.title}"`,
			now
		);
		return row;
	});
}

/** Updates a priority of this consultation; false when the id belongs to another one. */
export async function updatePriority(
	db: Db,
	consultationId: number,
	priorityId: number,
	input: PriorityInput,
	actor: Actor,
	now = new Date()
): Promise<PriorityChange> {
	return await withWriteTransaction(db, async (tx) => {
		const current = firstRow(
			await tx
				.select()
				.from(priority)
				.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)))
				.limit(1)
		);
		if (!current) return 'not_found';
		if (current.title !== input.title && (await isPublished(tx, consultationId))) return 'frozen';
		const result = await tx
			.update(priority)
			.set(input)
			.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)));
		if (result.changes === 0) return 'not_found';
		await audit(
			tx,
			actor,
			'priority.updated',
			consultationId,
			`Updated priority "${input.title}"`,
			now
		);
		return 'done';
	});
}

/** Swaps a priority with its neighbour; numbering stays 1..n. */
export async function movePriority(
	db: Db,
	consultationId: number,
	priorityId: number,
	direction: 'up' | 'down',
	actor: Actor,
	now = new Date()
): Promise<PriorityChange> {
	return await withWriteTransaction(db, async (tx) => {
		if (await isPublished(tx, consultationId)) return 'frozen';
		const p = firstRow(
			await tx
				.select()
				.from(priority)
				.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)))
				.limit(1)
		);
		if (!p) return 'not_found';
		const neighbour = firstRow(
			await tx
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
		);
		if (!neighbour) return 'done';
		// Positions are unique per consultation, checked row by row: park one while they swap.
		const parked = (await countPriorities(tx, consultationId)) + 1;
		await tx.update(priority).set({ position: parked }).where(eq(priority.id, p.id));
		await tx.update(priority).set({ position: p.position }).where(eq(priority.id, neighbour.id));
		await tx.update(priority).set({ position: neighbour.position }).where(eq(priority.id, p.id));
		await audit(
			tx,
			actor,
			'priority.moved',
			consultationId,
			`Moved priority "${p.title}" ${direction} to ${neighbour.position}`,
			now
		);
		return 'done';
	});
}

export async function removePriority(
	db: Db,
	consultationId: number,
	priorityId: number,
	actor: Actor,
	now = new Date()
): Promise<PriorityChange> {
	return await withWriteTransaction(db, async (tx) => {
		if (await isPublished(tx, consultationId)) return 'frozen';
		const p = firstRow(
			await tx
				.delete(priority)
				.where(and(eq(priority.id, priorityId), eq(priority.consultationId, consultationId)))
				.returning()
		);
		if (!p) return 'not_found';
		// One at a time from the lowest: positions are unique, checked row by row.
		const after = await tx
			.select({ id: priority.id, position: priority.position })
			.from(priority)
			.where(and(eq(priority.consultationId, consultationId), gt(priority.position, p.position)))
			.orderBy(asc(priority.position));
		for (const q of after)
			await tx
				.update(priority)
				.set({ position: q.position - 1 })
				.where(eq(priority.id, q.id));
		await audit(
			tx,
			actor,
			'priority.removed',
			consultationId,
			`Removed priority "${p.title}"`,
			now
		);
		return 'done';
	});
}

async function audit(
	tx: Tx,
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
			action,
			subjectType: 'consultation',
			subjectId: String(consultationId),
			summary,
			ip: actor.ip ?? null
		},
		now
	);
}
