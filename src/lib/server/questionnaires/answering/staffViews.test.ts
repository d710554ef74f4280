import { describe, expect, it } from 'vitest';
import { NOW, testDb } from '../testFixtures';
import {
	createQuestionnaire,
	ensureDraftVersion,
	getDraftVersion,
	publishVersion,
	updateQuestion
} from '../authoring';
import { enterPaperResponse } from './channels';
import { getResponse } from './responses';
import {
	answerRows,
	findVersionIdByNumber,
	listSubmittedResponses,
	questionnaireSummaries,
	summaryStatus
} from './staffViews';

describe('questionnaireSummaries', () => {
	it('gives every audience with its versions', async () => {
		const { db, consultationId } = await testDb();
		expect((await questionnaireSummaries(db, consultationId)).map(summaryStatus)).toEqual([
			'Not created',
			'Not created',
			'Not created'
		]);
		const a = await createQuestionnaire(db, consultationId, 'parents_carers', {
			useStarter: true,
			now: NOW
		});
		const b = await createQuestionnaire(db, consultationId, 'young_people', {
			useStarter: false,
			now: NOW
		});
		if (!a.ok || !b.ok) throw new Error('not created');
		await publishVersion(db, a.versionId, { now: NOW });
		await ensureDraftVersion(db, a.questionnaireId, NOW);
		const summaries = await questionnaireSummaries(db, consultationId);
		expect(summaries.map((s) => s.label)).toEqual([
			'Parents and carers',
			'Practitioners',
			'Young people'
		]);
		expect(summaries.map(summaryStatus)).toEqual([
			'Published version 1 (version 2 in draft)',
			'Not created',
			'Draft version 1'
		]);
		expect(summaries[0]).toMatchObject({
			questionnaireId: a.questionnaireId,
			published: 1,
			draft: 2
		});
		expect(await findVersionIdByNumber(db, a.questionnaireId, 1)).toBe(a.versionId);
		expect(await findVersionIdByNumber(db, a.questionnaireId, 9)).toBeNull();
	});
});

describe('responses for staff', () => {
	it('lists sent responses a page at a time and shows answers in the wording they answered', async () => {
		const { db, consultationId, staffUserId } = await testDb();
		const q = await createQuestionnaire(db, consultationId, 'parents_carers', {
			useStarter: true,
			now: NOW
		});
		if (!q.ok) throw new Error('not created');
		await publishVersion(db, q.versionId, { now: NOW });
		const answers = {
			'priority-1-agree': 'disagree',
			'priority-2-agree': 'agree',
			'priority-3-agree': 'dont_know',
			'priority-1-disagree-why': 'Too slow',
			'type-of-need': ['semh', 'sensory_physical'],
			'postcode-district': 'l8'
		};
		const first = await enterPaperResponse(db, staffUserId, q.questionnaireId, answers, NOW);
		if (!first.ok) throw new Error(JSON.stringify(first.errors));

		const draftId = (await ensureDraftVersion(db, q.questionnaireId, NOW))!;
		const toChange = (await getDraftVersion(db, q.questionnaireId))!.questions[0];
		expect(
			(
				await updateQuestion(db, toChange.id, {
					...toChange,
					text: 'Should this be a priority?',
					hint: null
				})
			).ok
		).toBe(true);
		await publishVersion(db, draftId, { now: new Date(NOW.getTime() + 1000) });
		const second = await enterPaperResponse(
			db,
			staffUserId,
			q.questionnaireId,
			{ 'priority-1-agree': 'agree', 'priority-2-agree': 'agree', 'priority-3-agree': 'agree' },
			new Date(NOW.getTime() + 2000)
		);
		if (!second.ok) throw new Error('not entered');

		const page1 = await listSubmittedResponses(db, q.questionnaireId, 1, 1);
		expect(page1.total).toBe(2);
		expect(page1.rows).toEqual([
			{
				id: second.responseId,
				reference: second.reference,
				channel: 'paper',
				versionNumber: 2,
				submittedAt: new Date(NOW.getTime() + 2000)
			}
		]);
		expect(
			(await listSubmittedResponses(db, q.questionnaireId, 2, 1)).rows.map((r) => r.versionNumber)
		).toEqual([1]);

		const old = (await getResponse(db, first.responseId))!;
		const rows = answerRows(old.version.questions, old.answers);
		expect(rows[0]).toMatchObject({
			number: 1,
			text: 'To what extent do you agree or disagree that this should be a priority?',
			answer: ['Disagree']
		});
		expect(rows.find((r) => r.key === 'priority-1-disagree-why')?.answer).toEqual(['Too slow']);
		expect(rows.find((r) => r.key === 'type-of-need')?.answer).toEqual([
			'Social, emotional and mental health',
			'Sensory or physical needs'
		]);
		expect(rows.find((r) => r.key === 'postcode-district')?.answer).toEqual(['L8']);
		expect(rows.find((r) => r.key === 'biggest-difference')?.answer).toBeNull();
		const current = (await getResponse(db, second.responseId))!;
		expect(answerRows(current.version.questions, current.answers)[0].text).toBe(
			'Should this be a priority?'
		);
	});
});

describe('deleteContactDetailsAsStaff', () => {
	it('deletes the contact details only, and records who did it', async () => {
		const { deleteContactDetailsAsStaff } = await import('./contactDeletion');
		const { getContactDetails, saveContactDetails } = await import('./responses');
		const { auditEvent } = await import('../../db/schema');
		const { db, consultationId, staffUserId } = await testDb();
		const q = await createQuestionnaire(db, consultationId, 'practitioners', {
			useStarter: true,
			now: NOW
		});
		if (!q.ok) throw new Error('not created');
		await publishVersion(db, q.versionId, { now: NOW });
		const r = await enterPaperResponse(
			db,
			staffUserId,
			q.questionnaireId,
			{ 'priority-1-agree': 'agree', 'priority-2-agree': 'agree', 'priority-3-agree': 'agree' },
			NOW
		);
		if (!r.ok) throw new Error('not entered');
		await saveContactDetails(
			db,
			r.responseId,
			{ name: 'Ann', email: 'ann@example.org', phone: null },
			NOW
		);
		expect(await deleteContactDetailsAsStaff(db, r.responseId, { staffUserId }, NOW)).toBe(true);
		expect(await getContactDetails(db, r.responseId)).toBeNull();
		expect((await getResponse(db, r.responseId))!.answers).toHaveLength(3);
		expect(await deleteContactDetailsAsStaff(db, r.responseId, { staffUserId }, NOW)).toBe(false);
		expect(
			(await db.select().from(auditEvent)).filter((e) => e.action === 'response.contact_deleted')
		).toHaveLength(1);
	});
});
