// A booking journey answered up to check answers with chosen contact details (a mobile number
// and text consent too), written straight into the server's database.
import type { Db } from '../../src/lib/server/db';
import { saveDraftStep, startDraft } from '../../src/lib/server/roadshow/drafts';
import type { Journey } from './booking-fixture';

export function prepareJourneyWith(
	db: Db,
	sessionId: number,
	contact: { contactName: string; email: string; mobile?: string }
): Journey {
	const now = new Date();
	const draftId = startDraft(db, sessionId, 'who', { bookedBy: 'family' }, now);
	saveDraftStep(db, draftId, sessionId, 'places', { adults: '1', children: '1' }, now);
	saveDraftStep(
		db,
		draftId,
		sessionId,
		'contact',
		{
			contactName: contact.contactName,
			email: contact.email,
			phone: '',
			...(contact.mobile ? { textMessages: 'yes', mobile: contact.mobile } : {})
		},
		now
	);
	saveDraftStep(db, draftId, sessionId, 'access-needs', { accessNeeds: 'none' }, now);
	saveDraftStep(db, draftId, sessionId, 'consent', { consentToContact: 'yes' }, now);
	return { draftId };
}

/** Waits until `check` returns something truthy (a message arriving), or fails after `ms`. */
export async function eventually<T>(
	check: () => T | undefined | null | false,
	ms = 10_000
): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 50));
	}
}
