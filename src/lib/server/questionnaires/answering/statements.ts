// Prepared queries for answering, the hot path (a save per question page). Building a drizzle
// query costs about ten times running it, so these are built once per database connection.
import { and, eq, sql } from 'drizzle-orm';
import { placeholderFor, preparedPerDatabase, type Db } from '../../db';
import {
	answer,
	consultation,
	questionnaire,
	questionnaireVersion,
	response
} from '../../db/schema';

const p = (name: string) => sql.placeholder(name);

// What answering needs of a consultation: its dates and names, not its long strategy text.
const consultationFields = {
	id: consultation.id,
	slug: consultation.slug,
	title: consultation.title,
	contactEmail: consultation.contactEmail,
	opensOn: consultation.opensOn,
	closesOn: consultation.closesOn,
	publishedAt: consultation.publishedAt,
	closedEarlyAt: consultation.closedEarlyAt,
	responsePublishedAt: consultation.responsePublishedAt
};

function prepare(db: Db) {
	return {
		responseWithConsultation: db
			.select({ r: response, c: consultationFields })
			.from(response)
			.innerJoin(consultation, eq(consultation.id, response.consultationId))
			.where(eq(response.id, p('responseId')))
			.prepare(),
		responseByTokenHash: db
			.select({ r: response, c: consultationFields })
			.from(response)
			.innerJoin(consultation, eq(consultation.id, response.consultationId))
			.where(eq(response.resumeTokenHash, p('hash')))
			.prepare(),
		versionWithQuestionnaire: db
			.select({ v: questionnaireVersion, q: questionnaire })
			.from(questionnaireVersion)
			.innerJoin(questionnaire, eq(questionnaire.id, questionnaireVersion.questionnaireId))
			.where(eq(questionnaireVersion.id, p('versionId')))
			.prepare(),
		questionnaireWithConsultation: db
			.select({ q: questionnaire, c: consultationFields })
			.from(questionnaire)
			.innerJoin(consultation, eq(consultation.id, questionnaire.consultationId))
			.where(eq(questionnaire.id, p('questionnaireId')))
			.prepare(),
		publishedVersionId: db
			.select({ id: questionnaireVersion.id })
			.from(questionnaireVersion)
			.where(
				and(
					eq(questionnaireVersion.questionnaireId, p('questionnaireId')),
					eq(questionnaireVersion.status, 'published')
				)
			)
			.prepare(),
		answersOf: db
			.select()
			.from(answer)
			.where(eq(answer.responseId, p('responseId')))
			.orderBy(answer.id)
			.prepare(),
		deleteAnswers: db
			.delete(answer)
			.where(and(eq(answer.responseId, p('responseId')), eq(answer.questionId, p('questionId'))))
			.prepare(),
		deleteAnswer: db
			.delete(answer)
			.where(eq(answer.id, p('id')))
			.prepare(),
		insertAnswer: db
			.insert(answer)
			.values({
				responseId: p('responseId'),
				questionId: p('questionId'),
				value: p('value'),
				textValue: p('textValue')
			})
			.returning()
			.prepare(),
		touchResponse: db
			.update(response)
			.set({
				lastSavedAt: placeholderFor('now', response.lastSavedAt),
				resumeExpiresAt: placeholderFor('resumeExpiresAt', response.resumeExpiresAt)
			})
			.where(eq(response.id, p('responseId')))
			.prepare(),
		referenceTaken: db
			.select({ id: response.id })
			.from(response)
			.where(eq(response.reference, p('reference')))
			.prepare()
	};
}

export const statements = preparedPerDatabase(prepare);
