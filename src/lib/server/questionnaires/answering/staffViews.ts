// Read-only views for the staff pages: questionnaire status per audience, versions by number,
// the list of responses and a response's answers beside the wording it answered.
import { and, count, desc, eq } from 'drizzle-orm';
import { type DbOrTx, firstRow } from '../../db';
import {
	audienceCodes,
	questionnaire,
	questionnaireVersion,
	response,
	type Answer,
	type Audience,
	type Channel
} from '../../db/schema';
import { audienceLabels } from '../audiences';
import type { FullQuestion } from '../types';

export type QuestionnaireSummary = {
	audience: Audience;
	label: string;
	questionnaireId: number | null;
	published: number | null;
	draft: number | null;
};

/** One row per audience, in the usual order, whether or not its questionnaire exists yet. */
export async function questionnaireSummaries(
	db: DbOrTx,
	consultationId: number
): Promise<QuestionnaireSummary[]> {
	const rows = await db
		.select({
			id: questionnaire.id,
			audience: questionnaire.audience,
			number: questionnaireVersion.number,
			status: questionnaireVersion.status
		})
		.from(questionnaire)
		.leftJoin(questionnaireVersion, eq(questionnaireVersion.questionnaireId, questionnaire.id))
		.where(eq(questionnaire.consultationId, consultationId));
	return audienceCodes.map((audience) => {
		const mine = rows.filter((r) => r.audience === audience);
		return {
			audience,
			label: audienceLabels[audience],
			questionnaireId: mine[0]?.id ?? null,
			published: mine.find((r) => r.status === 'published')?.number ?? null,
			draft: mine.find((r) => r.status === 'draft')?.number ?? null
		};
	});
}

/** "Not created", "Draft version 1", "Published version 2", "Published version 2 (version 3 in draft)". */
export function summaryStatus(
	s: Pick<QuestionnaireSummary, 'questionnaireId' | 'published' | 'draft'>
): string {
	if (s.questionnaireId === null) return 'Not created';
	if (s.published === null) return s.draft === null ? 'No versions' : `Draft version ${s.draft}`;
	return s.draft === null
		? `Published version ${s.published}`
		: `Published version ${s.published} (version ${s.draft} in draft)`;
}

export async function findVersionIdByNumber(
	db: DbOrTx,
	questionnaireId: number,
	number: number
): Promise<number | null> {
	const v = firstRow(
		await db
			.select({ id: questionnaireVersion.id })
			.from(questionnaireVersion)
			.where(
				and(
					eq(questionnaireVersion.questionnaireId, questionnaireId),
					eq(questionnaireVersion.number, number)
				)
			)
			.limit(1)
	);
	return v?.id ?? null;
}

export type ResponseListRow = {
	id: number;
	reference: string | null;
	channel: Channel;
	versionNumber: number;
	submittedAt: Date | null;
};

/** Sent responses to a questionnaire, newest first, a page at a time (pages count from 1). */
export async function listSubmittedResponses(
	db: DbOrTx,
	questionnaireId: number,
	page: number,
	perPage: number
): Promise<{ total: number; rows: ResponseListRow[] }> {
	const where = and(
		eq(response.questionnaireId, questionnaireId),
		eq(response.status, 'submitted')
	);
	const total = firstRow(await db.select({ n: count() }).from(response).where(where).limit(1))!.n;
	const rows = await db
		.select({
			id: response.id,
			reference: response.reference,
			channel: response.channel,
			versionNumber: questionnaireVersion.number,
			submittedAt: response.submittedAt
		})
		.from(response)
		.innerJoin(questionnaireVersion, eq(questionnaireVersion.id, response.versionId))
		.where(where)
		.orderBy(desc(response.submittedAt), desc(response.id))
		.limit(perPage)
		.offset((page - 1) * perPage);
	return { total, rows };
}

export type AnswerRow = {
	number: number;
	key: string;
	caption: string | null;
	text: string;
	answer: string[] | null;
};

/** Every question of the version answered, with the answer as the respondent saw it (labels, not codes); null when not answered. */
export function answerRows(
	questions: readonly FullQuestion[],
	answers: readonly Pick<Answer, 'questionId' | 'value' | 'textValue'>[]
): AnswerRow[] {
	return questions.map((q, i) => {
		const mine = answers.filter((a) => a.questionId === q.id);
		const shown = mine.map(
			(a) => a.textValue ?? q.options.find((o) => o.value === a.value)?.label ?? a.value ?? ''
		);
		return {
			number: i + 1,
			key: q.key,
			caption: q.caption,
			text: q.text,
			answer: mine.length ? shown : null
		};
	});
}
