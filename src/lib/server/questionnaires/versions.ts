// Reading questionnaires and their versions. A published or superseded version is a frozen
// document: everything that answers a questionnaire reads it from here and never changes it.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type DbOrTx, firstRow } from '../db';
import {
	question,
	questionnaire,
	questionnaireVersion,
	questionOption,
	questionPriority,
	type Audience,
	type Questionnaire
} from '../db/schema';
import type { FullQuestion, VersionWithQuestions } from './types';

export async function findQuestionnaire(
	db: DbOrTx,
	questionnaireId: number
): Promise<Questionnaire | null> {
	return (
		firstRow(
			await db.select().from(questionnaire).where(eq(questionnaire.id, questionnaireId)).limit(1)
		) ?? null
	);
}

export async function findQuestionnaireByAudience(
	db: DbOrTx,
	consultationId: number,
	audience: Audience
): Promise<Questionnaire | null> {
	return (
		firstRow(
			await db
				.select()
				.from(questionnaire)
				.where(
					and(
						eq(questionnaire.consultationId, consultationId),
						eq(questionnaire.audience, audience)
					)
				)
				.limit(1)
		) ?? null
	);
}

/** The consultation's questionnaires with their current draft and published version ids. */
export async function listQuestionnaires(db: DbOrTx, consultationId: number) {
	const rows = await db
		.select()
		.from(questionnaire)
		.where(eq(questionnaire.consultationId, consultationId));
	const listed = [];
	for (const q of rows) {
		const versions = await db
			.select()
			.from(questionnaireVersion)
			.where(eq(questionnaireVersion.questionnaireId, q.id));
		const draft = versions.find((v) => v.status === 'draft') ?? null;
		const published = versions.find((v) => v.status === 'published') ?? null;
		listed.push({
			...q,
			draftVersionId: draft?.id ?? null,
			published: published && {
				id: published.id,
				number: published.number,
				publishedAt: published.publishedAt
			}
		});
	}
	return listed;
}

/** A version with its questions (in order), their options and priority links; null if unknown. */
export async function getVersion(
	db: DbOrTx,
	versionId: number
): Promise<VersionWithQuestions | null> {
	const row = firstRow(
		await db
			.select({ v: questionnaireVersion, q: questionnaire })
			.from(questionnaireVersion)
			.innerJoin(questionnaire, eq(questionnaire.id, questionnaireVersion.questionnaireId))
			.where(eq(questionnaireVersion.id, versionId))
			.limit(1)
	);
	if (!row) return null;
	const questions =
		row.v.status === 'draft'
			? await loadQuestions(db, versionId)
			: await frozenQuestions(db, versionId);
	return { ...row.v, questionnaire: row.q, questions };
}

// Published and superseded versions never change, so their questions are read once per database
// (ids are never reused). Answering reads them on every save; treat the arrays as read-only.
const frozen = new WeakMap<object, Map<number, FullQuestion[]>>();

/** The questions of a version that is no longer a draft (every response's version is one). */
export async function frozenQuestions(db: DbOrTx, versionId: number): Promise<FullQuestion[]> {
	let byVersion = frozen.get(db);
	if (!byVersion) frozen.set(db, (byVersion = new Map()));
	let questions = byVersion.get(versionId);
	if (!questions) {
		questions = await loadQuestions(db, versionId);
		byVersion.set(versionId, questions);
	}
	return questions;
}

async function loadQuestions(db: DbOrTx, versionId: number): Promise<FullQuestion[]> {
	const questions = await db
		.select()
		.from(question)
		.where(eq(question.versionId, versionId))
		.orderBy(asc(question.position));
	const ids = questions.map((q) => q.id);
	const options = ids.length
		? await db
				.select()
				.from(questionOption)
				.where(inArray(questionOption.questionId, ids))
				.orderBy(asc(questionOption.position))
		: [];
	const links = ids.length
		? await db.select().from(questionPriority).where(inArray(questionPriority.questionId, ids))
		: [];
	return questions.map((q) => ({
		...q,
		options: options.filter((o) => o.questionId === q.id),
		priorityIds: links.filter((l) => l.questionId === q.id).map((l) => l.priorityId)
	}));
}

/** The id of a questionnaire's draft or published version, if it has one. */
export async function versionIdWithStatus(
	db: DbOrTx,
	questionnaireId: number,
	status: 'draft' | 'published'
): Promise<number | null> {
	const v = firstRow(
		await db
			.select({ id: questionnaireVersion.id })
			.from(questionnaireVersion)
			.where(
				and(
					eq(questionnaireVersion.questionnaireId, questionnaireId),
					eq(questionnaireVersion.status, status)
				)
			)
			.limit(1)
	);
	return v?.id ?? null;
}

/** What the public answers; null until the questionnaire is first published. */
export async function getPublishedVersion(
	db: DbOrTx,
	questionnaireId: number
): Promise<VersionWithQuestions | null> {
	const id = await versionIdWithStatus(db, questionnaireId, 'published');
	return id === null ? null : await getVersion(db, id);
}
