// Children's records are kept only as long as the privacy notice says: a set number of days after
// the outcome letter, the child's and parent's details, the answers and the outcome are removed.
// What was sent and when stays (without the address), so the service can show a letter went.
import { and, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { type Db, withWriteTransaction } from '../db';
import { emailOutbox, liaisonLetter, liaisonReferral } from '../db/schema';
import { getConfig } from '../config';

export const REMOVED = 'Removed';

/** Days after the outcome letter (the LIAISON_KEEP_DAYS setting); the privacy notice states it. */
export async function applyLiaisonRetention(
	db: Db,
	now = new Date(),
	keepDays = getConfig().LIAISON_KEEP_DAYS
): Promise<number> {
	const cutoff = new Date(now.getTime() - keepDays * 86_400_000);
	return await withWriteTransaction(db, async (tx) => {
		const due = (
			await tx
				.select({ id: liaisonReferral.id })
				.from(liaisonReferral)
				.where(
					and(
						isNotNull(liaisonReferral.letterSentAt),
						lt(liaisonReferral.letterSentAt, cutoff),
						isNull(liaisonReferral.removedAt)
					)
				)
		).map((r) => r.id);
		if (due.length === 0) return 0;
		await tx
			.update(liaisonReferral)
			.set({
				childFirstName: REMOVED,
				referrerName: REMOVED,
				parentName: REMOVED,
				parentEmail: '',
				parentPhone: null,
				parentAddress: null,
				answers: '{}',
				outcome: null,
				replies: null,
				removedAt: now
			})
			.where(inArray(liaisonReferral.id, due));
		const emails = (
			await tx
				.select({ id: liaisonLetter.emailOutboxId })
				.from(liaisonLetter)
				.where(
					and(inArray(liaisonLetter.liaisonReferralId, due), isNotNull(liaisonLetter.emailOutboxId))
				)
		).map((r) => r.id!);
		if (emails.length) await tx.delete(emailOutbox).where(inArray(emailOutbox.id, emails));
		await tx
			.update(liaisonLetter)
			.set({ sentTo: REMOVED })
			.where(inArray(liaisonLetter.liaisonReferralId, due));
		return due.length;
	});
}
