// The audit log: who did what, and when. Summaries are shown to admins, so they must never
// contain passwords, tokens or one-time passwords.
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { auditEvent, staffUser } from '../db/schema';

/** The staff member making a change, for the audit record written with it. */
export type Actor = { staffUserId: number; ip?: string | null };

export type AuditInput = {
	actorStaffUserId?: number | null;
	/** e.g. "staff_user.created" */
	action: string;
	subjectType?: string | null;
	subjectId?: string | number | null;
	summary: string;
	ip?: string | null;
};

/** Takes a transaction too, so a change and its audit record commit together. */
export function recordAudit(db: DbOrTx, input: AuditInput, now = new Date()): void {
	db.insert(auditEvent)
		.values({
			occurredAt: now,
			actorStaffUserId: input.actorStaffUserId ?? null,
			action: input.action,
			subjectType: input.subjectType ?? null,
			subjectId: input.subjectId == null ? null : String(input.subjectId),
			summary: input.summary,
			ip: input.ip ?? null
		})
		.run();
}

export type AuditListItem = {
	id: number;
	occurredAt: Date;
	action: string;
	summary: string;
	subjectType: string | null;
	subjectId: string | null;
	ip: string | null;
	actorStaffUserId: number | null;
	actorName: string | null;
};

export type AuditPage = {
	events: AuditListItem[];
	page: number;
	pageSize: number;
	total: number;
	pageCount: number;
};

/** Newest first. A page past the end gives an empty list (the caller decides whether that is a 404). */
export function listAuditEvents(
	db: DbOrTx,
	{ page = 1, pageSize = 50 }: { page?: number; pageSize?: number } = {}
): AuditPage {
	const size = Math.max(1, Math.floor(pageSize));
	const current = Math.max(1, Math.floor(page));
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(auditEvent)
			.get()?.n ?? 0;
	const events = db
		.select({
			id: auditEvent.id,
			occurredAt: auditEvent.occurredAt,
			action: auditEvent.action,
			summary: auditEvent.summary,
			subjectType: auditEvent.subjectType,
			subjectId: auditEvent.subjectId,
			ip: auditEvent.ip,
			actorStaffUserId: auditEvent.actorStaffUserId,
			actorName: staffUser.name
		})
		.from(auditEvent)
		.leftJoin(staffUser, eq(auditEvent.actorStaffUserId, staffUser.id))
		.orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
		.limit(size)
		.offset((current - 1) * size)
		.all();
	return {
		events,
		page: current,
		pageSize: size,
		total,
		pageCount: Math.max(1, Math.ceil(total / size))
	};
}
