// A member of staff deletes the contact details left with a response; the answers stay, anonymous.
import { type Db, withWriteTransaction } from '../../db';
import { recordAudit } from '../../audit';
import type { Actor } from '../../consultations/manage';
import { deleteContactDetails } from './responses';

/** False when there were none to delete. */
export async function deleteContactDetailsAsStaff(
	db: Db,
	responseId: number,
	actor: Actor,
	now = new Date()
): Promise<boolean> {
	return await withWriteTransaction(db, async (tx) => {
		if (!(await deleteContactDetails(tx, responseId))) return false;
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				action: 'response.contact_deleted',
				subjectType: 'response',
				subjectId: responseId,
				summary: 'Deleted the contact details left with a response',
				ip: actor.ip ?? null
			},
			now
		);
		return true;
	});
}
