// Feedback that staff type in: paper questionnaires (and forms filled in at a roadshow), and
// notes from roadshow tables. Both count alongside online answers, marked with their channel.
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
	type Db,
	type DbOrTx,
	withWriteTransaction,
	firstRow,
	onlyRow,
	lockForUpdate
} from '../../db';
import {
	answer,
	consultation,
	priority,
	questionnaire,
	response,
	roadshowNote,
	roadshowNotePriority,
	roadshowSession,
	type Audience
} from '../../db/schema';
import type { FieldErrors } from '../../shared/forms';
import { recordAudit } from '../../audit';
import { consultationStatus } from '../../consultations/status';
import { ukToday } from '../../../format';
import { isQuestionShown } from '../skipLogic';
import { validateAnswer, type RawAnswer } from './validation';
import { getPublishedVersion } from '../versions';
import { newReference } from './responses';
import type { AnswerValue } from '../types';

export const NOTE_LIMIT = 5000;

/**
 * Enters a completed paper form as one submitted response, all or nothing. Answers are keyed by
 * question key and checked like online answers (errors come back keyed the same way), except that
 * a question left blank on paper is recorded as not answered, even one the online form requires. Staff may
 * enter forms while the consultation is open and after it closes (posted forms arrive late),
 * but not before it opens or once the council's response is published.
 */
export async function enterPaperResponse(
	db: Db,
	staffUserId: number,
	questionnaireId: number,
	answersByQuestionKey: Record<string, RawAnswer>,
	now = new Date(),
	options: { channel?: 'paper' | 'roadshow'; roadshowSessionId?: number | null } = {}
): Promise<
	{ ok: true; responseId: number; reference: string } | { ok: false; errors: FieldErrors }
> {
	return await withWriteTransaction(db, async (tx) => {
		const q = firstRow(
			await lockForUpdate(
				tx,
				tx.select().from(questionnaire).where(eq(questionnaire.id, questionnaireId)).limit(1)
			)
		);
		const version = q && (await getPublishedVersion(tx, q.id));
		if (!q || !version)
			return {
				ok: false as const,
				errors: { form: 'This questionnaire has not been published' }
			};
		const c = firstRow(
			await tx.select().from(consultation).where(eq(consultation.id, q.consultationId)).limit(1)
		)!;
		const status = consultationStatus(c, ukToday(now));
		if (status !== 'open' && status !== 'closed') {
			return {
				ok: false as const,
				errors: {
					form: 'Paper responses can be entered from the day the consultation opens until its response is published'
				}
			};
		}
		const sessionId = options.roadshowSessionId ?? null;
		if (sessionId !== null && !(await sessionInConsultation(tx, sessionId, q.consultationId))) {
			return {
				ok: false as const,
				errors: { roadshowSessionId: 'Select a session from the list' }
			};
		}
		const known = new Set(version.questions.map((x) => x.key));
		if (Object.keys(answersByQuestionKey).some((key) => !known.has(key))) {
			return {
				ok: false as const,
				errors: { form: 'The form has answers to questions this questionnaire does not ask' }
			};
		}

		const errors: FieldErrors = {};
		const byKey: Record<string, string[]> = {};
		const rows: (AnswerValue & { questionId: number })[] = [];
		for (const question of version.questions) {
			const raw = answersByQuestionKey[question.key];
			if (!isQuestionShown(question, byKey)) {
				if (hasContent(raw))
					errors[question.key] =
						'This question does not apply, given the earlier answers. Leave it blank';
				continue;
			}
			// Paper cannot insist: a blank is stored as not answered (no answer row).
			const checked = validateAnswer({ ...question, required: false }, question.options, raw);
			if (!checked.ok) {
				errors[question.key] = checked.message;
				continue;
			}
			if (checked.answers.length)
				byKey[question.key] = checked.answers.flatMap((a) => (a.value === null ? [] : [a.value]));
			rows.push(...checked.answers.map((a) => ({ ...a, questionId: question.id })));
		}
		if (Object.keys(errors).length) return { ok: false as const, errors };
		if (rows.length === 0)
			return {
				ok: false as const,
				errors: { form: 'Enter at least one answer from the paper form' }
			};

		const reference = await newReference(tx);
		const r = onlyRow(
			await tx
				.insert(response)
				.values({
					questionnaireId,
					versionId: version.id,
					consultationId: q.consultationId,
					audience: q.audience,
					channel: options.channel ?? 'paper',
					reference,
					status: 'submitted',
					startedAt: now,
					lastSavedAt: now,
					submittedAt: now,
					enteredByStaffUserId: staffUserId,
					roadshowSessionId: sessionId
				})
				.returning({ id: response.id })
		);
		for (const row of rows) await tx.insert(answer).values({ ...row, responseId: r.id });
		await recordAudit(
			tx,
			{
				actorStaffUserId: staffUserId,
				action: 'response.entered',
				subjectType: 'response',
				subjectId: r.id,
				summary: `Entered a ${options.channel ?? 'paper'} response, reference ${reference}`
			},
			now
		);
		return { ok: true as const, responseId: r.id, reference };
	});
}

function hasContent(raw: RawAnswer): boolean {
	if (raw === null || raw === undefined) return false;
	return (typeof raw === 'string' ? [raw] : raw).some((v) => v.trim() !== '');
}

async function sessionInConsultation(
	db: DbOrTx,
	sessionId: number,
	consultationId: number
): Promise<boolean> {
	return !!firstRow(
		await db
			.select({ id: roadshowSession.id })
			.from(roadshowSession)
			.where(
				and(eq(roadshowSession.id, sessionId), eq(roadshowSession.consultationId, consultationId))
			)
			.limit(1)
	);
}

export type RoadshowNoteInput = {
	consultationId: number;
	roadshowSessionId: number | null;
	audience: Audience;
	note: string;
	priorityIds: number[];
	staffUserId: number;
};

/** Errors are keyed by field: roadshowSessionId, note, priorities. */
export async function addRoadshowNote(
	db: Db,
	input: RoadshowNoteInput,
	now = new Date()
): Promise<{ ok: true; id: number } | { ok: false; errors: FieldErrors }> {
	return await withWriteTransaction(db, async (tx) => {
		const errors: FieldErrors = {};
		if (
			input.roadshowSessionId !== null &&
			!(await sessionInConsultation(tx, input.roadshowSessionId, input.consultationId))
		) {
			errors.roadshowSessionId = 'Select a session from the list';
		}
		// A typed line break counts as one character, as the character count shows.
		const note = input.note.replace(/\r\n/g, '\n');
		if (note.trim() === '') errors.note = 'Enter the feedback';
		else if (note.length > NOTE_LIMIT)
			errors.note = 'The feedback must be 5,000 characters or fewer';
		const priorityIds = [...new Set(input.priorityIds)];
		// Checked against the consultation's few priorities, not with one SQL variable per posted id.
		const known = new Set(
			(
				await tx
					.select({ id: priority.id })
					.from(priority)
					.where(eq(priority.consultationId, input.consultationId))
			).map((p) => p.id)
		);
		if (!priorityIds.every((id) => known.has(id)))
			errors.priorities = 'Select priorities from the list';
		if (Object.keys(errors).length) return { ok: false as const, errors };
		const row = onlyRow(
			await tx
				.insert(roadshowNote)
				.values({
					consultationId: input.consultationId,
					roadshowSessionId: input.roadshowSessionId,
					audience: input.audience,
					note,
					enteredByStaffUserId: input.staffUserId,
					createdAt: now
				})
				.returning({ id: roadshowNote.id })
		);
		for (const priorityId of priorityIds)
			await tx.insert(roadshowNotePriority).values({ noteId: row.id, priorityId });
		await recordAudit(
			tx,
			{
				actorStaffUserId: input.staffUserId,
				action: 'roadshow_note.added',
				subjectType: 'consultation',
				subjectId: input.consultationId,
				summary: 'Added a roadshow feedback note'
			},
			now
		);
		return { ok: true as const, id: row.id };
	});
}

/** Newest first, with the priorities each concerns; optionally for one session. */
export async function listRoadshowNotes(
	db: DbOrTx,
	consultationId: number,
	roadshowSessionId?: number
) {
	const notes = await db
		.select()
		.from(roadshowNote)
		.where(
			roadshowSessionId === undefined
				? eq(roadshowNote.consultationId, consultationId)
				: and(
						eq(roadshowNote.consultationId, consultationId),
						eq(roadshowNote.roadshowSessionId, roadshowSessionId)
					)
		)
		.orderBy(desc(roadshowNote.createdAt), desc(roadshowNote.id));
	const links = notes.length
		? await db
				.select()
				.from(roadshowNotePriority)
				.where(
					inArray(
						roadshowNotePriority.noteId,
						notes.map((n) => n.id)
					)
				)
		: [];
	return notes.map((n) => ({
		...n,
		priorityIds: links.filter((l) => l.noteId === n.id).map((l) => l.priorityId)
	}));
}
