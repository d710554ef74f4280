// Answering a questionnaire online: answers are saved question by question as the visitor goes,
// checked on the server against the version the response started on; a resume link lets them
// come back; sending gives a reference. Every write is one immediate transaction.
import { eq } from 'drizzle-orm';
import {
	type Db,
	type DbOrTx,
	withWriteTransaction,
	firstRow,
	changedRows,
	onlyRow
} from '../../db';
import {
	response,
	responseContact,
	type Answer,
	type Channel,
	type QuestionnaireResponse
} from '../../db/schema';
import { consultationStatus, type ConsultationStatus } from '../../consultations/status';
import { ukLocalToInstant, ukToday } from '../../../format';
import { generateResponseReference, generateResumeToken, hashResumeToken } from './tokens';
import { answersByKey, visibleQuestions } from '../skipLogic';
import { validateAnswer, type RawAnswer } from './validation';
import { frozenQuestions, getVersion } from '../versions';
import { statements } from './statements';
import { openJourney, type Journey, type JourneyConsultation, type OpenResult } from './journey';
import type { AnswerValue, FullQuestion, VersionWithQuestions } from '../types';

/** How long a resume link works after the last saved answer (and a sent one shows its reference). */
export const RESUME_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The first instant after the consultation's closing day, in UK time: no answers can be sent then. */
export function endOfClosingDay(closesOn: string): Date {
	return new Date(ukLocalToInstant(closesOn, '23:59').getTime() + 60_000);
}

/**
 * When an unsent response's resume link stops working: never before answers can no longer be
 * sent (the end of the closing day), so the date people are told is the date that matters;
 * RESUME_DAYS after the last save if that is later; and never earlier than it already was.
 */
export function resumeLinkExpiresAt(now: Date, closesOn: string, current?: Date | null): Date {
	return new Date(
		Math.max(
			endOfClosingDay(closesOn).getTime(),
			now.getTime() + RESUME_DAYS * DAY_MS,
			current?.getTime() ?? 0
		)
	);
}

export type Refusal =
	| 'not_found'
	| 'not_open'
	| 'submitted'
	| 'version_mismatch'
	| 'unknown_question'
	| 'hidden'
	| 'invalid';
export type SaveResult = { ok: true } | { ok: false; reason: Refusal; message: string };

const refuse = <R extends string>(reason: R, message: string) => ({
	ok: false as const,
	reason,
	message
});
const messages = {
	not_found: 'We cannot find this response',
	not_open: 'This consultation is not open for answers',
	submitted: 'You have already sent this response, so it cannot be changed',
	version_mismatch: 'This page is out of date. Go back to the question and answer it again',
	unknown_question: 'This question is not part of the questionnaire',
	hidden: 'This question does not apply, given your earlier answers'
} as const;

/** Starts a response on the published version. The resume token is returned once: only its hash is kept. */
export async function startResponse(
	db: Db,
	questionnaireId: number,
	channel: Channel,
	now = new Date()
): Promise<
	| { ok: true; responseId: number; versionId: number; resumeToken: string }
	| { ok: false; reason: 'not_found' | 'not_open'; message: string }
> {
	const resumeToken = generateResumeToken();
	return await withWriteTransaction(db, async (tx) => {
		const found = firstRow(
			await statements(tx).questionnaireWithConsultation.execute({ questionnaireId })
		);
		const versionId =
			found && firstRow(await statements(tx).publishedVersionId.execute({ questionnaireId }))?.id;
		if (!found || !versionId) return refuse('not_found', 'This questionnaire is not available');
		const { q, c } = found;
		if (consultationStatus(c, ukToday(now)) !== 'open')
			return refuse('not_open', messages.not_open);
		const row = onlyRow(
			await tx
				.insert(response)
				.values({
					questionnaireId,
					versionId,
					consultationId: q.consultationId,
					audience: q.audience,
					channel,
					resumeTokenHash: hashResumeToken(resumeToken),
					resumeExpiresAt: resumeLinkExpiresAt(now, c.closesOn),
					status: 'in_progress',
					startedAt: now,
					lastSavedAt: now
				})
				.returning({ id: response.id })
		);
		return { ok: true as const, responseId: row.id, versionId, resumeToken };
	});
}

export type ResponseInProgress = {
	response: QuestionnaireResponse;
	/** The version this response answers, whatever has been published since. */
	version: VersionWithQuestions;
	answers: Answer[];
	/** For skip logic and numbering. */
	answersByKey: Record<string, string[]>;
};

export async function getResponse(db: Db, responseId: number): Promise<ResponseInProgress | null> {
	const row = firstRow(await statements(db).responseWithConsultation.execute({ responseId }));
	if (!row) return null;
	const version = (await getVersion(db, row.r.versionId))!;
	const answers = await statements(db).answersOf.execute({ responseId });
	return {
		response: row.r,
		version,
		answers,
		answersByKey: answersByKey(version.questions, answers)
	};
}

/** Validates one posted answer against the response's version and saves it, or saves nothing. */
export function answerQuestion(
	db: Db,
	responseId: number,
	versionId: number,
	questionId: number,
	raw: RawAnswer,
	now = new Date()
): Promise<SaveResult> {
	return withWriteTransaction(db, (tx) =>
		saveByResponseId(tx, responseId, versionId, questionId, raw, null, now)
	);
}

/**
 * Replaces a question's answers with already-validated ones (an empty list clears it). Still
 * refuses a closed consultation, a sent response, a version mismatch, a hidden question and codes
 * not on the question's list.
 */
export function saveAnswers(
	db: Db,
	responseId: number,
	versionId: number,
	questionId: number,
	answers: AnswerValue[],
	now = new Date()
): Promise<SaveResult> {
	return withWriteTransaction(db, (tx) =>
		saveByResponseId(tx, responseId, versionId, questionId, null, answers, now)
	);
}

/**
 * A posted answer on a resume link: the link opened and the answer saved in one immediate
 * transaction, so the journey the answer is checked against is the one saved to, and it comes
 * back with the new answer in it (no second read). `admit` is the page's own check of the opened
 * link (its consultation and audience, a sent or closed response); it runs before anything is
 * written and may throw, which writes nothing.
 */
export function answerOnLink(
	db: Db,
	token: string,
	questionKey: string,
	versionId: number,
	raw: RawAnswer,
	admit: (opened: OpenResult) => Journey,
	now = new Date()
): Promise<{ journey: Journey; result: SaveResult }> {
	return withWriteTransaction(db, async (tx) => {
		const journey = admit(await openJourney(tx, token, now));
		const q = journey.questions.find((x) => x.key === questionKey);
		if (!q) return { journey, result: refuse('unknown_question', messages.unknown_question) };
		const saved = await saveChecked(tx, journey, versionId, q.id, raw, null, now);
		if (!saved.ok) return { journey, result: saved };
		const answers = saved.answers;
		return {
			journey: { ...journey, answers, byKey: answersByKey(journey.questions, answers) },
			result: { ok: true }
		};
	});
}

async function saveByResponseId(
	db: Db,
	responseId: number,
	versionId: number,
	questionId: number,
	raw: RawAnswer,
	validated: AnswerValue[] | null,
	now: Date
): Promise<SaveResult> {
	const sql = statements(db);
	const found = firstRow(await sql.responseWithConsultation.execute({ responseId }));
	if (!found) return refuse('not_found', messages.not_found);
	const { r, c } = found;
	const state = {
		response: r,
		consultation: c,
		status: consultationStatus(c, ukToday(now)),
		questions: await frozenQuestions(db, r.versionId),
		answers: await sql.answersOf.execute({ responseId })
	};
	const saved = await saveChecked(db, state, versionId, questionId, raw, validated, now);
	return saved.ok ? { ok: true } : saved;
}

type SaveState = {
	response: QuestionnaireResponse;
	consultation: JourneyConsultation;
	status: ConsultationStatus;
	/** The response's version's questions, and its answers, read in this transaction. */
	questions: readonly FullQuestion[];
	answers: Answer[];
};

// The hot path of answering: the checks on what was read, then three small prepared writes.
// Returns the response's answers as they are after the save, in id order as answersOf reads them.
async function saveChecked(
	db: Db,
	{ response: r, consultation: c, status, questions, answers: given }: SaveState,
	versionId: number,
	questionId: number,
	raw: RawAnswer,
	validated: AnswerValue[] | null,
	now: Date
): Promise<{ ok: true; answers: Answer[] } | (SaveResult & { ok: false })> {
	if (r.status === 'submitted') return refuse('submitted', messages.submitted);
	if (versionId !== r.versionId) return refuse('version_mismatch', messages.version_mismatch);
	if (status !== 'open') return refuse('not_open', messages.not_open);
	const q = questions.find((x) => x.id === questionId);
	if (!q) return refuse('unknown_question', messages.unknown_question);
	if (!visibleQuestions(questions, answersByKey(questions, given)).includes(q))
		return refuse('hidden', messages.hidden);
	let answers = validated ?? [];
	if (validated === null) {
		const checked = validateAnswer(q, q.options, raw);
		if (!checked.ok) return refuse('invalid', checked.message);
		answers = checked.answers;
	} else if (!answersFit(q, validated)) {
		return refuse('invalid', 'Select an option from the list');
	}
	const sql = statements(db);
	const responseId = r.id;
	await sql.deleteAnswers.execute({ responseId, questionId });
	// New rows take ids after every remaining one, so they go last.
	const after = given.filter((a) => a.questionId !== questionId);
	for (const a of answers)
		after.push(
			firstRow(
				await sql.insertAnswer.execute({
					responseId,
					questionId,
					value: a.value,
					textValue: a.textValue
				})
			)!
		);
	await sql.touchResponse.execute({
		responseId,
		now,
		resumeExpiresAt: r.resumeTokenHash
			? resumeLinkExpiresAt(now, c.closesOn, r.resumeExpiresAt)
			: null
	});
	return { ok: true, answers: after };
}

function answersFit(q: FullQuestion, answers: AnswerValue[]): boolean {
	if (q.kind !== 'multiple' && answers.length > 1) return false;
	if (q.kind === 'text') return answers.every((a) => (a.textValue ?? a.value) !== null);
	return answers.every((a) => a.value !== null && q.options.some((o) => o.value === a.value));
}

export type MissingAnswer = { questionId: number; key: string; message: string };

const missingMessages = {
	agreement: 'Select how much you agree or disagree',
	single: 'Select an option from the list',
	multiple: 'Select at least one option',
	text: 'Enter your answer'
} as const;

/** Required questions the respondent can see but has not answered, in page order. */
export function missingAnswers(
	questions: readonly FullQuestion[],
	byKey: Record<string, readonly string[]>
): MissingAnswer[] {
	return visibleQuestions(questions, byKey)
		.filter((q) => q.required && !(q.key in byKey))
		.map((q) => ({ questionId: q.id, key: q.key, message: missingMessages[q.kind] }));
}

/**
 * Sends the response: every required visible question must be answered. Answers to questions a
 * changed answer has since hidden are deleted, so they never count. The link stops changing
 * answers but keeps showing the reference for RESUME_DAYS. Optional contact details are saved in
 * the same transaction, so a refused send saves none. Sending twice returns the same reference.
 */
export type SubmitResult =
	| { ok: true; reference: string; alreadySubmitted: boolean }
	| { ok: false; reason: 'not_found' | 'not_open'; message: string }
	| { ok: false; reason: 'missing_answers'; missing: MissingAnswer[] };

export async function submitResponse(
	db: Db,
	responseId: number,
	now = new Date(),
	contact: ContactDetails | null = null
): Promise<SubmitResult> {
	return await withWriteTransaction(db, async (tx) => {
		const found = firstRow(await statements(tx).responseWithConsultation.execute({ responseId }));
		if (!found) return { ok: false, reason: 'not_found', message: messages.not_found };
		const { r, c } = found;
		if (r.status === 'submitted')
			return { ok: true, reference: r.reference!, alreadySubmitted: true };
		if (consultationStatus(c, ukToday(now)) !== 'open')
			return { ok: false, reason: 'not_open', message: messages.not_open };
		const questions = await frozenQuestions(tx, r.versionId);
		const answers = await statements(tx).answersOf.execute({ responseId });
		const byKey = answersByKey(questions, answers);
		const missing = missingAnswers(questions, byKey);
		if (missing.length) return { ok: false, reason: 'missing_answers', missing };
		const shown = new Set(visibleQuestions(questions, byKey).map((q) => q.id));
		for (const a of answers)
			if (!shown.has(a.questionId)) await statements(tx).deleteAnswer.execute({ id: a.id });
		const reference = await newReference(tx);
		await tx
			.update(response)
			.set({
				status: 'submitted',
				submittedAt: now,
				lastSavedAt: now,
				reference,
				resumeExpiresAt: r.resumeTokenHash ? new Date(now.getTime() + RESUME_DAYS * DAY_MS) : null
			})
			.where(eq(response.id, responseId));
		if (contact && (contact.name || contact.email || contact.phone))
			await saveContactDetails(tx, responseId, contact, now);
		return { ok: true, reference, alreadySubmitted: false };
	});
}

/** A reference no other response has (collisions are rare; try again if one happens). */
export async function newReference(db: Db): Promise<string> {
	for (;;) {
		const reference = generateResponseReference();
		if (!firstRow(await statements(db).referenceTaken.execute({ reference }))) return reference;
	}
}

export type ContactDetails = { name: string | null; email: string | null; phone: string | null };

/** Optional contact details, kept apart from the answers. Check the email's format in the route. */
export async function saveContactDetails(
	db: Db,
	responseId: number,
	details: ContactDetails,
	now = new Date()
): Promise<boolean> {
	return await withWriteTransaction(db, async (tx) => {
		if (
			!firstRow(
				await tx
					.select({ id: response.id })
					.from(response)
					.where(eq(response.id, responseId))
					.limit(1)
			)
		)
			return false;
		await tx
			.insert(responseContact)
			.values({ responseId, ...details, createdAt: now, updatedAt: now })
			.onConflictDoUpdate({
				target: responseContact.responseId,
				set: { ...details, updatedAt: now }
			});
		return true;
	});
}

export async function getContactDetails(
	db: DbOrTx,
	responseId: number
): Promise<ContactDetails | null> {
	return (
		firstRow(
			await db
				.select({
					name: responseContact.name,
					email: responseContact.email,
					phone: responseContact.phone
				})
				.from(responseContact)
				.where(eq(responseContact.responseId, responseId))
				.limit(1)
		) ?? null
	);
}

/** Deletes the contact details only; the anonymous answers stay. False if there were none. */
export async function deleteContactDetails(db: DbOrTx, responseId: number): Promise<boolean> {
	return (
		changedRows(
			await db.delete(responseContact).where(eq(responseContact.responseId, responseId))
		) > 0
	);
}
