// Reminder emails, at most once per booking: claiming sets reminder_sent_at in the same
// UPDATE ... WHERE reminder_sent_at IS NULL, so two runs, or two processes, never both claim one.
// A send that fails after the claim is recorded by the notify domain, not retried here.
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import { type Db, withWriteTransaction } from '../db';
import { booking, roadshowSession, type Booking, type RoadshowSession } from '../db/schema';
import { getConfig } from '../config';

export type DueReminder = { booking: Booking; session: RoadshowSession };

/** Claims confirmed bookings for live sessions starting within the lead time; the caller sends the emails. */
export async function claimDueReminders(
	db: Db,
	now: Date,
	leadTimeMs = getConfig().REMINDER_LEAD_HOURS * 3_600_000
): Promise<DueReminder[]> {
	return await withWriteTransaction(db, async (tx) => {
		const dueSessions = tx
			.select({ id: roadshowSession.id })
			.from(roadshowSession)
			.where(
				and(
					isNull(roadshowSession.cancelledAt),
					gt(roadshowSession.startsAt, now),
					lte(roadshowSession.startsAt, new Date(now.getTime() + leadTimeMs))
				)
			);
		const claimed = await tx
			.update(booking)
			.set({ reminderSentAt: now })
			.where(
				and(
					eq(booking.status, 'confirmed'),
					isNull(booking.reminderSentAt),
					inArray(booking.roadshowSessionId, dueSessions)
				)
			)
			.returning();
		if (claimed.length === 0) return [];
		const sessions = await tx
			.select()
			.from(roadshowSession)
			.where(inArray(roadshowSession.id, [...new Set(claimed.map((b) => b.roadshowSessionId))]));
		const byId = new Map(sessions.map((s) => [s.id, s]));
		return claimed
			.sort((a, b) => a.id - b.id)
			.map((b) => ({ booking: b, session: byId.get(b.roadshowSessionId)! }));
	});
}
