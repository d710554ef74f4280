// A consultation with one roadshow session and ready-to-confirm booking journeys, written straight
// into the server's database, so tests and benchmarks can fire "Confirm booking" at the server.
import { randomBytes } from 'node:crypto';
import { bookingDraft, consultation } from '../../src/lib/server/db/schema';
import { openDatabaseAt, type Db, withWriteTransaction, onlyRow } from '../../src/lib/server/db';
import { databaseTarget } from '../../src/lib/server/config';
import { createSession } from '../../src/lib/server/roadshow/sessions';
import { saveDraftStep, startDraft } from '../../src/lib/server/roadshow/drafts';
import { ukLocalToInstant, ukToday } from '../../src/lib/format';

/** The draft id is the journey's idempotency key: the server issues it with the draft. */
export type Journey = { draftId: string };

/** A second handle on a running server's database (its RunningServer.databaseUrl). */
export function openFixtureDatabase(databaseUrl: string): Promise<Db> {
	return openDatabaseAt(databaseTarget({ DATABASE_URL: databaseUrl }));
}

export async function addBookableSession(
	db: Db,
	capacity: number,
	slug = `race-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
) {
	const now = new Date();
	const today = ukToday(now);
	const { id: consultationId } = onlyRow(
		await db
			.insert(consultation)
			.values({
				slug,
				title: 'Race test consultation',
				summary: 'For the booking race test',
				contactEmail: 'send@example.org',
				opensOn: today,
				closesOn: '2099-12-31',
				publishedAt: now,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: consultation.id })
	);
	const date = new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
	const session = await createSession(
		db,
		consultationId,
		{
			title: 'Race session',
			audienceLabel: 'Parents/Carers',
			mode: 'in_person',
			venueName: 'Bridge Chapel',
			address: 'Bridge Road, Liverpool',
			postcode: 'L21 6PH',
			area: null,
			joiningLink: null,
			startsAt: ukLocalToInstant(date, '18:30'),
			endsAt: null,
			capacity,
			bookingClosesAt: null,
			stepFreeAccess: true,
			hearingLoop: false,
			parking: '',
			quietRoom: false,
			accessibilityNotes: '',
			childrenWelcome: true
		},
		now
	);
	return { slug, sessionId: session.id };
}

/** Journeys answered up to check answers, as a family would leave them. */
export async function prepareJourneys(
	db: Db,
	sessionId: number,
	count: number,
	party = { adults: 1, children: 0 }
): Promise<Journey[]> {
	const now = new Date();
	const journeys: Journey[] = [];
	for (let i = 0; i < count; i++) {
		const draftId = await startDraft(db, sessionId, 'who', { bookedBy: 'family' }, now);
		const steps = [
			['places', { adults: String(party.adults), children: String(party.children) }],
			['contact', { contactName: `Parent ${i}`, email: `parent${i}@example.org`, phone: '' }],
			['access-needs', { accessNeeds: 'none' }],
			['consent', { consentToContact: 'yes' }]
		] as const;
		for (const [step, values] of steps)
			await saveDraftStep(db, draftId, sessionId, step, values, now);
		journeys.push({ draftId });
	}
	return journeys;
}

/** Posts "Confirm booking" (or "Join the waiting list") as the browser's form does; returns the HTTP status. */
export async function postConfirm(
	baseUrl: string,
	slug: string,
	sessionId: number,
	journey: Journey,
	action: 'book' | 'wait'
): Promise<number> {
	const response = await fetch(
		`${baseUrl}/consultations/${slug}/sessions/${sessionId}/book/${journey.draftId}/confirm?/${action}`,
		{
			method: 'POST',
			headers: {
				origin: baseUrl,
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams()
		}
	);
	await response.arrayBuffer();
	return response.status;
}

/** Many ready journeys at once, spread over sessions, for benchmarks: one transaction of plain inserts. */
export type Target = { slug: string; sessionId: number };

export async function insertReadyJourneys(
	db: Db,
	targets: Target[],
	count: number
): Promise<(Journey & Target)[]> {
	const now = new Date();
	return await withWriteTransaction(db, async (tx) => {
		const journeys: (Journey & Target)[] = [];
		for (let i = 0; i < count; i++) {
			const { slug, sessionId } = targets[i % targets.length];
			const draftId = randomBytes(16).toString('base64url');
			const answers = {
				bookedBy: 'family',
				organisationName: '',
				organisationRole: '',
				adults: '1',
				children: '0',
				contactName: `Parent ${i}`,
				email: `parent${i}@example.org`,
				phone: '',
				familyName: '',
				familyEmail: '',
				familyPhone: '',
				accessNeeds: 'none',
				accessNeedsOther: '',
				consentToContact: 'yes'
			};
			await tx.insert(bookingDraft).values({
				id: draftId,
				roadshowSessionId: sessionId,
				answers,
				createdAt: now,
				updatedAt: now
			});
			journeys.push({ draftId, slug, sessionId });
		}
		return journeys;
	});
}
