// Booking journeys in progress (see bookingDraft in the schema for why they live in the database).
// Each question page stores its posted answers once they are valid; "Confirm booking" checks the
// whole set again with bookingDetailsSchema.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import {
	placeholderFor,
	preparedPerDatabase,
	type Db,
	firstRow,
	withWriteTransaction
} from '../db';
import { bookingDraft } from '../db/schema';
import type { FormValues } from '../shared/forms';

export const DRAFT_LIFETIME_MS = 24 * 3_600_000;

/** The question pages in order, and the fields each one asks. */
export const journeySteps = [
	{ step: 'who', fields: ['bookedBy', 'organisationName', 'organisationRole'] },
	{ step: 'places', fields: ['adults', 'children'] },
	{
		step: 'contact',
		fields: [
			'contactName',
			'email',
			'phone',
			'familyName',
			'familyEmail',
			'familyPhone',
			'textMessages',
			'mobile'
		]
	},
	{ step: 'access-needs', fields: ['accessNeeds', 'accessNeedsOther'] },
	{ step: 'consent', fields: ['consentToContact'] }
] as const;
export type JourneyStep = (typeof journeySteps)[number]['step'];

/** The fields each step must have answered before the journey moves on. */
const requiredField: Record<JourneyStep, string> = {
	who: 'bookedBy',
	places: 'adults',
	contact: 'email',
	'access-needs': 'accessNeeds',
	consent: 'consentToContact'
};

export function stepOfField(field: string): JourneyStep | undefined {
	return journeySteps.find((s) => (s.fields as readonly string[]).includes(field))?.step;
}

/** The first question not yet answered, or null when the answers are ready to check. */
export function firstUnansweredStep(answers: FormValues): JourneyStep | null {
	return journeySteps.find((s) => answers[requiredField[s.step]] === undefined)?.step ?? null;
}

export function nextStep(step: JourneyStep): JourneyStep | 'check' {
	const i = journeySteps.findIndex((s) => s.step === step);
	return journeySteps[i + 1]?.step ?? 'check';
}

export function previousStep(step: JourneyStep): JourneyStep | null {
	const i = journeySteps.findIndex((s) => s.step === step);
	return i > 0 ? journeySteps[i - 1].step : null;
}

/** Only the step's own fields, so a tampered post cannot slip in other answers. */
function pick(step: JourneyStep, values: FormValues): FormValues {
	const fields = journeySteps.find((s) => s.step === step)!.fields as readonly string[];
	const out: FormValues = {};
	for (const field of fields) out[field] = values[field] ?? '';
	return out;
}

const isDraftId = (id: string) => /^[A-Za-z0-9_-]{22}$/.test(id);

/** Starts a journey with the first page's answers; also clears out expired drafts. */
export async function startDraft(
	db: Db,
	sessionId: number,
	step: JourneyStep,
	values: FormValues,
	now: Date
): Promise<string> {
	const id = randomBytes(16).toString('base64url');
	await db
		.delete(bookingDraft)
		.where(lt(bookingDraft.updatedAt, new Date(now.getTime() - DRAFT_LIFETIME_MS)));
	await db.insert(bookingDraft).values({
		id,
		roadshowSessionId: sessionId,
		answers: pick(step, values),
		createdAt: now,
		updatedAt: now
	});
	return id;
}

const draftAnswers = preparedPerDatabase((db) =>
	db
		.select({ answers: bookingDraft.answers })
		.from(bookingDraft)
		.where(
			and(
				eq(bookingDraft.id, sql.placeholder('id')),
				eq(bookingDraft.roadshowSessionId, sql.placeholder('sessionId')),
				gt(bookingDraft.updatedAt, placeholderFor('since', bookingDraft.updatedAt))
			)
		)
		.prepare()
);

/** The answers so far, or undefined for an unknown, expired or other session's draft. */
export async function getDraftAnswers(
	db: Db,
	id: string,
	sessionId: number,
	now: Date
): Promise<FormValues | undefined> {
	if (!isDraftId(id)) return undefined;
	// Placeholders in a where clause are bound as they are: the time goes in as epoch milliseconds.
	return firstRow(
		await draftAnswers(db).execute({
			id,
			sessionId,
			since: new Date(now.getTime() - DRAFT_LIFETIME_MS)
		})
	)?.answers;
}

/** Saves one page's answers; false if the draft has gone. */
export async function saveDraftStep(
	db: Db,
	id: string,
	sessionId: number,
	step: JourneyStep,
	values: FormValues,
	now: Date
): Promise<boolean> {
	return await withWriteTransaction(db, async (tx) => {
		const answers = await getDraftAnswers(tx, id, sessionId, now);
		if (!answers) return false;
		await tx
			.update(bookingDraft)
			.set({ answers: { ...answers, ...pick(step, values) }, updatedAt: now })
			.where(eq(bookingDraft.id, id));
		return true;
	});
}
