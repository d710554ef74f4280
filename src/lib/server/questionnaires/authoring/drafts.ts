// Writing questionnaires and their versions. Only a draft version can change; publishing freezes it
// and supersedes the version before. Editing a published questionnaire first copies it into a new
// draft with the same question keys, so responses to earlier versions keep their wording.
import { and, count, eq, max, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, type Tx, withWriteTransaction, firstRow, onlyRow } from '../../db';
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

export async function createQuestionnaire(
	db: Db,
	consultationId: number,
	audience: Audience,
	options: { useStarter: boolean; actor?: Actor; now?: Date }
): Promise<AuthoringResult<{ questionnaireId: number; versionId: number }>> {
	const now = options.now ?? new Date();
	return await withWriteTransaction(db, async (tx) => {
		const c = firstRow(
			await tx
				.select({ id: consultation.id })
				.from(consultation)
				.where(eq(consultation.id, consultationId))
				.limit(1)
		);
		if (!c) return fail({ form: 'This consultation no longer exists' });
		const taken = firstRow(
			await tx
				.select({ id: questionnaire.id })
				.from(questionnaire)
				.where(
					and(
						eq(questionnaire.consultationId, consultationId),
						eq(questionnaire.audience, audience)
					)
				)
				.limit(1)
		);
		if (taken)
			return fail({
				audience: `There is already a questionnaire for ${audienceLabels[audience].toLowerCase()}`
			});
		const q = onlyRow(
			await tx
				.insert(questionnaire)
				.values({
					consultationId,
					audience,
					easyRead: isEasyReadAudience(audience),
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: questionnaire.id })
		);
		const v = onlyRow(
			await tx
				.insert(questionnaireVersion)
				.values({
					questionnaireId: q.id,
					number: 1,
					status: 'draft',
					...starterVersionText(audience),
					createdAt: now
				})
				.returning({ id: questionnaireVersion.id })
		);
		if (options.useStarter) {
			const priorities = await tx
				.select()
				.from(priority)
				.where(eq(priority.consultationId, consultationId));
			for (const [i, input] of buildStarterQuestions(audience, priorities).entries())
				await insertQuestion(tx, v.id, i + 1, input, isEasyReadAudience(audience));
		}
		if (options.actor)
			await audit(
				tx,
				options.actor,
				'questionnaire.created',
				q.id,
				`Created the ${audienceLabels[audience].toLowerCase()} questionnaire`,
				now
			);
		return { ok: true as const, questionnaireId: q.id, versionId: v.id };
	});
}

export async function getDraftVersion(
	db: DbOrTx,
	questionnaireId: number
): Promise<VersionWithQuestions | null> {
	const id = await versionIdWithStatus(db, questionnaireId, 'draft');
	return id === null ? null : await getVersion(db, id);
}

/** The draft version's id, copying the published version into a new draft when there is none. */
export async function ensureDraftVersion(
	db: Db,
	questionnaireId: number,
	now = new Date(),
	actor?: Actor
): Promise<number | null> {
	return await withWriteTransaction(db, async (tx) => {
		const draft = await versionIdWithStatus(tx, questionnaireId, 'draft');
		if (draft !== null) return draft;
		const published = await getPublishedVersion(tx, questionnaireId);
		if (!published) return null;
		const number =
			firstRow(
				await tx
					.select({ n: max(questionnaireVersion.number) })
					.from(questionnaireVersion)
					.where(eq(questionnaireVersion.questionnaireId, questionnaireId))
					.limit(1)
			)!.n ?? 0;
		const v = onlyRow(
			await tx
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
		);
		for (const q of published.questions) {
			const { id: _id, versionId: _v, options, priorityIds, ...fields } = q;
			await insertQuestion(
				tx,
				v.id,
				q.position,
				{ ...fields, options, priorityIds },
				published.questionnaire.easyRead
			);
		}
		if (actor)
			await audit(
				tx,
				actor,
				'questionnaire.edited',
				questionnaireId,
				`Started version ${number + 1} of "${published.title}" (a draft copied from version ${published.number})`,
				now
			);
		return v.id;
	});
}

export async function updateVersionText(
	db: Db,
	versionId: number,
	input: { title: string; intro: string },
	actor?: Actor
): Promise<AuthoringResult> {
	return await withWriteTransaction(db, async (tx) => {
		const v = await draftVersion(tx, versionId);
		if (!v) return notDraft;
		if (input.title.trim() === '') return fail({ title: 'Enter a title' });
		await tx.update(questionnaireVersion).set(input).where(eq(questionnaireVersion.id, versionId));
		if (actor)
			await edited(tx, actor, v, `Changed the title and introduction to "${input.title.trim()}"`);
		return { ok: true as const };
	});
}

export async function addQuestion(
	db: Db,
	versionId: number,
	input: QuestionInput,
	actor?: Actor
): Promise<AuthoringResult<{ questionId: number }>> {
	return await withWriteTransaction(db, async (tx) => {
		const v = await draftVersion(tx, versionId);
		if (!v) return notDraft;
		const existing = (await getVersion(tx, versionId))!.questions;
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
			await consultationPriorityIds(tx, v.consultationId)
		);
		if (Object.keys(errors).length) return fail(errors);
		const id = await insertQuestion(
			tx,
			versionId,
			existing.length + 1,
			{ ...input, key },
			v.easyRead
		);
		if (actor) await edited(tx, actor, v, `Added question ${existing.length + 1}: "${input.text}"`);
		return { ok: true as const, questionId: id };
	});
}

/** Changes everything but the key, which stays stable for skip logic and across versions. */
export async function updateQuestion(
	db: Db,
	questionId: number,
	input: QuestionInput,
	actor?: Actor
): Promise<AuthoringResult> {
	return await withWriteTransaction(db, async (tx) => {
		const found = await questionInDraft(tx, questionId);
		if (!found) return notDraft;
		const { current, questions, version } = found;
		const earlier = questions.filter((q) => q.position < current.position);
		const errors = checkQuestionInput(
			{ ...input, key: current.key },
			earlier,
			questions.filter((q) => q.id !== current.id),
			await consultationPriorityIds(tx, version.consultationId)
		);
		const later = questions.filter((q) => q.showIfQuestionKey === current.key);
		const values =
			input.kind === 'text' ? [] : prepareOptions(input, version.easyRead).map((o) => o.value);
		if (later.some((q) => !(q.showIfValues ?? []).every((v) => values.includes(v)))) {
			errors.options = `"${later[0].text}" is shown only after some of these answers. Change that question first`;
		}
		if (Object.keys(errors).length) return fail(errors);
		await tx.delete(question).where(eq(question.id, questionId));
		await insertQuestion(
			tx,
			current.versionId,
			current.position,
			{ ...input, key: current.key },
			version.easyRead,
			questionId
		);
		if (actor)
			await edited(tx, actor, version, `Changed question ${current.position}: "${input.text}"`);
		return { ok: true as const };
	});
}

export async function moveQuestion(
	db: Db,
	questionId: number,
	direction: 'up' | 'down',
	actor?: Actor
): Promise<AuthoringResult> {
	return await withWriteTransaction(db, async (tx) => {
		const found = await questionInDraft(tx, questionId);
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
		await tx
			.update(question)
			.set({ position: neighbour.position })
			.where(eq(question.id, current.id));
		await tx
			.update(question)
			.set({ position: current.position })
			.where(eq(question.id, neighbour.id));
		if (actor)
			await edited(
				tx,
				actor,
				version,
				`Moved question "${current.text}" from ${current.position} to ${neighbour.position}`
			);
		return { ok: true as const };
	});
}

export async function removeQuestion(
	db: Db,
	questionId: number,
	actor?: Actor
): Promise<AuthoringResult> {
	return await withWriteTransaction(db, async (tx) => {
		const found = await questionInDraft(tx, questionId);
		if (!found) return notDraft;
		const { current, questions, version } = found;
		const dependent = questions.find((q) => q.showIfQuestionKey === current.key);
		if (dependent)
			return fail({
				form: `"${dependent.text}" is shown only after this question. Remove or change it first`
			});
		await tx.delete(question).where(eq(question.id, questionId));
		await tx
			.update(question)
			.set({ position: sql`${question.position} - 1` })
			.where(
				and(
					eq(question.versionId, current.versionId),
					sql`${question.position} > ${current.position}`
				)
			);
		if (actor)
			await edited(tx, actor, version, `Removed question ${current.position}: "${current.text}"`);
		return { ok: true as const };
	});
}

/** Freezes a draft as what the public answers; the version it replaces becomes superseded. */
export async function publishVersion(
	db: Db,
	versionId: number,
	options: { actor?: Actor; now?: Date } = {}
): Promise<AuthoringResult<{ number: number }>> {
	const now = options.now ?? new Date();
	return await withWriteTransaction(db, async (tx) => {
		const v = await draftVersion(tx, versionId);
		if (!v) return notDraft;
		const questions = onlyRow(
			await tx.select({ n: count() }).from(question).where(eq(question.versionId, versionId))
		).n;
		if (questions === 0) return fail({ form: 'Add at least one question before publishing' });
		await tx
			.update(questionnaireVersion)
			.set({ status: 'superseded', supersededAt: now })
			.where(
				and(
					eq(questionnaireVersion.questionnaireId, v.questionnaireId),
					eq(questionnaireVersion.status, 'published')
				)
			);
		await tx
			.update(questionnaireVersion)
			.set({ status: 'published', publishedAt: now })
			.where(eq(questionnaireVersion.id, versionId));
		await tx
			.update(questionnaire)
			.set({ updatedAt: now })
			.where(eq(questionnaire.id, v.questionnaireId));
		if (options.actor)
			await audit(
				tx,
				options.actor,
				'questionnaire.published',
				v.questionnaireId,
				`Published version ${v.number} of "${v.title}"`,
				now
			);
		return { ok: true as const, number: v.number };
	});
}

async function draftVersion(tx: Tx, versionId: number) {
	const row = firstRow(
		await tx
			.select({
				v: questionnaireVersion,
				consultationId: questionnaire.consultationId,
				easyRead: questionnaire.easyRead
			})
			.from(questionnaireVersion)
			.innerJoin(questionnaire, eq(questionnaire.id, questionnaireVersion.questionnaireId))
			.where(eq(questionnaireVersion.id, versionId))
			.limit(1)
	);
	return row && row.v.status === 'draft'
		? { ...row.v, consultationId: row.consultationId, easyRead: row.easyRead }
		: null;
}

async function questionInDraft(tx: Tx, questionId: number) {
	const current = firstRow(
		await tx.select().from(question).where(eq(question.id, questionId)).limit(1)
	);
	const version = current && (await draftVersion(tx, current.versionId));
	if (!current || !version) return null;
	return { current, version, questions: (await getVersion(tx, current.versionId))!.questions };
}

async function consultationPriorityIds(tx: Tx, consultationId: number): Promise<number[]> {
	return (
		await tx
			.select({ id: priority.id })
			.from(priority)
			.where(eq(priority.consultationId, consultationId))
	).map((p) => p.id);
}

/** Inserts a checked question with its options and priority links; returns its id. */
async function insertQuestion(
	tx: Tx,
	versionId: number,
	position: number,
	input: QuestionInput & { key: string },
	easyRead: boolean,
	id?: number
): Promise<number> {
	const isText = input.kind === 'text';
	const row = onlyRow(
		await tx
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
	);
	if (!isText) {
		for (const [i, o] of prepareOptions(input, easyRead).entries())
			await tx.insert(questionOption).values({ questionId: row.id, position: i + 1, ...o });
	}
	for (const priorityId of new Set(input.priorityIds ?? []))
		await tx.insert(questionPriority).values({ questionId: row.id, priorityId });
	return row.id;
}

/** A change to a draft version, recorded with the version it was made to. */
async function edited(
	tx: Tx,
	actor: Actor,
	version: { questionnaireId: number; number: number },
	what: string
): Promise<void> {
	await audit(
		tx,
		actor,
		'questionnaire.edited',
		version.questionnaireId,
		`${what} (draft version ${version.number})`,
		new Date()
	);
}

async function audit(
	tx: Tx,
	actor: Actor,
	action: string,
	questionnaireId: number,
	summary: string,
	now: Date
): Promise<void> {
	await recordAudit(
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
