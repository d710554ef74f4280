import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { consultation, roadshowSession } from '../../db/schema';
import { NOW, testDb } from '../testFixtures';
import { createQuestionnaire, publishVersion } from '../authoring';
import { getResponse } from './responses';
import { addRoadshowNote, enterPaperResponse, listRoadshowNotes } from './channels';

function setUp() {
	const t = testDb();
	const created = createQuestionnaire(t.db, t.consultationId, 'parents_carers', {
		useStarter: true,
		now: NOW
	});
	if (!created.ok) throw new Error('not created');
	publishVersion(t.db, created.versionId, { now: NOW });
	const session = t.db
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
		.get();
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
	it('enter a whole form as one submitted response on the paper channel', () => {
		const { db, staffUserId, questionnaireId } = setUp();
		const r = enterPaperResponse(db, staffUserId, questionnaireId, complete, NOW);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.reference).toMatch(/^R-/);
		const stored = getResponse(db, r.responseId)!;
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

	it('return every problem keyed by question and save nothing', () => {
		const { db, staffUserId, questionnaireId } = setUp();
		const r = enterPaperResponse(
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
			enterPaperResponse(db, staffUserId, questionnaireId, { ...complete, invented: 'x' }, NOW)
		).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
	});

	it('record questions left blank as not answered, even ones the online form requires', () => {
		const { db, staffUserId, questionnaireId } = setUp();
		const r = enterPaperResponse(
			db,
			staffUserId,
			questionnaireId,
			{ 'priority-1-agree': '', 'priority-2-agree': 'agree', 'type-of-need': [] },
			NOW
		);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const stored = getResponse(db, r.responseId)!;
		expect(stored.response.status).toBe('submitted');
		expect(stored.answersByKey).toEqual({ 'priority-2-agree': ['agree'] });
	});

	it('refuse a form with nothing filled in', () => {
		const { db, staffUserId, questionnaireId } = setUp();
		expect(
			enterPaperResponse(db, staffUserId, questionnaireId, { 'priority-1-agree': '' }, NOW)
		).toEqual({ ok: false, errors: { form: 'Enter at least one answer from the paper form' } });
	});

	it('can be entered after closing, but not before opening', () => {
		const { db, staffUserId, questionnaireId, consultationId, sessionId } = setUp();
		const afterClose = new Date('2026-08-03T09:00:00Z');
		const r = enterPaperResponse(db, staffUserId, questionnaireId, complete, afterClose, {
			channel: 'roadshow',
			roadshowSessionId: sessionId
		});
		expect(r.ok).toBe(true);
		if (r.ok)
			expect(getResponse(db, r.responseId)!.response).toMatchObject({
				channel: 'roadshow',
				roadshowSessionId: sessionId
			});
		db.update(consultation)
			.set({ opensOn: '2026-07-01' })
			.where(eq(consultation.id, consultationId))
			.run();
		expect(enterPaperResponse(db, staffUserId, questionnaireId, complete, NOW)).toMatchObject({
			ok: false,
			errors: { form: expect.any(String) }
		});
	});
});

describe('roadshow notes', () => {
	it('are tagged with the session, audience and priorities', () => {
		const { db, staffUserId, consultationId, priorityIds, sessionId } = setUp();
		const r = addRoadshowNote(
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
		expect(listRoadshowNotes(db, consultationId, sessionId)).toMatchObject([
			{
				note: 'Parents want earlier assessments',
				audience: 'parents_carers',
				priorityIds: [priorityIds[0]]
			}
		]);
	});

	it("refuse an empty note, another consultation's session and unknown priorities", () => {
		const { db, staffUserId, consultationId } = setUp();
		const r = addRoadshowNote(
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

	it('count a typed line break as one character, as the character count does', () => {
		const { db, staffUserId, consultationId } = setUp();
		const note = `${'a'.repeat(2499)}\r\n${'b'.repeat(2500)}`;
		const r = addRoadshowNote(
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
		expect(listRoadshowNotes(db, consultationId)[0].note).toHaveLength(5000);
	});

	it('accept a note of 5,000 characters and refuse 5,001 with a message for the note, saving nothing', () => {
		const { db, staffUserId, consultationId } = setUp();
		const input = (note: string) => ({
			consultationId,
			roadshowSessionId: null,
			audience: 'practitioners' as const,
			note,
			priorityIds: [],
			staffUserId
		});
		expect(addRoadshowNote(db, input('a'.repeat(5001)), NOW)).toEqual({
			ok: false,
			errors: { note: 'The feedback must be 5,000 characters or fewer' }
		});
		expect(listRoadshowNotes(db, consultationId)).toEqual([]);
		expect(addRoadshowNote(db, input('a'.repeat(5000)), NOW).ok).toBe(true);
		expect(listRoadshowNotes(db, consultationId)[0].note).toHaveLength(5000);
	});

	it('refuse tens of thousands of posted priorities without a database error', () => {
		const { db, staffUserId, consultationId, priorityIds } = setUp();
		const many = [...priorityIds, ...Array.from({ length: 40_000 }, (_, i) => 100_000 + i)];
		const r = addRoadshowNote(
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
