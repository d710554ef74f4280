import { describe, expect, it } from 'vitest';
import { NOW, testDb } from '../testFixtures';
import { listQuestionnaires } from '../versions';
import { publishStarterQuestionnaires } from './publishStarters';

describe('publishStarterQuestionnaires', () => {
	it('publishes the three starter questionnaires', async () => {
		const { db, consultationId } = await testDb();
		expect(
			(await publishStarterQuestionnaires(db, consultationId, NOW)).map((s) => s.audience)
		).toEqual(['parents_carers', 'practitioners', 'young_people']);
		expect(
			(await listQuestionnaires(db, consultationId)).every(
				(q) => q.published?.number === 1 && q.draftVersionId === null
			)
		).toBe(true);
	});
});
