// The audit log: who did what, and when. Summaries are shown to admins, so they must never
// contain passwords, tokens or one-time passwords.
import { and, desc, eq, gte, isNull, like, lt, or, count, type SQL } from 'drizzle-orm';
import { type DbOrTx, firstRow } from '../db';
import { auditEvent, staffUser } from '../db/schema';
import { csvSafe } from '../shared/csv';

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
export async function recordAudit(db: DbOrTx, input: AuditInput, now = new Date()): Promise<void> {
	await db.insert(auditEvent).values({
		occurredAt: now,
		actorStaffUserId: input.actorStaffUserId ?? null,
		action: input.action,
		subjectType: input.subjectType ?? null,
		subjectId: input.subjectId == null ? null : String(input.subjectId),
		summary: input.summary,
		ip: input.ip ?? null
	});
}

/** An event counted as it repeats (rate-limit refusals), found to raise its count. */
export type CountedEvent = { action: string; subjectType: string; subjectId: string };

/** The newest line of this action and subject since `since`, if any. */
export async function findLatestAudit(
	db: DbOrTx,
	event: CountedEvent,
	since: Date
): Promise<{ id: number; summary: string } | undefined> {
	return firstRow(
		await db
			.select({ id: auditEvent.id, summary: auditEvent.summary })
			.from(auditEvent)
			.where(
				and(
					eq(auditEvent.action, event.action),
					eq(auditEvent.subjectType, event.subjectType),
					eq(auditEvent.subjectId, event.subjectId),
					gte(auditEvent.occurredAt, since)
				)
			)
			.orderBy(desc(auditEvent.id))
			.limit(1)
	);
}

/** Rewrites a line's summary: for a counted event, so a flood stays one line whose count rises. */
export async function rewriteAuditSummary(db: DbOrTx, id: number, summary: string): Promise<void> {
	await db.update(auditEvent).set({ summary }).where(eq(auditEvent.id, id));
}

/** A download, print or reading of personal data: who, what, with which filters, how many rows. */
export type DataAccess = {
	actor: Actor;
	action: 'personal_data.downloaded' | 'personal_data.printed' | 'personal_data.read';
	/** What was taken, in plain English, e.g. "the register CSV for Bootle drop-in". */
	what: string;
	filters?: string | null;
	rows: number;
	subjectType: string;
	subjectId: string | number;
};

export async function recordDataAccess(
	db: DbOrTx,
	access: DataAccess,
	now = new Date()
): Promise<void> {
	const verb = {
		'personal_data.downloaded': 'Downloaded',
		'personal_data.printed': 'Opened for printing',
		'personal_data.read': 'Read'
	}[access.action];
	const rows = `${access.rows} ${access.rows === 1 ? 'row' : 'rows'}`;
	const filters = access.filters ? `; filters: ${access.filters}` : '; no filters';
	await recordAudit(
		db,
		{
			actorStaffUserId: access.actor.staffUserId,
			ip: access.actor.ip,
			action: access.action,
			subjectType: access.subjectType,
			subjectId: access.subjectId,
			summary: `${verb} ${access.what} (${rows}${filters})`
		},
		now
	);
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

/** Who did it (a staff id, or 'none' for people not signed in), what kind, and between which instants. */
export type AuditFilters = {
	actor?: number | 'none';
	/** The part of the action before the dot: "sign_in", "personal_data", "rate_limit"… */
	kind?: string;
	from?: Date;
	/** Exclusive. */
	to?: Date;
};

function whereOf(filters: AuditFilters): SQL | undefined {
	const parts: (SQL | undefined)[] = [
		filters.actor === 'none'
			? isNull(auditEvent.actorStaffUserId)
			: filters.actor != null
				? eq(auditEvent.actorStaffUserId, filters.actor)
				: undefined,
		filters.kind
			? or(eq(auditEvent.action, filters.kind), like(auditEvent.action, `${filters.kind}.%`))
			: undefined,
		filters.from ? gte(auditEvent.occurredAt, filters.from) : undefined,
		filters.to ? lt(auditEvent.occurredAt, filters.to) : undefined
	];
	return and(...parts.filter(Boolean));
}

/** The kinds of event recorded so far (an action's first part: 'sign_in' of 'sign_in.failed'). */
export async function listAuditKinds(db: DbOrTx): Promise<string[]> {
	const actions = await db.selectDistinct({ action: auditEvent.action }).from(auditEvent);
	return [...new Set(actions.map((a) => a.action.split('.')[0]))].sort();
}

const listColumns = {
	id: auditEvent.id,
	occurredAt: auditEvent.occurredAt,
	action: auditEvent.action,
	summary: auditEvent.summary,
	subjectType: auditEvent.subjectType,
	subjectId: auditEvent.subjectId,
	ip: auditEvent.ip,
	actorStaffUserId: auditEvent.actorStaffUserId,
	actorName: staffUser.name
};

/** Newest first. A page past the end gives an empty list (the caller decides whether that is a 404). */
export async function listAuditEvents(
	db: DbOrTx,
	{
		page = 1,
		pageSize = 50,
		filters = {}
	}: { page?: number; pageSize?: number; filters?: AuditFilters } = {}
): Promise<AuditPage> {
	const size = Math.max(1, Math.floor(pageSize));
	const current = Math.max(1, Math.floor(page));
	const where = whereOf(filters);
	const total =
		firstRow(await db.select({ n: count() }).from(auditEvent).where(where).limit(1))?.n ?? 0;
	const events = await db
		.select(listColumns)
		.from(auditEvent)
		.leftJoin(staffUser, eq(auditEvent.actorStaffUserId, staffUser.id))
		.where(where)
		.orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
		.limit(size)
		.offset((current - 1) * size);
	return {
		events,
		page: current,
		pageSize: size,
		total,
		pageCount: Math.max(1, Math.ceil(total / size))
	};
}

/** Every matching event, newest first, for the export. */
export async function allAuditEvents(
	db: DbOrTx,
	filters: AuditFilters = {}
): Promise<AuditListItem[]> {
	return await db
		.select(listColumns)
		.from(auditEvent)
		.leftJoin(staffUser, eq(auditEvent.actorStaffUserId, staffUser.id))
		.where(whereOf(filters))
		.orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id));
}

export const AUDIT_CSV_COLUMNS = ['when', 'who', 'action', 'what', 'ip'] as const;

/** The log as CSV rows (header first), each text cell made safe for spreadsheets. */
export function auditCsvRows(events: AuditListItem[]): string[][] {
	return [
		[...AUDIT_CSV_COLUMNS],
		...events.map((e) => [
			e.occurredAt.toISOString(),
			csvSafe(e.actorName ?? 'Not signed in'),
			e.action,
			csvSafe(e.summary),
			e.ip ?? ''
		])
	];
}
