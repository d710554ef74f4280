// Reading questionnaires and their versions. A published or superseded version is a frozen
// document: everything that answers a questionnaire reads it from here and never changes it.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
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

export function findQuestionnaire(db: DbOrTx, questionnaireId: number): Questionnaire | null {
	return db.select().from(questionnaire).where(eq(questionnaire.id, questionnaireId)).get() ?? null;
}

export function findQuestionnaireByAudience(
	db: DbOrTx,
	consultationId: number,
	audience: Audience
): Questionnaire | null {
	return (
		db
			.select()
			.from(questionnaire)
			.where(
				and(eq(questionnaire.consultationId, consultationId), eq(questionnaire.audience, audience))
			)
			.get() ?? null
	);
}

/** The consultation's questionnaires with their current draft and published version ids. */
export function listQuestionnaires(db: DbOrTx, consultationId: number) {
	const rows = db
		.select()
		.from(questionnaire)
		.where(eq(questionnaire.consultationId, consultationId))
		.all();
	return rows.map((q) => {
		const versions = db
			.select()
			.from(questionnaireVersion)
			.where(eq(questionnaireVersion.questionnaireId, q.id))
			.all();
		const draft = versions.find((v) => v.status === 'draft') ?? null;
		const published = versions.find((v) => v.status === 'published') ?? null;
		return {
			...q,
			draftVersionId: draft?.id ?? null,
			published: published && {
				id: published.id,
				number: published.number,
				publishedAt: published.publishedAt
			}
		};
	});
}

/** A version with its questions (in order), their options and priority links; null if unknown. */
export function getVersion(db: DbOrTx, versionId: number): VersionWithQuestions | null {
	const row = db
		.select({ v: questionnaireVersion, q: questionnaire })
		.from(questionnaireVersion)
		.innerJoin(questionnaire, eq(questionnaire.id, questionnaireVersion.questionnaireId))
		.where(eq(questionnaireVersion.id, versionId))
		.get();
	if (!row) return null;
	const questions =
		row.v.status === 'draft' ? loadQuestions(db, versionId) : frozenQuestions(db, versionId);
	return { ...row.v, questionnaire: row.q, questions };
}

// Published and superseded versions never change, so their questions are read once per database
// (ids are never reused). Answering reads them on every save; treat the arrays as read-only.
const frozen = new WeakMap<object, Map<number, FullQuestion[]>>();

/** The questions of a version that is no longer a draft (every response's version is one). */
export function frozenQuestions(db: DbOrTx, versionId: number): FullQuestion[] {
	let byVersion = frozen.get(db);
	if (!byVersion) frozen.set(db, (byVersion = new Map()));
	let questions = byVersion.get(versionId);
	if (!questions) {
		questions = loadQuestions(db, versionId);
		byVersion.set(versionId, questions);
	}
	return questions;
}

function loadQuestions(db: DbOrTx, versionId: number): FullQuestion[] {
	const questions = db
		.select()
		.from(question)
		.where(eq(question.versionId, versionId))
		.orderBy(asc(question.position))
		.all();
	const ids = questions.map((q) => q.id);
	const options = ids.length
		? db
				.select()
				.from(questionOption)
				.where(inArray(questionOption.questionId, ids))
				.orderBy(asc(questionOption.position))
				.all()
		: [];
	const links = ids.length
		? db.select().from(questionPriority).where(inArray(questionPriority.questionId, ids)).all()
		: [];
	return questions.map((q) => ({
		...q,
		options: options.filter((o) => o.questionId === q.id),
		priorityIds: links.filter((l) => l.questionId === q.id).map((l) => l.priorityId)
	}));
}

/** The id of a questionnaire's draft or published version, if it has one. */
export function versionIdWithStatus(
	db: DbOrTx,
	questionnaireId: number,
	status: 'draft' | 'published'
): number | null {
	const v = db
		.select({ id: questionnaireVersion.id })
		.from(questionnaireVersion)
		.where(
			and(
				eq(questionnaireVersion.questionnaireId, questionnaireId),
				eq(questionnaireVersion.status, status)
			)
		)
		.get();
	return v?.id ?? null;
}

/** What the public answers; null until the questionnaire is first published. */
export function getPublishedVersion(
	db: DbOrTx,
	questionnaireId: number
): VersionWithQuestions | null {
	const id = versionIdWithStatus(db, questionnaireId, 'published');
	return id === null ? null : getVersion(db, id);
}
