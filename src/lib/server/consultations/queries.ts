// Reading consultations for the public pages and the staff area.
import { asc, desc, eq, isNotNull, count, sql } from 'drizzle-orm';
import { preparedPerDatabase, type Db, firstRow } from '../db';
import { consultation, priority } from '../db/schema';
import { closingDate, consultationStatus, type ConsultationStatus } from './status';

export type Consultation = typeof consultation.$inferSelect;
export type Priority = typeof priority.$inferSelect;
/** closingDate: the true last day (see status.ts); show it, not closesOn, to say when it closes. */
export type ConsultationWithStatus = Consultation & {
	status: ConsultationStatus;
	closingDate: string;
};

function withStatus(c: Consultation, today: string): ConsultationWithStatus {
	return { ...c, status: consultationStatus(c, today), closingDate: closingDate(c) };
}

/** Published consultations for the home page: open first (closing soonest), then upcoming, then closed. */
export async function listPublicConsultations(db: Db, today: string) {
	const all = (
		await db
			.select()
			.from(consultation)
			.where(isNotNull(consultation.publishedAt))
			.orderBy(asc(consultation.closesOn))
	).map((c) => withStatus(c, today));
	return {
		open: all.filter((c) => c.status === 'open'),
		upcoming: all
			.filter((c) => c.status === 'upcoming')
			.sort((a, b) => a.opensOn.localeCompare(b.opensOn)),
		closed: all
			.filter((c) => c.status === 'closed' || c.status === 'response_published')
			.sort((a, b) => b.closingDate.localeCompare(a.closingDate))
	};
}

export async function listPriorities(db: Db, consultationId: number): Promise<Priority[]> {
	return await db
		.select()
		.from(priority)
		.where(eq(priority.consultationId, consultationId))
		.orderBy(asc(priority.position));
}

const publishedBySlug = preparedPerDatabase((db) =>
	db
		.select()
		.from(consultation)
		.where(eq(consultation.slug, sql.placeholder('slug')))
		.prepare()
);

/** A published consultation by its web address without its priorities, or null: for session and booking pages. */
export async function findPublicConsultationOnly(
	db: Db,
	slug: string,
	today: string
): Promise<ConsultationWithStatus | null> {
	const c = firstRow(await publishedBySlug(db).execute({ slug }));
	return c && c.publishedAt ? withStatus(c, today) : null;
}

/** A published consultation by its web address, or null (drafts are never public). */
export async function findPublicConsultation(db: Db, slug: string, today: string) {
	const c = firstRow(
		await db.select().from(consultation).where(eq(consultation.slug, slug)).limit(1)
	);
	if (!c || !c.publishedAt) return null;
	return { consultation: withStatus(c, today), priorities: await listPriorities(db, c.id) };
}

export async function listConsultationsForStaff(db: Db, today: string) {
	const counts = db
		.select({ consultationId: priority.consultationId, n: count().as('n') })
		.from(priority)
		.groupBy(priority.consultationId)
		.as('counts');
	return (
		await db
			.select({
				c: consultation,
				priorityCount: sql<number>`coalesce(${counts.n}, 0)`.mapWith(Number)
			})
			.from(consultation)
			.leftJoin(counts, eq(counts.consultationId, consultation.id))
			.orderBy(desc(consultation.updatedAt))
	).map(({ c, priorityCount }) => ({ ...withStatus(c, today), priorityCount }));
}

export async function findConsultationForStaff(db: Db, id: number, today: string) {
	const c = firstRow(await db.select().from(consultation).where(eq(consultation.id, id)).limit(1));
	if (!c) return null;
	return { consultation: withStatus(c, today), priorities: await listPriorities(db, c.id) };
}
