// The three starter questionnaires, published: the demo's and the tests' consultations start here.
import type { Db } from '../../db';
import { audienceCodes } from '../../db/schema';
import { createQuestionnaire, publishVersion } from './drafts';

export function publishStarterQuestionnaires(
	db: Db,
	consultationId: number,
	now: Date
): { audience: (typeof audienceCodes)[number]; questionnaireId: number }[] {
	return audienceCodes.map((audience) => {
		const created = createQuestionnaire(db, consultationId, audience, { useStarter: true, now });
		if (!created.ok)
			throw new Error(
				`Could not create the ${audience} questionnaire: ${Object.values(created.errors).join('; ')}`
			);
		const published = publishVersion(db, created.versionId, { now });
		if (!published.ok)
			throw new Error(
				`Could not publish the ${audience} questionnaire: ${Object.values(published.errors).join('; ')}`
			);
		return { audience, questionnaireId: created.questionnaireId };
	});
}
