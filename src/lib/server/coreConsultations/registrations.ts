// Schools' registrations and their meetings. Every change is a guarded transition in one
// immediate transaction with its audit record; emails are sent by the caller after it commits.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { type Db, withWriteTransaction, firstRow, onlyRow, lockForUpdate } from '../db';
import {
	coreConsultation,
	coreConsultationEvaluation,
	type CoreConsultation,
	type CoreConsultationEvaluation
} from '../db/schema';
import { recordAudit, type Actor } from '../audit';
import { REFERENCE_ALPHABET } from '../roadshow/references';
import { schoolKey, type CoreStatus } from './labels';
import type { EvaluationInput, RegistrationInput, SchoolChangeInput } from './validation';

export function generateCoreToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashCoreToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

function looksLikeToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** e.g. "CC-K7PM-3XQD": short and not secret. */
export function generateCoreReference(): string {
	let raw = '';
	for (let i = 0; i < 8; i++) raw += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
	return `CC-${raw.slice(0, 4)}-${raw.slice(4)}`;
}

export type RegisterResult =
	| { ok: true; registration: CoreConsultation; manageToken: string }
	| { ok: false; reason: 'already_registered'; existing: CoreConsultation };

async function liveRegistration(
	db: Db,
	key: string,
	term: string
): Promise<CoreConsultation | undefined> {
	return firstRow(
		await db
			.select()
			.from(coreConsultation)
			.where(
				and(
					eq(coreConsultation.schoolKey, key),
					eq(coreConsultation.term, term),
					ne(coreConsultation.status, 'cancelled')
				)
			)
			.limit(1)
	);
}

/**
 * Registers a school for a term. A school already registered for that term (a second tab, a
 * colleague, two servers at once) is told so: the partial unique index makes that certain.
 */
export async function registerSchool(
	db: Db,
	input: RegistrationInput,
	now = new Date()
): Promise<RegisterResult> {
	const key = schoolKey(input.schoolName);
	const manageToken = generateCoreToken();
	try {
		return await withWriteTransaction(db, async (tx) => {
			const existing = await liveRegistration(tx as unknown as Db, key, input.term);
			if (existing) return { ok: false, reason: 'already_registered', existing } as const;
			const registration = onlyRow(
				await tx
					.insert(coreConsultation)
					.values({
						reference: generateCoreReference(),
						schoolName: input.schoolName,
						schoolKey: key,
						schoolType: input.schoolType,
						contactName: input.contactName,
						contactRole: input.contactRole,
						contactEmail: input.contactEmail,
						contactPhone: input.contactPhone,
						strand: input.strand,
						term: input.term,
						themes: JSON.stringify(input.themes),
						themesOther: input.themesOther,
						manageTokenHash: hashCoreToken(manageToken),
						createdAt: now,
						updatedAt: now
					})
					.returning()
			);
			await recordAudit(
				tx,
				{
					action: 'core_consultation.registered',
					subjectType: 'core_consultation',
					subjectId: registration.id,
					summary: `${registration.schoolName} registered (${registration.reference})`
				},
				now
			);
			return { ok: true, registration, manageToken } as const;
		});
	} catch (err) {
		// Another process won the race between our check and our insert.
		if (
			err instanceof Error &&
			/UNIQUE constraint failed: core_consultation\.school_key/.test(err.message)
		) {
			const existing = await liveRegistration(db, key, input.term);
			if (existing) return { ok: false, reason: 'already_registered', existing };
		}
		throw err;
	}
}

export function themesOf(registration: Pick<CoreConsultation, 'themes'>): string[] {
	const parsed: unknown = JSON.parse(registration.themes);
	return Array.isArray(parsed) ? parsed.map(String) : [];
}

export async function findByManageToken(
	db: Db,
	token: string
): Promise<CoreConsultation | undefined> {
	if (!looksLikeToken(token)) return undefined;
	return firstRow(
		await db
			.select()
			.from(coreConsultation)
			.where(eq(coreConsultation.manageTokenHash, hashCoreToken(token)))
			.limit(1)
	);
}

export async function getCoreConsultation(
	db: Db,
	id: number
): Promise<CoreConsultation | undefined> {
	return firstRow(
		await db.select().from(coreConsultation).where(eq(coreConsultation.id, id)).limit(1)
	);
}

export async function getEvaluation(
	db: Db,
	id: number
): Promise<CoreConsultationEvaluation | undefined> {
	return firstRow(
		await db
			.select()
			.from(coreConsultationEvaluation)
			.where(eq(coreConsultationEvaluation.coreConsultationId, id))
			.limit(1)
	);
}

export async function listRegistrations(
	db: Db,
	filter: { term?: string | null; status?: CoreStatus | null } = {}
): Promise<CoreConsultation[]> {
	return await db
		.select()
		.from(coreConsultation)
		.where(
			and(
				filter.term ? eq(coreConsultation.term, filter.term) : undefined,
				filter.status ? eq(coreConsultation.status, filter.status) : undefined
			)
		)
		.orderBy(
			sql`case ${coreConsultation.status} when 'registered' then 0 when 'allocated' then 1 when 'held' then 2 else 3 end`,
			asc(coreConsultation.meetingAt),
			desc(coreConsultation.createdAt)
		);
}

export async function registrationTerms(db: Db): Promise<string[]> {
	return (await db.selectDistinct({ term: coreConsultation.term }).from(coreConsultation)).map(
		(r) => r.term
	);
}

export type Transition<T = CoreConsultation> =
	| {
			ok: true;
			registration: T;
			changed: boolean;
			wasAllocated?: boolean;
			/** A fresh link for the email this change sends; earlier links stop working. */
			manageToken?: string;
	  }
	| {
			ok: false;
			reason:
				'not_found' | 'cancelled' | 'held' | 'not_allocated' | 'not_yet' | 'already_evaluated';
	  };

/** Staff book (or move) the meeting: allowed until it has been held or cancelled. */
export async function allocateMeeting(
	db: Db,
	id: number,
	input: { specialistName: string; meetingAt: Date; meetingPlace: string },
	actor: Actor,
	now = new Date()
): Promise<Transition> {
	return await withWriteTransaction(db, async (tx) => {
		const current = firstRow(
			await lockForUpdate(
				tx,
				tx.select().from(coreConsultation).where(eq(coreConsultation.id, id)).limit(1)
			)
		);
		if (!current) return { ok: false, reason: 'not_found' } as const;
		if (current.status === 'cancelled' || current.status === 'held')
			return { ok: false, reason: current.status } as const;
		const same =
			current.status === 'allocated' &&
			current.specialistName === input.specialistName &&
			current.meetingPlace === input.meetingPlace &&
			current.meetingAt?.getTime() === input.meetingAt.getTime();
		if (same) return { ok: true, registration: current, changed: false } as const;
		const manageToken = generateCoreToken();
		const registration = onlyRow(
			await tx
				.update(coreConsultation)
				.set({
					manageTokenHash: hashCoreToken(manageToken),
					status: 'allocated',
					specialistName: input.specialistName,
					meetingPlace: input.meetingPlace,
					meetingAt: input.meetingAt,
					calendarSequence: current.status === 'allocated' ? current.calendarSequence + 1 : 0,
					updatedAt: now
				})
				.where(eq(coreConsultation.id, id))
				.returning()
		);
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				ip: actor.ip,
				action:
					current.status === 'allocated'
						? 'core_consultation.moved'
						: 'core_consultation.allocated',
				subjectType: 'core_consultation',
				subjectId: id,
				summary: `${current.reference}: ${input.specialistName}, ${input.meetingAt.toISOString()}`
			},
			now
		);
		return { ok: true, registration, changed: true, manageToken } as const;
	});
}

/** Either side may cancel until the meeting has been held; cancelling twice changes nothing. */
export async function cancelCoreConsultation(
	db: Db,
	id: number,
	by: 'school' | 'staff',
	actor: Actor | null,
	now = new Date()
): Promise<Transition> {
	return await withWriteTransaction(db, async (tx) => {
		const current = firstRow(
			await lockForUpdate(
				tx,
				tx.select().from(coreConsultation).where(eq(coreConsultation.id, id)).limit(1)
			)
		);
		if (!current) return { ok: false, reason: 'not_found' } as const;
		if (current.status === 'held') return { ok: false, reason: 'held' } as const;
		if (current.status === 'cancelled')
			return { ok: true, registration: current, changed: false } as const;
		const registration = onlyRow(
			await tx
				.update(coreConsultation)
				.set({
					status: 'cancelled',
					cancelledBy: by,
					cancelledAt: now,
					calendarSequence: current.calendarSequence + 1,
					updatedAt: now
				})
				.where(eq(coreConsultation.id, id))
				.returning()
		);
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor?.staffUserId ?? null,
				ip: actor?.ip,
				action: 'core_consultation.cancelled',
				subjectType: 'core_consultation',
				subjectId: id,
				summary: `${current.reference} cancelled by the ${by}`
			},
			now
		);
		return {
			ok: true,
			registration,
			changed: true,
			wasAllocated: current.status === 'allocated'
		} as const;
	});
}

/** After the meeting time: staff record it was held, which asks the school to evaluate it. */
export async function markHeld(
	db: Db,
	id: number,
	actor: Actor,
	now = new Date()
): Promise<Transition> {
	return await withWriteTransaction(db, async (tx) => {
		const current = firstRow(
			await lockForUpdate(
				tx,
				tx.select().from(coreConsultation).where(eq(coreConsultation.id, id)).limit(1)
			)
		);
		if (!current) return { ok: false, reason: 'not_found' } as const;
		if (current.status === 'held')
			return { ok: true, registration: current, changed: false } as const;
		if (current.status === 'cancelled') return { ok: false, reason: 'cancelled' } as const;
		if (current.status !== 'allocated' || !current.meetingAt)
			return { ok: false, reason: 'not_allocated' } as const;
		if (current.meetingAt > now) return { ok: false, reason: 'not_yet' } as const;
		const manageToken = generateCoreToken();
		const registration = onlyRow(
			await tx
				.update(coreConsultation)
				.set({
					status: 'held',
					heldAt: now,
					updatedAt: now,
					manageTokenHash: hashCoreToken(manageToken)
				})
				.where(eq(coreConsultation.id, id))
				.returning()
		);
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				ip: actor.ip,
				action: 'core_consultation.held',
				subjectType: 'core_consultation',
				subjectId: id,
				summary: `${current.reference} held`
			},
			now
		);
		return { ok: true, registration, changed: true, manageToken } as const;
	});
}

/** The school changes its contact or themes; not once cancelled or held. */
export async function changeSchoolDetails(
	db: Db,
	id: number,
	input: SchoolChangeInput,
	now = new Date()
): Promise<Transition> {
	return await withWriteTransaction(db, async (tx) => {
		const current = firstRow(
			await lockForUpdate(
				tx,
				tx.select().from(coreConsultation).where(eq(coreConsultation.id, id)).limit(1)
			)
		);
		if (!current) return { ok: false, reason: 'not_found' } as const;
		if (current.status === 'cancelled' || current.status === 'held')
			return { ok: false, reason: current.status } as const;
		const registration = onlyRow(
			await tx
				.update(coreConsultation)
				.set({
					contactName: input.contactName,
					contactRole: input.contactRole,
					contactEmail: input.contactEmail,
					contactPhone: input.contactPhone,
					themes: JSON.stringify(input.themes),
					themesOther: input.themesOther,
					updatedAt: now
				})
				.where(eq(coreConsultation.id, id))
				.returning()
		);
		return { ok: true, registration, changed: true } as const;
	});
}

/** One evaluation per held meeting: a double click or a second tab is told it is already in. */
export async function evaluateMeeting(
	db: Db,
	id: number,
	input: EvaluationInput,
	now = new Date()
): Promise<Transition<CoreConsultationEvaluation>> {
	return await withWriteTransaction(db, async (tx) => {
		const current = firstRow(
			await lockForUpdate(
				tx,
				tx.select().from(coreConsultation).where(eq(coreConsultation.id, id)).limit(1)
			)
		);
		if (!current) return { ok: false, reason: 'not_found' } as const;
		if (current.status !== 'held') return { ok: false, reason: 'not_yet' } as const;
		const inserted = firstRow(
			await tx
				.insert(coreConsultationEvaluation)
				.values({ coreConsultationId: id, ...input, submittedAt: now })
				.onConflictDoNothing()
				.returning()
		);
		if (!inserted) return { ok: false, reason: 'already_evaluated' } as const;
		return { ok: true, registration: inserted, changed: true } as const;
	});
}
