import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvent, questionnaireVersion } from '../../db/schema';
import { insertStaff } from '../../auth/testing';
import { NOW, testDb } from '../testFixtures';
import {
	addQuestion,
	createQuestionnaire,
	ensureDraftVersion,
	getDraftVersion,
	moveQuestion,
	publishVersion,
	removeQuestion,
	updateQuestion,
	updateVersionText
} from './drafts';
import {
	findQuestionnaireByAudience,
	getPublishedVersion,
	getVersion,
	listQuestionnaires
} from '../versions';
import { answerQuestion, getResponse, startResponse, submitResponse } from '../answering/responses';
import { firstRow } from '../../db';

async function created(
	db: Awaited<ReturnType<typeof testDb>>['db'],
	consultationId: number,
	useStarter = true
) {
	const r = await createQuestionnaire(db, consultationId, 'parents_carers', {
		useStarter,
		now: NOW
	});
	if (!r.ok) throw new Error('not created');
	return r;
}

describe('creating questionnaires', () => {
	it('makes a draft from the starter set, linked to the priorities', async () => {
		const { db, consultationId, priorityIds } = await testDb();
		const { questionnaireId, versionId } = await created(db, consultationId);
		const v = (await getVersion(db, versionId))!;
		expect(v).toMatchObject({
			number: 1,
			status: 'draft',
			title: 'Questionnaire for parents and carers'
		});
		expect(v.questions.map((q) => q.position)).toEqual(v.questions.map((_, i) => i + 1));
		const agree = v.questions.find((q) => q.key === 'priority-2-agree')!;
		expect(agree.priorityIds).toEqual([priorityIds[1]]);
		expect(agree.options.map((o) => o.label)[0]).toBe('Strongly agree');
		expect(await getPublishedVersion(db, questionnaireId)).toBeNull();
		expect((await findQuestionnaireByAudience(db, consultationId, 'parents_carers'))!.id).toBe(
			questionnaireId
		);
		expect(await findQuestionnaireByAudience(db, consultationId, 'young_people')).toBeNull();
	});

	it('gives the young people Easy Read labels on the agreement scale', async () => {
		const { db, consultationId } = await testDb();
		const r = await createQuestionnaire(db, consultationId, 'young_people', {
			useStarter: true,
			now: NOW
		});
		const v = (await getVersion(db, r.ok ? r.versionId : 0))!;
		expect(v.questionnaire.easyRead).toBe(true);
		expect(v.questions[0].options[0].label).toBe('I really agree');
	});

	it('allows one questionnaire per audience', async () => {
		const { db, consultationId } = await testDb();
		await created(db, consultationId);
		expect(
			await createQuestionnaire(db, consultationId, 'parents_carers', {
				useStarter: false,
				now: NOW
			})
		).toEqual({
			ok: false,
			errors: { audience: 'There is already a questionnaire for parents and carers' }
		});
	});
});

describe('authoring a draft', () => {
	it('adds a question with options, generating its key', async () => {
		const { db, consultationId, priorityIds } = await testDb();
		const { versionId } = await created(db, consultationId, false);
		const r = await addQuestion(db, versionId, {
			kind: 'multiple',
			text: 'Which services have you used?',
			options: [
				{ value: '', label: 'Speech and language therapy' },
				{ value: 'none', label: 'None', exclusive: true }
			],
			priorityIds: [priorityIds[0]]
		});
		expect(r.ok).toBe(true);
		const q = (await getVersion(db, versionId))!.questions[0];
		expect(q.key).toBe('which-services-have-you-used');
		expect(q.options.map((o) => [o.value, o.exclusive])).toEqual([
			['speech_and_language_therapy', false],
			['none', true]
		]);
	});

	it('refuses bad questions with errors by field', async () => {
		const { db, consultationId } = await testDb();
		const { versionId } = await created(db, consultationId, false);
		const r = await addQuestion(db, versionId, {
			kind: 'single',
			text: ' ',
			options: [{ value: 'a', label: 'A' }],
			showIfQuestionKey: 'later',
			showIfValues: ['x'],
			priorityIds: [999]
		});
		expect(r).toEqual({
			ok: false,
			errors: {
				text: 'Enter the question',
				options: 'Add at least 2 options',
				showIf: 'Choose an earlier question with answers to choose from',
				priorities: 'Select priorities from this consultation'
			}
		});
	});

	it('keeps follow-ups after the question that decides them', async () => {
		const { db, consultationId } = await testDb();
		const { versionId } = await created(db, consultationId);
		const v = (await getVersion(db, versionId))!;
		const agree = v.questions.find((q) => q.key === 'priority-1-agree')!;
		const why = v.questions.find((q) => q.key === 'priority-1-why')!;
		expect((await moveQuestion(db, why.id, 'up')).ok).toBe(false);
		expect((await moveQuestion(db, agree.id, 'down')).ok).toBe(false);
		expect(await removeQuestion(db, agree.id)).toMatchObject({ ok: false });
		expect(await updateQuestion(db, agree.id, { kind: 'text', text: 'Tell us' })).toMatchObject({
			ok: false,
			errors: { options: expect.any(String) }
		});
	});

	it('moves and removes questions keeping positions 1..n', async () => {
		const { db, consultationId } = await testDb();
		const { versionId } = await created(db, consultationId);
		const before = (await getVersion(db, versionId))!.questions;
		const last = before.at(-1)!;
		expect((await moveQuestion(db, last.id, 'up')).ok).toBe(true);
		expect((await getVersion(db, versionId))!.questions.at(-2)!.id).toBe(last.id);
		expect((await removeQuestion(db, last.id)).ok).toBe(true);
		const after = (await getVersion(db, versionId))!.questions;
		expect(after.map((q) => q.position)).toEqual(after.map((_, i) => i + 1));
		expect(after).toHaveLength(before.length - 1);
	});
});

describe('publishing and versions', () => {
	it('freezes a published version: edits need a new draft', async () => {
		const { db, consultationId } = await testDb();
		const { questionnaireId, versionId } = await created(db, consultationId);
		expect(await publishVersion(db, versionId, { now: NOW })).toEqual({ ok: true, number: 1 });
		const q = (await getVersion(db, versionId))!.questions[0];
		expect((await updateQuestion(db, q.id, { kind: 'agreement', text: 'Changed' })).ok).toBe(false);
		expect((await addQuestion(db, versionId, { kind: 'text', text: 'Another' })).ok).toBe(false);
		expect((await publishVersion(db, versionId)).ok).toBe(false);
		expect((await getPublishedVersion(db, questionnaireId))!.id).toBe(versionId);
	});

	it('copies the published version into a draft with the same keys, options and priority links', async () => {
		const { db, consultationId } = await testDb();
		const { questionnaireId, versionId } = await created(db, consultationId);
		await publishVersion(db, versionId, { now: NOW });
		const draftId = (await ensureDraftVersion(db, questionnaireId, NOW))!;
		expect(await ensureDraftVersion(db, questionnaireId, NOW)).toBe(draftId);
		const v1 = (await getVersion(db, versionId))!;
		const v2 = (await getDraftVersion(db, questionnaireId))!;
		expect(v2.number).toBe(2);
		const shape = (v: typeof v1) =>
			v.questions.map((q) => [
				q.key,
				q.kind,
				q.text,
				q.showIfValues,
				q.options.map((o) => o.value),
				q.priorityIds
			]);
		expect(shape(v2)).toEqual(shape(v1));
		expect(v2.questions[0].id).not.toBe(v1.questions[0].id);
		expect((await listQuestionnaires(db, consultationId))[0]).toMatchObject({
			draftVersionId: draftId,
			published: { id: versionId, number: 1 }
		});
	});

	it('keeps the wording each response answered after a new version is published', async () => {
		const { db, consultationId } = await testDb();
		const { questionnaireId, versionId } = await created(db, consultationId);
		await publishVersion(db, versionId, { now: NOW });
		const started = await startResponse(db, questionnaireId, 'online', NOW);
		if (!started.ok) throw new Error('not started');
		const agree1 = (await getVersion(db, versionId))!.questions[0];
		for (const q of (await getVersion(db, versionId))!.questions.filter(
			(x) => x.kind === 'agreement'
		)) {
			expect(await answerQuestion(db, started.responseId, versionId, q.id, 'agree', NOW)).toEqual({
				ok: true
			});
		}
		expect((await submitResponse(db, started.responseId, NOW)).ok).toBe(true);

		const draftId = (await ensureDraftVersion(db, questionnaireId, NOW))!;
		const agree2 = (await getVersion(db, draftId))!.questions[0];
		expect(
			(
				await updateQuestion(db, agree2.id, {
					kind: 'agreement',
					text: 'Should this come first?',
					caption: agree2.caption,
					priorityIds: agree2.priorityIds
				})
			).ok
		).toBe(true);
		expect(await publishVersion(db, draftId, { now: NOW })).toEqual({ ok: true, number: 2 });

		expect(
			firstRow(
				await db
					.select()
					.from(questionnaireVersion)
					.where(eq(questionnaireVersion.id, versionId))
					.limit(1)
			)!.status
		).toBe('superseded');
		expect((await getPublishedVersion(db, questionnaireId))!.questions[0].text).toBe(
			'Should this come first?'
		);
		const old = (await getResponse(db, started.responseId))!;
		expect(old.version.id).toBe(versionId);
		expect(old.version.questions[0].text).toBe(agree1.text);
		expect(old.answersByKey['priority-1-agree']).toEqual(['agree']);
	});

	it('refuses to publish an empty draft', async () => {
		const { db, consultationId } = await testDb();
		const { versionId } = await created(db, consultationId, false);
		expect(await publishVersion(db, versionId)).toEqual({
			ok: false,
			errors: { form: 'Add at least one question before publishing' }
		});
	});
});

describe('the audit log of questionnaire edits', () => {
	it('records who made each edit and each publication, with the question changed', async () => {
		const { db, consultationId } = await testDb();
		const staffUserId = await insertStaff(db, {
			email: 'lead@example.org',
			password: 'x'.repeat(12)
		});
		const actor = { staffUserId, ip: '10.0.0.7' };
		const { questionnaireId, versionId } = await created(db, consultationId, false);
		const text = (t: string) => ({ kind: 'text' as const, text: t, options: [], priorityIds: [] });
		const first = await addQuestion(db, versionId, text('What works well?'), actor);
		const second = await addQuestion(db, versionId, text('What could be better?'), actor);
		if (!first.ok || !second.ok) throw new Error('not added');
		expect(
			(await updateQuestion(db, first.questionId, text('What works well now?'), actor)).ok
		).toBe(true);
		expect((await moveQuestion(db, second.questionId, 'up', actor)).ok).toBe(true);
		expect(
			(await updateVersionText(db, versionId, { title: 'Parents', intro: '' }, actor)).ok
		).toBe(true);
		expect((await publishVersion(db, versionId, { actor, now: NOW })).ok).toBe(true);
		expect(await ensureDraftVersion(db, questionnaireId, NOW, actor)).not.toBeNull();
		const draft = (await getDraftVersion(db, questionnaireId))!;
		expect((await removeQuestion(db, draft.questions[0].id, actor)).ok).toBe(true);
		// A refused edit changes nothing and records nothing.
		expect((await removeQuestion(db, first.questionId, actor)).ok).toBe(false);

		const events = await db
			.select()
			.from(auditEvent)
			.where(eq(auditEvent.subjectId, String(questionnaireId)))
			.orderBy(auditEvent.id);
		expect(events.every((e) => e.actorStaffUserId === staffUserId && e.ip === '10.0.0.7')).toBe(
			true
		);
		expect(events.map((e) => [e.action, e.summary])).toEqual([
			['questionnaire.edited', 'Added question 1: "What works well?" (draft version 1)'],
			['questionnaire.edited', 'Added question 2: "What could be better?" (draft version 1)'],
			['questionnaire.edited', 'Changed question 1: "What works well now?" (draft version 1)'],
			[
				'questionnaire.edited',
				'Moved question "What could be better?" from 2 to 1 (draft version 1)'
			],
			['questionnaire.edited', 'Changed the title and introduction to "Parents" (draft version 1)'],
			['questionnaire.published', 'Published version 1 of "Parents"'],
			['questionnaire.edited', 'Started version 2 of "Parents" (a draft copied from version 1)'],
			['questionnaire.edited', 'Removed question 1: "What could be better?" (draft version 2)']
		]);
	});
});
