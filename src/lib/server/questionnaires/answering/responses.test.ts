import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { answer as answerTable, consultation, response } from '../../db/schema';
import { NOW, testDb } from '../testFixtures';
import { createQuestionnaire, publishVersion } from '../authoring';
import { getPublishedVersion } from '../versions';
import {
	answerOnLink,
	answerQuestion,
	deleteContactDetails,
	getContactDetails,
	getResponse,
	RESUME_DAYS,
	endOfClosingDay,
	resumeLinkExpiresAt,
	saveAnswers,
	saveContactDetails,
	startResponse,
	submitResponse
} from './responses';
import { openJourney } from './journey';
import { generateResumeToken, hashResumeToken } from './tokens';
import { firstRow } from '../../db';

const DAY = 24 * 60 * 60 * 1000;

async function setUp() {
	const t = await testDb();
	const created = await createQuestionnaire(t.db, t.consultationId, 'parents_carers', {
		useStarter: true,
		now: NOW
	});
	if (!created.ok) throw new Error('not created');
	await publishVersion(t.db, created.versionId, { now: NOW });
	const version = (await getPublishedVersion(t.db, created.questionnaireId))!;
	const byKey = (key: string) => version.questions.find((q) => q.key === key)!;
	const started = await startResponse(t.db, created.questionnaireId, 'online', NOW);
	if (!started.ok) throw new Error('not started');
	const answer = (key: string, raw: string | string[], now = NOW) =>
		answerQuestion(t.db, started.responseId, version.id, byKey(key).id, raw, now);
	const answerAllPriorities = async () => {
		for (const n of [1, 2, 3])
			expect(await answer(`priority-${n}-agree`, 'agree')).toEqual({ ok: true });
	};
	return { ...t, ...created, version, byKey, started, answer, answerAllPriorities };
}

describe('resume tokens', () => {
	it('are long random secrets of which only the hash is stored', async () => {
		const token = generateResumeToken();
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(generateResumeToken()).not.toBe(token);
		expect(hashResumeToken(token)).toMatch(/^[0-9a-f]{64}$/);

		const { db, started } = await setUp();
		const row = firstRow(
			await db.select().from(response).where(eq(response.id, started.responseId)).limit(1)
		)!;
		expect(row.resumeTokenHash).toBe(hashResumeToken(started.resumeToken));
		expect(JSON.stringify(row)).not.toContain(started.resumeToken);
	});

	it('finds the response until the link expires, and never for a forged link', async () => {
		const { db, started, answer } = await setUp();
		expect(await openJourney(db, started.resumeToken, NOW)).toMatchObject({
			ok: true,
			journey: { response: { id: started.responseId } }
		});
		expect(await openJourney(db, generateResumeToken(), NOW)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await openJourney(db, 'short', NOW)).toEqual({ ok: false, reason: 'not_found' });
		// The link works until answers can no longer be sent: the end of the closing day.
		const closed = endOfClosingDay('2026-07-31');
		expect(closed.toISOString()).toBe('2026-07-31T23:00:00.000Z');
		expect((await openJourney(db, started.resumeToken, new Date(closed.getTime() - 1))).ok).toBe(
			true
		);
		expect(await openJourney(db, started.resumeToken, closed)).toEqual({
			ok: false,
			reason: 'expired'
		});
		// A save near the end keeps the link alive for another RESUME_DAYS.
		const lastSave = new Date(closed.getTime() - DAY);
		await answer('priority-1-agree', 'agree', lastSave);
		expect((await openJourney(db, started.resumeToken, closed)).ok).toBe(true);
		expect(
			(await openJourney(db, started.resumeToken, new Date(lastSave.getTime() + RESUME_DAYS * DAY)))
				.ok
		).toBe(false);
	});
});

describe('resumeLinkExpiresAt', () => {
	const closesOn = '2027-01-12';
	it('is never before the end of the closing day, in UK time', () => {
		expect(resumeLinkExpiresAt(new Date('2026-12-01T10:00:00Z'), closesOn).toISOString()).toBe(
			'2027-01-13T00:00:00.000Z'
		);
		// In British Summer Time the day ends at 11pm UTC.
		expect(endOfClosingDay('2026-07-31').toISOString()).toBe('2026-07-31T23:00:00.000Z');
	});

	it('runs RESUME_DAYS from the last save when that is later, and is never shortened', () => {
		const now = new Date('2027-01-10T10:00:00Z');
		const late = resumeLinkExpiresAt(now, closesOn);
		expect(late.getTime()).toBe(now.getTime() + RESUME_DAYS * DAY);
		const farAway = new Date('2027-06-01T00:00:00Z');
		expect(resumeLinkExpiresAt(now, closesOn, farAway)).toEqual(farAway);
	});
});

describe('saving answers', () => {
	it("replaces a question's answers and keeps text as typed", async () => {
		const { db, started, answer, byKey } = await setUp();
		expect(await answer('type-of-need', ['semh', 'cognition_learning'])).toEqual({ ok: true });
		expect(await answer('type-of-need', ['sensory_physical'])).toEqual({ ok: true });
		expect(await answer('priority-1-agree', 'agree')).toEqual({ ok: true });
		expect(await answer('priority-1-why', '<script>alert(1)</script>')).toEqual({ ok: true });
		const rows = await db
			.select()
			.from(answerTable)
			.where(eq(answerTable.responseId, started.responseId));
		expect(
			rows.filter((r) => r.questionId === byKey('type-of-need').id).map((r) => r.value)
		).toEqual(['sensory_physical']);
		expect(rows.find((r) => r.questionId === byKey('priority-1-why').id)!.textValue).toBe(
			'<script>alert(1)</script>'
		);
	});

	it('saves nothing for bad input', async () => {
		const { db, started, answer } = await setUp();
		expect(await answer('priority-1-agree', 'maybe')).toEqual({
			ok: false,
			reason: 'invalid',
			message: 'Select how much you agree or disagree'
		});
		expect(await answer('type-of-need', ['semh', 'prefer_not_to_say'])).toEqual({
			ok: false,
			reason: 'invalid',
			message: "Select 'Prefer not to say' or the options that apply, not both"
		});
		expect(await answer('priority-1-why', 'x'.repeat(1201))).toMatchObject({
			ok: false,
			reason: 'hidden'
		});
		expect(
			await db.select().from(answerTable).where(eq(answerTable.responseId, started.responseId))
		).toEqual([]);
	});

	it('refuses an answer to a question the skip logic hides', async () => {
		const { answer } = await setUp();
		expect(await answer('priority-1-agree', 'agree')).toEqual({ ok: true });
		expect(await answer('priority-1-disagree-why', 'Because')).toEqual({
			ok: false,
			reason: 'hidden',
			message: 'This question does not apply, given your earlier answers'
		});
		expect(await answer('priority-1-why', 'Because')).toEqual({ ok: true });
		expect(await answer('priority-1-why', 'x'.repeat(1201))).toMatchObject({
			ok: false,
			message: 'Your answer must be 1,200 characters or fewer'
		});
	});

	it('refuses a tampered version id or a question from another version', async () => {
		const { db, started, version, byKey } = await setUp();
		expect(
			await answerQuestion(
				db,
				started.responseId,
				version.id + 1,
				byKey('priority-1-agree').id,
				'agree',
				NOW
			)
		).toMatchObject({ ok: false, reason: 'version_mismatch' });
		expect(
			await answerQuestion(db, started.responseId, version.id, 99_999, 'agree', NOW)
		).toMatchObject({
			ok: false,
			reason: 'unknown_question'
		});
		expect(
			await answerQuestion(db, 99_999, version.id, byKey('priority-1-agree').id, 'agree', NOW)
		).toMatchObject({ ok: false, reason: 'not_found' });
	});

	it('checks already-validated answers against the list too', async () => {
		const { db, started, version, byKey } = await setUp();
		const id = byKey('priority-1-agree').id;
		expect(
			await saveAnswers(
				db,
				started.responseId,
				version.id,
				id,
				[{ value: 'agree', textValue: null }],
				NOW
			)
		).toEqual({ ok: true });
		expect(
			await saveAnswers(
				db,
				started.responseId,
				version.id,
				id,
				[{ value: 'invented', textValue: null }],
				NOW
			)
		).toMatchObject({ ok: false, reason: 'invalid' });
	});

	it('refuses answers once the consultation has closed', async () => {
		const { db, consultationId, questionnaireId, answer } = await setUp();
		const afterClose = new Date('2026-08-01T09:00:00Z');
		expect(await answer('priority-1-agree', 'agree', afterClose)).toMatchObject({
			ok: false,
			reason: 'not_open'
		});
		await db
			.update(consultation)
			.set({ closedEarlyAt: NOW })
			.where(eq(consultation.id, consultationId));
		expect(await answer('priority-1-agree', 'agree')).toMatchObject({
			ok: false,
			reason: 'not_open'
		});
		expect(await startResponse(db, questionnaireId, 'online', NOW)).toMatchObject({
			ok: false,
			reason: 'not_open'
		});
	});

	it('will not start a response before the questionnaire is published', async () => {
		const { db, consultationId } = await setUp();
		const draft = await createQuestionnaire(db, consultationId, 'practitioners', {
			useStarter: true,
			now: NOW
		});
		expect(
			await startResponse(db, draft.ok ? draft.questionnaireId : 0, 'online', NOW)
		).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
	});
});

describe('sending a response', () => {
	it('needs every required visible question answered', async () => {
		const { db, started, answer } = await setUp();
		await answer('priority-1-agree', 'agree');
		const result = await submitResponse(db, started.responseId, NOW);
		expect(result).toEqual({
			ok: false,
			reason: 'missing_answers',
			missing: [
				expect.objectContaining({
					key: 'priority-2-agree',
					message: 'Select how much you agree or disagree'
				}),
				expect.objectContaining({ key: 'priority-3-agree' })
			]
		});
	});

	it('gives a reference, once, and locks the answers; the link shows the sent response for a while', async () => {
		const { db, started, answerAllPriorities, answer } = await setUp();
		await answerAllPriorities();
		const sent = await submitResponse(db, started.responseId, NOW);
		expect(sent).toMatchObject({
			ok: true,
			alreadySubmitted: false,
			reference: expect.stringMatching(/^R-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
		});
		expect(await submitResponse(db, started.responseId, NOW)).toEqual({
			...sent,
			alreadySubmitted: true
		});
		expect(await answer('priority-1-agree', 'disagree')).toMatchObject({
			ok: false,
			reason: 'submitted'
		});
		expect(await openJourney(db, started.resumeToken, NOW)).toMatchObject({
			ok: true,
			journey: { response: { status: 'submitted' } }
		});
		const later = new Date(NOW.getTime() + RESUME_DAYS * DAY);
		expect(await openJourney(db, started.resumeToken, later)).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect((await getResponse(db, started.responseId))!.response.status).toBe('submitted');
	});

	it('saves contact details with the response, and none when sending is refused', async () => {
		const { db, started, answerAllPriorities, answer } = await setUp();
		const contact = { name: 'Sam', email: 'sam@example.com', phone: null };
		await answer('priority-1-agree', 'agree');
		expect((await submitResponse(db, started.responseId, NOW, contact)).ok).toBe(false);
		expect(await getContactDetails(db, started.responseId)).toBeNull();
		await answerAllPriorities();
		expect((await submitResponse(db, started.responseId, NOW, contact)).ok).toBe(true);
		expect(await getContactDetails(db, started.responseId)).toEqual(contact);
	});

	it('saves no contact row when every field is empty', async () => {
		const { db, started, answerAllPriorities } = await setUp();
		await answerAllPriorities();
		expect(
			(await submitResponse(db, started.responseId, NOW, { name: null, email: null, phone: null }))
				.ok
		).toBe(true);
		expect(await getContactDetails(db, started.responseId)).toBeNull();
	});

	it('drops answers to questions a changed answer has hidden', async () => {
		const { db, started, answerAllPriorities, answer } = await setUp();
		await answer('priority-1-agree', 'disagree');
		await answer('priority-1-disagree-why', 'Too slow');
		await answerAllPriorities(); // changes priority 1 to "agree"
		expect((await submitResponse(db, started.responseId, NOW)).ok).toBe(true);
		expect((await getResponse(db, started.responseId))!.answersByKey).toEqual({
			'priority-1-agree': ['agree'],
			'priority-2-agree': ['agree'],
			'priority-3-agree': ['agree']
		});
	});
});

describe('contact details', () => {
	it('are kept apart from the answers and deleted on their own', async () => {
		const { db, started, answer } = await setUp();
		await answer('priority-1-agree', 'agree');
		expect(
			await saveContactDetails(
				db,
				started.responseId,
				{ name: 'Sam', email: 'sam@example.com', phone: null },
				NOW
			)
		).toBe(true);
		expect(
			await saveContactDetails(
				db,
				started.responseId,
				{ name: 'Sam P', email: 'sam@example.com', phone: null },
				NOW
			)
		).toBe(true);
		expect(await getContactDetails(db, started.responseId)).toEqual({
			name: 'Sam P',
			email: 'sam@example.com',
			phone: null
		});
		expect(await deleteContactDetails(db, started.responseId)).toBe(true);
		expect(await getContactDetails(db, started.responseId)).toBeNull();
		expect((await getResponse(db, started.responseId))!.answers).toHaveLength(1);
		expect(await saveContactDetails(db, 99_999, { name: 'x', email: null, phone: null }, NOW)).toBe(
			false
		);
	});
});

describe('answerOnLink', () => {
	const admitted = (opened: Awaited<ReturnType<typeof openJourney>>) => {
		if (!opened.ok) throw new Error(opened.reason);
		return opened.journey;
	};

	it('saves on the opened link and gives back the journey with the new answer, as read afresh', async () => {
		const { db, started, version } = await setUp();
		const token = started.resumeToken;
		const saved = await answerOnLink(
			db,
			token,
			'priority-1-agree',
			version.id,
			'disagree',
			admitted,
			NOW
		);
		expect(saved.result).toEqual({ ok: true });
		const reread = admitted(await openJourney(db, token, NOW));
		expect(saved.journey.answers).toEqual(reread.answers);
		expect(saved.journey.byKey).toEqual({ 'priority-1-agree': ['disagree'] });
		// A changed answer replaces the old one, still in the order a fresh read gives.
		const again = await answerOnLink(
			db,
			token,
			'priority-1-agree',
			version.id,
			'agree',
			admitted,
			NOW
		);
		expect(again.journey.answers).toEqual(admitted(await openJourney(db, token, NOW)).answers);
	});

	it('refuses as answerQuestion does, and writes nothing when the page’s check throws', async () => {
		const { db, started, version } = await setUp();
		const token = started.resumeToken;
		expect(
			(await answerOnLink(db, token, 'priority-1-agree', version.id + 1, 'agree', admitted, NOW))
				.result
		).toMatchObject({ ok: false, reason: 'version_mismatch' });
		expect(
			(await answerOnLink(db, token, 'nope', version.id, 'agree', admitted, NOW)).result
		).toMatchObject({ ok: false, reason: 'unknown_question' });
		expect(
			(await answerOnLink(db, token, 'priority-1-why', version.id, 'Because', admitted, NOW)).result
		).toMatchObject({ ok: false, reason: 'hidden' });
		const refuse = () => {
			throw new Error('not this page’s link');
		};
		await expect(
			answerOnLink(db, token, 'priority-1-agree', version.id, 'agree', refuse, NOW)
		).rejects.toThrow('not this page’s link');
		expect(await db.select().from(answerTable)).toEqual([]);
	});
});
