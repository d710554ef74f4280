// Reading consultations for the public pages and the staff area.
import { asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { preparedPerDatabase, type Db } from '../db';
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
export function listPublicConsultations(db: Db, today: string) {
	const all = db
		.select()
		.from(consultation)
		.where(isNotNull(consultation.publishedAt))
		.orderBy(asc(consultation.closesOn))
		.all()
		.map((c) => withStatus(c, today));
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

export function listPriorities(db: Db, consultationId: number): Priority[] {
	return db
		.select()
		.from(priority)
		.where(eq(priority.consultationId, consultationId))
		.orderBy(asc(priority.position))
		.all();
}

const publishedBySlug = preparedPerDatabase((db) =>
	db
		.select()
		.from(consultation)
		.where(eq(consultation.slug, sql.placeholder('slug')))
		.prepare()
);

/** A published consultation by its web address without its priorities, or null: for session and booking pages. */
export function findPublicConsultationOnly(
	db: Db,
	slug: string,
	today: string
): ConsultationWithStatus | null {
	const c = publishedBySlug(db).get({ slug });
	return c && c.publishedAt ? withStatus(c, today) : null;
}

/** A published consultation by its web address, or null (drafts are never public). */
export function findPublicConsultation(db: Db, slug: string, today: string) {
	const c = db.select().from(consultation).where(eq(consultation.slug, slug)).get();
	if (!c || !c.publishedAt) return null;
	return { consultation: withStatus(c, today), priorities: listPriorities(db, c.id) };
}

export function listConsultationsForStaff(db: Db, today: string) {
	const counts = db
		.select({ consultationId: priority.consultationId, n: sql<number>`count(*)`.as('n') })
		.from(priority)
		.groupBy(priority.consultationId)
		.as('counts');
	return db
		.select({ c: consultation, priorityCount: sql<number>`coalesce(${counts.n}, 0)` })
		.from(consultation)
		.leftJoin(counts, eq(counts.consultationId, consultation.id))
		.orderBy(desc(consultation.updatedAt))
		.all()
		.map(({ c, priorityCount }) => ({ ...withStatus(c, today), priorityCount }));
}

export function findConsultationForStaff(db: Db, id: number, today: string) {
	const c = db.select().from(consultation).where(eq(consultation.id, id)).get();
	if (!c) return null;
	return { consultation: withStatus(c, today), priorities: listPriorities(db, c.id) };
}
