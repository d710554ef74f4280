import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { consultation, roadshowSession } from '../../db/schema';
import { NOW, testDb } from '../testFixtures';
import { createQuestionnaire, publishVersion } from '../authoring';
import { getResponse } from './responses';
import { addRoadshowNote, enterPaperResponse, listRoadshowNotes } from './channels';
import { onlyRow } from '../../db';

async function setUp() {
	const t = await testDb();
	const created = await createQuestionnaire(t.db, t.consultationId, 'parents_carers', {
		useStarter: true,
		now: NOW
	});
	if (!created.ok) throw new Error('not created');
	await publishVersion(t.db, created.versionId, { now: NOW });
	const session = onlyRow(
		await t.db
			.insert(roadshowSession)
			.values({
				consultationId: t.consultationId,
				title: 'Parents',
				startsAt: NOW,
				bookingClosesAt: NOW,
				capacity: 10,
				createdAt: NOW,
				updatedAt: NOW
			})
			.returning()
	);
	return { ...t, ...created, sessionId: session.id };
}

const complete = {
	'priority-1-agree': 'strongly_disagree',
	'priority-1-disagree-why': 'Waiting lists are too long',
	'priority-2-agree': 'agree',
	'priority-3-agree': 'dont_know',
	'type-of-need': ['semh', 'sensory_physical'],
	'postcode-district': 'l8'
};

describe('paper responses', () => {
	it('enter a whole form as one submitted response on the paper channel', async () => {
		const { db, staffUserId, questionnaireId } = await setUp();
		const r = await enterPaperResponse(db, staffUserId, questionnaireId, complete, NOW);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.reference).toMatch(/^R-/);
		const stored = (await getResponse(db, r.responseId))!;
		expect(stored.response).toMatchObject({
			channel: 'paper',
			status: 'submitted',
			enteredByStaffUserId: staffUserId,
			resumeTokenHash: null
		});
		expect(stored.answersByKey).toMatchObject({
			'priority-1-agree': ['strongly_disagree'],
			'type-of-need': ['semh', 'sensory_physical'],
			'postcode-district': ['L8']
		});
	});

	it('return every problem keyed by question and save nothing', async () => {
		const { db, staffUserId, questionnaireId } = await setUp();
		const r = await enterPaperResponse(
			db,
			staffUserId,
			questionnaireId,
			{
				...complete,
				'priority-1-why': 'Agree really',
				'priority-2-agree': '',
				'type-of-need': ['semh', 'prefer_not_to_say']
			},
			NOW
		);
		expect(r).toEqual({
			ok: false,
			errors: {
				'priority-1-why': 'This question does not apply, given the earlier answers. Leave it blank',
				'type-of-need': "Select 'Prefer not to say' or the options that apply, not both"
			}
		});
		expect(
			await enterPaperResponse(
				db,
				staffUserId,
				questionnaireId,
				{ ...complete, invented: 'x' },
				NOW
			)
		).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
	});

	it('record questions left blank as not answered, even ones the online form requires', async () => {
		const { db, staffUserId, questionnaireId } = await setUp();
		const r = await enterPaperResponse(
			db,
			staffUserId,
			questionnaireId,
			{ 'priority-1-agree': '', 'priority-2-agree': 'agree', 'type-of-need': [] },
			NOW
		);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const stored = (await getResponse(db, r.responseId))!;
		expect(stored.response.status).toBe('submitted');
		expect(stored.answersByKey).toEqual({ 'priority-2-agree': ['agree'] });
	});

	it('refuse a form with nothing filled in', async () => {
		const { db, staffUserId, questionnaireId } = await setUp();
		expect(
			await enterPaperResponse(db, staffUserId, questionnaireId, { 'priority-1-agree': '' }, NOW)
		).toEqual({ ok: false, errors: { form: 'Enter at least one answer from the paper form' } });
	});

	it('can be entered after closing, but not before opening', async () => {
		const { db, staffUserId, questionnaireId, consultationId, sessionId } = await setUp();
		const afterClose = new Date('2026-08-03T09:00:00Z');
		const r = await enterPaperResponse(db, staffUserId, questionnaireId, complete, afterClose, {
			channel: 'roadshow',
			roadshowSessionId: sessionId
		});
		expect(r.ok).toBe(true);
		if (r.ok)
			expect((await getResponse(db, r.responseId))!.response).toMatchObject({
				channel: 'roadshow',
				roadshowSessionId: sessionId
			});
		await db
			.update(consultation)
			.set({ opensOn: '2026-07-01' })
			.where(eq(consultation.id, consultationId));
		expect(await enterPaperResponse(db, staffUserId, questionnaireId, complete, NOW)).toMatchObject(
			{
				ok: false,
				errors: { form: expect.any(String) }
			}
		);
	});
});

describe('roadshow notes', () => {
	it('are tagged with the session, audience and priorities', async () => {
		const { db, staffUserId, consultationId, priorityIds, sessionId } = await setUp();
		const r = await addRoadshowNote(
			db,
			{
				consultationId,
				roadshowSessionId: sessionId,
				audience: 'parents_carers',
				note: 'Parents want earlier assessments',
				priorityIds: [priorityIds[0], priorityIds[0]],
				staffUserId
			},
			NOW
		);
		expect(r.ok).toBe(true);
		expect(await listRoadshowNotes(db, consultationId, sessionId)).toMatchObject([
			{
				note: 'Parents want earlier assessments',
				audience: 'parents_carers',
				priorityIds: [priorityIds[0]]
			}
		]);
	});

	it("refuse an empty note, another consultation's session and unknown priorities", async () => {
		const { db, staffUserId, consultationId } = await setUp();
		const r = await addRoadshowNote(
			db,
			{
				consultationId,
				roadshowSessionId: 999,
				audience: 'young_people',
				note: ' ',
				priorityIds: [999],
				staffUserId
			},
			NOW
		);
		expect(r).toEqual({
			ok: false,
			errors: {
				roadshowSessionId: 'Select a session from the list',
				note: 'Enter the feedback',
				priorities: 'Select priorities from the list'
			}
		});
	});

	it('count a typed line break as one character, as the character count does', async () => {
		const { db, staffUserId, consultationId } = await setUp();
		const note = `${'a'.repeat(2499)}\r\n${'b'.repeat(2500)}`;
		const r = await addRoadshowNote(
			db,
			{
				consultationId,
				roadshowSessionId: null,
				audience: 'practitioners',
				note,
				priorityIds: [],
				staffUserId
			},
			NOW
		);
		expect(r.ok).toBe(true);
		expect((await listRoadshowNotes(db, consultationId))[0].note).toHaveLength(5000);
	});

	it('accept a note of 5,000 characters and refuse 5,001 with a message for the note, saving nothing', async () => {
		const { db, staffUserId, consultationId } = await setUp();
		const input = (note: string) => ({
			consultationId,
			roadshowSessionId: null,
			audience: 'practitioners' as const,
			note,
			priorityIds: [],
			staffUserId
		});
		expect(await addRoadshowNote(db, input('a'.repeat(5001)), NOW)).toEqual({
			ok: false,
			errors: { note: 'The feedback must be 5,000 characters or fewer' }
		});
		expect(await listRoadshowNotes(db, consultationId)).toEqual([]);
		expect((await addRoadshowNote(db, input('a'.repeat(5000)), NOW)).ok).toBe(true);
		expect((await listRoadshowNotes(db, consultationId))[0].note).toHaveLength(5000);
	});

	it('refuse tens of thousands of posted priorities without a database error', async () => {
		const { db, staffUserId, consultationId, priorityIds } = await setUp();
		const many = [...priorityIds, ...Array.from({ length: 40_000 }, (_, i) => 100_000 + i)];
		const r = await addRoadshowNote(
			db,
			{
				consultationId,
				roadshowSessionId: null,
				audience: 'practitioners',
				note: 'Hello',
				priorityIds: many,
				staffUserId
			},
			NOW
		);
		expect(r).toEqual({ ok: false, errors: { priorities: 'Select priorities from the list' } });
	});
});
