// A booking journey answered up to check answers with chosen contact details (a mobile number
// and text consent too), written straight into the server's database.
import type { Db } from '../../src/lib/server/db';
import { saveDraftStep, startDraft } from '../../src/lib/server/roadshow/drafts';
import type { Journey } from './booking-fixture';

export async function prepareJourneyWith(
	db: Db,
	sessionId: number,
	contact: { contactName: string; email: string; mobile?: string }
): Promise<Journey> {
	const now = new Date();
	const draftId = await startDraft(db, sessionId, 'who', { bookedBy: 'family' }, now);
	await saveDraftStep(db, draftId, sessionId, 'places', { adults: '1', children: '1' }, now);
	await saveDraftStep(
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
	await saveDraftStep(db, draftId, sessionId, 'access-needs', { accessNeeds: 'none' }, now);
	await saveDraftStep(db, draftId, sessionId, 'consent', { consentToContact: 'yes' }, now);
	return { draftId };
}

/**
 * Waits until `check` returns (or resolves to) something truthy (a message arriving, a row
 * sent), or fails after `ms`.
 */
export async function eventually<T>(
	check: () => T | Promise<T>,
	ms = 10_000
): Promise<Exclude<T, undefined | null | false>> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await check();
		if (value) return value as Exclude<T, undefined | null | false>;
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 50));
	}
}
