// Keeping personal data only as long as the privacy notice says. Counts, access-need codes and
// attendance stay for reporting; names, contact details and free text about a person go.
import { and, inArray, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import { type Db, withWriteTransaction, changedRows } from '../db';
import {
	booking,
	bookingDraft,
	bookingManageLink,
	consultation,
	emailOutbox,
	response,
	responseContact,
	roadshowSession
} from '../db/schema';
import { DRAFT_LIFETIME_MS } from '../roadshow/drafts';
import { KEEP_ATTEMPTS_MS } from '../auth/throttle';
import { RESUME_DAYS } from '../questionnaires/answering/responses';
import { ukToday } from '../../format';

const DAY_MS = 86_400_000;
/** Booking contact details, questionnaire contact details and copies of emails: 30 days. */
export const KEEP_PERSONAL_DATA_DAYS = 30;

/**
 * How long each kind of personal data is kept, as the privacy notice states it (the notice reads
 * these numbers, and a test checks the page says them).
 */
export const RETENTION = {
	bookingContactDaysAfterSession: KEEP_PERSONAL_DATA_DAYS,
	questionnaireContactDaysAfterClose: KEEP_PERSONAL_DATA_DAYS,
	emailCopyDays: KEEP_PERSONAL_DATA_DAYS,
	unfinishedBookingHours: DRAFT_LIFETIME_MS / 3_600_000,
	resumeLinkDays: RESUME_DAYS,
	signInAttemptHours: KEEP_ATTEMPTS_MS / 3_600_000
};

export const REMOVED_NAME = 'Removed after the event';

export type RetentionResult = {
	bookings: number;
	contactDetails: number;
	drafts: number;
	emails: number;
};

export async function applyRetention(db: Db, now = new Date()): Promise<RetentionResult> {
	const cutoff = new Date(now.getTime() - KEEP_PERSONAL_DATA_DAYS * DAY_MS);
	// A consultation closes at the end of its close date in UK time (consultations/status.ts), so
	// it closed before the cut-off if that date is before the cut-off's UK date.
	const closedBefore = ukToday(cutoff);
	return await withWriteTransaction(db, async (tx) => {
		const pastSessions = tx
			.select({ id: roadshowSession.id })
			.from(roadshowSession)
			.where(
				lt(
					sql`coalesce(${roadshowSession.endsAt}, ${roadshowSession.startsAt})`,
					sql.param(cutoff, roadshowSession.startsAt)
				)
			);
		const bookings = changedRows(
			await tx
				.update(booking)
				.set({
					contactName: REMOVED_NAME,
					email: '',
					phone: null,
					familyName: null,
					familyEmail: null,
					familyPhone: null,
					mobile: null,
					textMessages: false,
					accessNeedsOther: null,
					clientAddressHash: null,
					updatedAt: now
				})
				.where(and(inArray(booking.roadshowSessionId, pastSessions), ne(booking.email, '')))
		);
		// The manage links go with the details they would show.
		await tx
			.delete(bookingManageLink)
			.where(
				inArray(
					bookingManageLink.bookingId,
					tx
						.select({ id: booking.id })
						.from(booking)
						.where(inArray(booking.roadshowSessionId, pastSessions))
				)
			);

		const closedConsultations = tx
			.select({ id: consultation.id })
			.from(consultation)
			.where(
				or(
					lt(consultation.closesOn, closedBefore),
					and(isNotNull(consultation.closedEarlyAt), lt(consultation.closedEarlyAt, cutoff))
				)
			);
		const closedResponses = tx
			.select({ id: response.id })
			.from(response)
			.where(inArray(response.consultationId, closedConsultations));
		const contactDetails = changedRows(
			await tx.delete(responseContact).where(inArray(responseContact.responseId, closedResponses))
		);

		const drafts = changedRows(
			await tx
				.delete(bookingDraft)
				.where(lt(bookingDraft.updatedAt, new Date(now.getTime() - DRAFT_LIFETIME_MS)))
		);
		const emails = changedRows(
			await tx.delete(emailOutbox).where(lt(emailOutbox.createdAt, cutoff))
		);
		return { bookings, contactDetails, drafts, emails };
	});
}
