// The three starter questionnaires, published: the demo's and the tests' consultations start here.
import type { Db } from '../../db';
import { audienceCodes } from '../../db/schema';
import { createQuestionnaire, publishVersion } from './drafts';

export async function publishStarterQuestionnaires(
	db: Db,
	consultationId: number,
	now: Date
): Promise<{ audience: (typeof audienceCodes)[number]; questionnaireId: number }[]> {
	const made = [];
	for (const audience of audienceCodes) {
		const created = await createQuestionnaire(db, consultationId, audience, {
			useStarter: true,
			now
		});
		if (!created.ok)
			throw new Error(
				`Could not create the ${audience} questionnaire: ${Object.values(created.errors).join('; ')}`
			);
		const published = await publishVersion(db, created.versionId, { now });
		if (!published.ok)
			throw new Error(
				`Could not publish the ${audience} questionnaire: ${Object.values(published.errors).join('; ')}`
			);
		made.push({ audience, questionnaireId: created.questionnaireId });
	}
	return made;
}
