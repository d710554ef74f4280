import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { consultation } from '../../db/schema';
import { NOW, testDb } from '../testFixtures';
import { createQuestionnaire, publishVersion } from '../authoring';
import {
	answerQuestion,
	endOfClosingDay,
	RESUME_DAYS,
	startResponse,
	submitResponse
} from './responses';
import {
	checkAnswerRows,
	estimateMinutes,
	findStartPage,
	openJourney,
	publishedAudiences,
	questionAfter,
	questionPage,
	resumeQuestion
} from './journey';
import { asksForContactDetails, audienceFromSlug, audienceSlug } from '../audiences';
import { generateResumeToken } from './tokens';

const DAY = 24 * 60 * 60 * 1000;

async function setUp() {
	const t = await testDb();
	const created = await createQuestionnaire(t.db, t.consultationId, 'parents_carers', {
		useStarter: true,
		now: NOW
	});
	if (!created.ok) throw new Error('not created');
	await publishVersion(t.db, created.versionId, { now: NOW });
	const started = await startResponse(t.db, created.questionnaireId, 'online', NOW);
	if (!started.ok) throw new Error('not started');
	const open = async () => {
		const result = await openJourney(t.db, started.resumeToken, NOW);
		if (!result.ok) throw new Error(result.reason);
		return result.journey;
	};
	const id = async (key: string) => (await open()).questions.find((q) => q.key === key)!.id;
	const answer = async (key: string, raw: string | string[]) =>
		answerQuestion(t.db, started.responseId, created.versionId, await id(key), raw, NOW);
	return { ...t, ...created, started, open, answer };
}

describe('opening a journey from its link', () => {
	it('gives the response, its consultation, version and answers', async () => {
		const { open, answer, started, consultationId } = await setUp();
		await answer('priority-1-agree', 'disagree');
		const journey = await open();
		expect(journey.response.id).toBe(started.responseId);
		expect(journey.consultation.id).toBe(consultationId);
		expect(journey.status).toBe('open');
		expect(journey.questionnaire.audience).toBe('parents_carers');
		expect(journey.version.title).toBe('Questionnaire for parents and carers');
		expect(journey.byKey).toEqual({ 'priority-1-agree': ['disagree'] });
	});

	it('refuses forged links and expired ones, and tells them apart', async () => {
		const { db, started } = await setUp();
		expect(await openJourney(db, generateResumeToken(), NOW)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await openJourney(db, '../../etc/passwd', NOW)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(
			await openJourney(
				db,
				started.resumeToken,
				new Date(
					Math.max(endOfClosingDay('2026-07-31').getTime(), NOW.getTime() + RESUME_DAYS * DAY)
				)
			)
		).toEqual({ ok: false, reason: 'expired' });
	});

	it('shows a closed consultation as closed', async () => {
		const { db, consultationId, open } = await setUp();
		await db
			.update(consultation)
			.set({ closedEarlyAt: NOW })
			.where(eq(consultation.id, consultationId));
		expect((await open()).status).toBe('closed');
	});

	it('still opens a sent response, so its reference can be shown', async () => {
		const { db, started, answer, open } = await setUp();
		for (const n of [1, 2, 3]) await answer(`priority-${n}-agree`, 'agree');
		expect((await submitResponse(db, started.responseId, NOW)).ok).toBe(true);
		expect((await open()).response).toMatchObject({
			status: 'submitted',
			reference: expect.stringMatching(/^R-/)
		});
	});
});

describe('question pages', () => {
	it('number the visible questions and link back to the previous visible one', async () => {
		const { open, answer } = await setUp();
		await answer('priority-1-agree', 'disagree');
		const page = questionPage(await open(), 'priority-1-disagree-why');
		if (typeof page === 'string') throw new Error(page);
		expect(page.number).toBe(2);
		expect(page.previousKey).toBe('priority-1-agree');
		expect(questionPage(await open(), 'priority-1-why')).toBe('hidden');
		expect(questionPage(await open(), 'no-such-question')).toBe('unknown');
	});

	it('give back the saved answer: codes or text as typed', async () => {
		const { open, answer } = await setUp();
		await answer('type-of-need', ['semh', 'cognition_learning']);
		await answer('postcode-district', 'l8 ');
		const needs = questionPage(await open(), 'type-of-need');
		const postcode = questionPage(await open(), 'postcode-district');
		if (typeof needs === 'string' || typeof postcode === 'string') throw new Error('not found');
		expect(needs.saved.values).toEqual(['cognition_learning', 'semh']);
		expect(postcode.saved.text).toBe('L8');
	});

	it('lead on to the next visible question, or from check answers only to a follow-up just opened', async () => {
		const { open, answer } = await setUp();
		await answer('priority-1-agree', 'disagree');
		let journey = await open();
		expect(questionAfter(journey.questions, journey.byKey, 'priority-1-agree', false)?.key).toBe(
			'priority-1-disagree-why'
		);
		expect(questionAfter(journey.questions, journey.byKey, 'priority-1-agree', true)?.key).toBe(
			'priority-1-disagree-why'
		);
		await answer('priority-1-disagree-why', 'Too slow');
		journey = await open();
		expect(questionAfter(journey.questions, journey.byKey, 'priority-1-agree', true)).toBeNull();
		expect(
			questionAfter(journey.questions, journey.byKey, 'priority-1-disagree-why', false)?.key
		).toBe('priority-2-agree');
		expect(questionAfter(journey.questions, journey.byKey, 'postcode-district', false)).toBeNull();
	});

	it('resume after the last answered question, or at check answers', async () => {
		const { open, answer } = await setUp();
		expect(resumeQuestion((await open()).questions, (await open()).byKey)?.key).toBe(
			'priority-1-agree'
		);
		await answer('priority-1-agree', 'agree');
		await answer('priority-2-agree', 'agree'); // priority-1-why skipped: optional
		expect(resumeQuestion((await open()).questions, (await open()).byKey)?.key).toBe(
			'priority-2-why'
		);
		await answer('postcode-district', 'L8');
		expect(resumeQuestion((await open()).questions, (await open()).byKey)).toBeNull();
	});
});

describe('check your answers', () => {
	it('lists visible questions with labels, text as typed, and unanswered ones as null', async () => {
		const { open, answer } = await setUp();
		await answer('priority-1-agree', 'strongly_disagree');
		await answer('priority-1-disagree-why', 'Line one\nLine two');
		await answer('type-of-need', ['semh', 'sensory_physical']);
		const rows = checkAnswerRows(await open());
		expect(rows[0]).toMatchObject({
			key: 'priority-1-agree',
			display: 'Strongly disagree',
			caption: 'Priority 1: Identify needs early',
			required: true
		});
		expect(rows[1]).toMatchObject({
			key: 'priority-1-disagree-why',
			display: 'Line one\nLine two'
		});
		expect(rows.find((r) => r.key === 'type-of-need')!.display).toBe(
			'Social, emotional and mental health\nSensory or physical needs'
		);
		expect(rows.find((r) => r.key === 'priority-2-agree')!.display).toBeNull();
		expect(rows.some((r) => r.key === 'priority-1-why')).toBe(false);
	});
});

describe('start pages', () => {
	it('find a published questionnaire of a public consultation by audience', async () => {
		const { db, consultationId } = await setUp();
		const page = await findStartPage(db, 'send-strategy', 'parents_carers', NOW);
		expect(page).toMatchObject({
			consultation: { status: 'open' },
			questionnaire: { audience: 'parents_carers' }
		});
		expect(await findStartPage(db, 'send-strategy', 'practitioners', NOW)).toBeNull();
		await createQuestionnaire(db, consultationId, 'practitioners', { useStarter: true, now: NOW });
		expect(await findStartPage(db, 'send-strategy', 'practitioners', NOW)).toBeNull(); // a draft only
		expect(await findStartPage(db, 'no-such-consultation', 'parents_carers', NOW)).toBeNull();
		expect(await publishedAudiences(db, consultationId)).toEqual(['parents_carers']);
	});

	it('estimate the time from the questions, counting about half of the branches', () => {
		expect(estimateMinutes([{ kind: 'agreement', showIfQuestionKey: null }])).toBe(1);
		const branches = [
			{ kind: 'agreement' as const, showIfQuestionKey: null },
			{ kind: 'text' as const, showIfQuestionKey: 'a' },
			{ kind: 'text' as const, showIfQuestionKey: 'a' }
		];
		expect(estimateMinutes(Array(10).fill(branches).flat())).toBe(11);
	});
});

describe('audiences', () => {
	it('map to web addresses and back, and only adults are asked for contact details', () => {
		expect(audienceSlug('parents_carers')).toBe('parents-carers');
		expect(audienceFromSlug('young-people')).toBe('young_people');
		expect(audienceFromSlug('admins')).toBeNull();
		expect(asksForContactDetails('young_people')).toBe(false);
		expect(asksForContactDetails('practitioners')).toBe(true);
	});
});
