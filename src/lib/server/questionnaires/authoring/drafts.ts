// Writing questionnaires and their versions. Only a draft version can change; publishing freezes it
// and supersedes the version before. Editing a published questionnaire first copies it into a new
// draft with the same question keys, so responses to earlier versions keep their wording.
import { and, eq, max, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db';
import {
	consultation,
	priority,
	question,
	questionnaire,
	questionnaireVersion,
	questionOption,
	questionPriority,
	type Audience
} from '../../db/schema';
import type { FieldErrors } from '../../shared/forms';
import type { Actor } from '../../consultations/manage';
import { recordAudit } from '../../audit';
import { audienceLabels, isEasyReadAudience } from '../audiences';
import { buildStarterQuestions, starterVersionText } from './starter';
import { checkQuestionInput, keyFromText, prepareOptions } from './checks';
import type { QuestionInput, VersionWithQuestions } from '../types';
import { getPublishedVersion, getVersion, versionIdWithStatus } from '../versions';

export type AuthoringResult<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

const fail = (errors: FieldErrors) => ({ ok: false as const, errors });
const notDraft = fail({
	form: 'This version has been published and cannot change. Edit the questionnaire to make a new draft'
});

export function createQuestionnaire(
	db: Db,
	consultationId: number,
	audience: Audience,
	options: { useStarter: boolean; actor?: Actor; now?: Date }
): AuthoringResult<{ questionnaireId: number; versionId: number }> {
	const now = options.now ?? new Date();
	return db.transaction(
		(tx) => {
			const c = tx
				.select({ id: consultation.id })
				.from(consultation)
				.where(eq(consultation.id, consultationId))
				.get();
			if (!c) return fail({ form: 'This consultation no longer exists' });
			const taken = tx
				.select({ id: questionnaire.id })
				.from(questionnaire)
				.where(
					and(
						eq(questionnaire.consultationId, consultationId),
						eq(questionnaire.audience, audience)
					)
				)
				.get();
			if (taken)
				return fail({
					audience: `There is already a questionnaire for ${audienceLabels[audience].toLowerCase()}`
				});
			const q = tx
				.insert(questionnaire)
				.values({
					consultationId,
					audience,
					easyRead: isEasyReadAudience(audience),
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: questionnaire.id })
				.get();
			const v = tx
				.insert(questionnaireVersion)
				.values({
					questionnaireId: q.id,
					number: 1,
					status: 'draft',
					...starterVersionText(audience),
					createdAt: now
				})
				.returning({ id: questionnaireVersion.id })
				.get();
			if (options.useStarter) {
				const priorities = tx
					.select()
					.from(priority)
					.where(eq(priority.consultationId, consultationId))
					.all();
				buildStarterQuestions(audience, priorities).forEach((input, i) =>
					insertQuestion(tx, v.id, i + 1, input, isEasyReadAudience(audience))
				);
			}
			if (options.actor)
				audit(
					tx,
					options.actor,
					'questionnaire.created',
					q.id,
					`Created the ${audienceLabels[audience].toLowerCase()} questionnaire`,
					now
				);
			return { ok: true as const, questionnaireId: q.id, versionId: v.id };
		},
		{ behavior: 'immediate' }
	);
}

export function getDraftVersion(db: DbOrTx, questionnaireId: number): VersionWithQuestions | null {
	const id = versionIdWithStatus(db, questionnaireId, 'draft');
	return id === null ? null : getVersion(db, id);
}

/** The draft version's id, copying the published version into a new draft when there is none. */
export function ensureDraftVersion(
	db: Db,
	questionnaireId: number,
	now = new Date(),
	actor?: Actor
): number | null {
	return db.transaction(
		(tx) => {
			const draft = versionIdWithStatus(tx, questionnaireId, 'draft');
			if (draft !== null) return draft;
			const published = getPublishedVersion(tx, questionnaireId);
			if (!published) return null;
			const number =
				tx
					.select({ n: max(questionnaireVersion.number) })
					.from(questionnaireVersion)
					.where(eq(questionnaireVersion.questionnaireId, questionnaireId))
					.get()!.n ?? 0;
			const v = tx
				.insert(questionnaireVersion)
				.values({
					questionnaireId,
					number: number + 1,
					status: 'draft',
					title: published.title,
					intro: published.intro,
					createdAt: now
				})
				.returning({ id: questionnaireVersion.id })
				.get();
			for (const q of published.questions) {
				const { id: _id, versionId: _v, options, priorityIds, ...fields } = q;
				insertQuestion(
					tx,
					v.id,
					q.position,
					{ ...fields, options, priorityIds },
					published.questionnaire.easyRead
				);
			}
			if (actor)
				audit(
					tx,
					actor,
					'questionnaire.edited',
					questionnaireId,
					`Started version ${number + 1} of "${published.title}" (a draft copied from version ${published.number})`,
					now
				);
			return v.id;
		},
		{ behavior: 'immediate' }
	);
}

export function updateVersionText(
	db: Db,
	versionId: number,
	input: { title: string; intro: string },
	actor?: Actor
): AuthoringResult {
	return db.transaction(
		(tx) => {
			const v = draftVersion(tx, versionId);
			if (!v) return notDraft;
			if (input.title.trim() === '') return fail({ title: 'Enter a title' });
			tx.update(questionnaireVersion)
				.set(input)
				.where(eq(questionnaireVersion.id, versionId))
				.run();
			if (actor)
				edited(tx, actor, v, `Changed the title and introduction to "${input.title.trim()}"`);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

export function addQuestion(
	db: Db,
	versionId: number,
	input: QuestionInput,
	actor?: Actor
): AuthoringResult<{ questionId: number }> {
	return db.transaction(
		(tx) => {
			const v = draftVersion(tx, versionId);
			if (!v) return notDraft;
			const existing = getVersion(tx, versionId)!.questions;
			const key =
				input.key ??
				keyFromText(
					input.text,
					existing.map((q) => q.key)
				);
			const errors = checkQuestionInput(
				{ ...input, key },
				existing,
				existing,
				consultationPriorityIds(tx, v.consultationId)
			);
			if (Object.keys(errors).length) return fail(errors);
			const id = insertQuestion(tx, versionId, existing.length + 1, { ...input, key }, v.easyRead);
			if (actor) edited(tx, actor, v, `Added question ${existing.length + 1}: "${input.text}"`);
			return { ok: true as const, questionId: id };
		},
		{ behavior: 'immediate' }
	);
}

/** Changes everything but the key, which stays stable for skip logic and across versions. */
export function updateQuestion(
	db: Db,
	questionId: number,
	input: QuestionInput,
	actor?: Actor
): AuthoringResult {
	return db.transaction(
		(tx) => {
			const found = questionInDraft(tx, questionId);
			if (!found) return notDraft;
			const { current, questions, version } = found;
			const earlier = questions.filter((q) => q.position < current.position);
			const errors = checkQuestionInput(
				{ ...input, key: current.key },
				earlier,
				questions.filter((q) => q.id !== current.id),
				consultationPriorityIds(tx, version.consultationId)
			);
			const later = questions.filter((q) => q.showIfQuestionKey === current.key);
			const values =
				input.kind === 'text' ? [] : prepareOptions(input, version.easyRead).map((o) => o.value);
			if (later.some((q) => !(q.showIfValues ?? []).every((v) => values.includes(v)))) {
				errors.options = `"${later[0].text}" is shown only after some of these answers. Change that question first`;
			}
			if (Object.keys(errors).length) return fail(errors);
			tx.delete(question).where(eq(question.id, questionId)).run();
			insertQuestion(
				tx,
				current.versionId,
				current.position,
				{ ...input, key: current.key },
				version.easyRead,
				questionId
			);
			if (actor)
				edited(tx, actor, version, `Changed question ${current.position}: "${input.text}"`);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

export function moveQuestion(
	db: Db,
	questionId: number,
	direction: 'up' | 'down',
	actor?: Actor
): AuthoringResult {
	return db.transaction(
		(tx) => {
			const found = questionInDraft(tx, questionId);
			if (!found) return notDraft;
			const { current, questions, version } = found;
			const neighbour = questions.find(
				(q) => q.position === current.position + (direction === 'up' ? -1 : 1)
			);
			if (!neighbour) return { ok: true as const };
			const [first, second] = direction === 'up' ? [neighbour, current] : [current, neighbour];
			if (second.showIfQuestionKey === first.key) {
				return fail({
					form: `"${second.text}" must come after "${first.text}", which decides whether it is shown`
				});
			}
			tx.update(question)
				.set({ position: neighbour.position })
				.where(eq(question.id, current.id))
				.run();
			tx.update(question)
				.set({ position: current.position })
				.where(eq(question.id, neighbour.id))
				.run();
			if (actor)
				edited(
					tx,
					actor,
					version,
					`Moved question "${current.text}" from ${current.position} to ${neighbour.position}`
				);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

export function removeQuestion(db: Db, questionId: number, actor?: Actor): AuthoringResult {
	return db.transaction(
		(tx) => {
			const found = questionInDraft(tx, questionId);
			if (!found) return notDraft;
			const { current, questions, version } = found;
			const dependent = questions.find((q) => q.showIfQuestionKey === current.key);
			if (dependent)
				return fail({
					form: `"${dependent.text}" is shown only after this question. Remove or change it first`
				});
			tx.delete(question).where(eq(question.id, questionId)).run();
			tx.update(question)
				.set({ position: sql`${question.position} - 1` })
				.where(
					and(
						eq(question.versionId, current.versionId),
						sql`${question.position} > ${current.position}`
					)
				)
				.run();
			if (actor)
				edited(tx, actor, version, `Removed question ${current.position}: "${current.text}"`);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/** Freezes a draft as what the public answers; the version it replaces becomes superseded. */
export function publishVersion(
	db: Db,
	versionId: number,
	options: { actor?: Actor; now?: Date } = {}
): AuthoringResult<{ number: number }> {
	const now = options.now ?? new Date();
	return db.transaction(
		(tx) => {
			const v = draftVersion(tx, versionId);
			if (!v) return notDraft;
			const count = tx
				.select({ n: sql<number>`count(*)` })
				.from(question)
				.where(eq(question.versionId, versionId))
				.get()!.n;
			if (count === 0) return fail({ form: 'Add at least one question before publishing' });
			tx.update(questionnaireVersion)
				.set({ status: 'superseded', supersededAt: now })
				.where(
					and(
						eq(questionnaireVersion.questionnaireId, v.questionnaireId),
						eq(questionnaireVersion.status, 'published')
					)
				)
				.run();
			tx.update(questionnaireVersion)
				.set({ status: 'published', publishedAt: now })
				.where(eq(questionnaireVersion.id, versionId))
				.run();
			tx.update(questionnaire)
				.set({ updatedAt: now })
				.where(eq(questionnaire.id, v.questionnaireId))
				.run();
			if (options.actor)
				audit(
					tx,
					options.actor,
					'questionnaire.published',
					v.questionnaireId,
					`Published version ${v.number} of "${v.title}"`,
					now
				);
			return { ok: true as const, number: v.number };
		},
		{ behavior: 'immediate' }
	);
}

function draftVersion(tx: Tx, versionId: number) {
	const row = tx
		.select({
			v: questionnaireVersion,
			consultationId: questionnaire.consultationId,
			easyRead: questionnaire.easyRead
		})
		.from(questionnaireVersion)
		.innerJoin(questionnaire, eq(questionnaire.id, questionnaireVersion.questionnaireId))
		.where(eq(questionnaireVersion.id, versionId))
		.get();
	return row && row.v.status === 'draft'
		? { ...row.v, consultationId: row.consultationId, easyRead: row.easyRead }
		: null;
}

function questionInDraft(tx: Tx, questionId: number) {
	const current = tx.select().from(question).where(eq(question.id, questionId)).get();
	const version = current && draftVersion(tx, current.versionId);
	if (!current || !version) return null;
	return { current, version, questions: getVersion(tx, current.versionId)!.questions };
}

function consultationPriorityIds(tx: Tx, consultationId: number): number[] {
	return tx
		.select({ id: priority.id })
		.from(priority)
		.where(eq(priority.consultationId, consultationId))
		.all()
		.map((p) => p.id);
}

/** Inserts a checked question with its options and priority links; returns its id. */
function insertQuestion(
	tx: Tx,
	versionId: number,
	position: number,
	input: QuestionInput & { key: string },
	easyRead: boolean,
	id?: number
): number {
	const isText = input.kind === 'text';
	const row = tx
		.insert(question)
		.values({
			id,
			versionId,
			position,
			key: input.key,
			kind: input.kind,
			isProfile: input.isProfile ?? false,
			text: input.text.trim(),
			hint: input.hint?.trim() || null,
			caption: input.caption?.trim() || null,
			required: input.required ?? false,
			maxChars: isText ? (input.maxChars ?? null) : null,
			maxWords: isText ? (input.maxWords ?? null) : null,
			textFormat: isText ? (input.textFormat ?? null) : null,
			showIfQuestionKey: input.showIfQuestionKey || null,
			showIfValues: input.showIfQuestionKey ? (input.showIfValues ?? []) : null
		})
		.returning({ id: question.id })
		.get();
	if (!isText) {
		prepareOptions(input, easyRead).forEach((o, i) => {
			tx.insert(questionOption)
				.values({ questionId: row.id, position: i + 1, ...o })
				.run();
		});
	}
	for (const priorityId of new Set(input.priorityIds ?? []))
		tx.insert(questionPriority).values({ questionId: row.id, priorityId }).run();
	return row.id;
}

/** A change to a draft version, recorded with the version it was made to. */
function edited(
	tx: Tx,
	actor: Actor,
	version: { questionnaireId: number; number: number },
	what: string
): void {
	audit(
		tx,
		actor,
		'questionnaire.edited',
		version.questionnaireId,
		`${what} (draft version ${version.number})`,
		new Date()
	);
}

function audit(
	tx: Tx,
	actor: Actor,
	action: string,
	questionnaireId: number,
	summary: string,
	now: Date
): void {
	recordAudit(
		tx,
		{
			actorStaffUserId: actor.staffUserId,
			action,
			subjectType: 'questionnaire',
			subjectId: questionnaireId,
			summary,
			ip: actor.ip ?? null
		},
		now
	);
}
