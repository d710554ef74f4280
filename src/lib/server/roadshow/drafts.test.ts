import { describe, expect, it } from 'vitest';
import {
	DRAFT_LIFETIME_MS,
	firstUnansweredStep,
	getDraftAnswers,
	nextStep,
	previousStep,
	saveDraftStep,
	startDraft,
	stepOfField
} from './drafts';
import { NOW, addSession, testDb } from './testFixtures';

const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('booking drafts', () => {
	it('keeps each page’s own answers under a random id, for its session only', async () => {
		const { db, consultationId } = await testDb();
		const s = await addSession(db, consultationId);
		const other = await addSession(db, consultationId);
		const id = await startDraft(db, s.id, 'who', { bookedBy: 'family', adults: '5' }, NOW);
		expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		// A field from another page is not taken.
		expect(await getDraftAnswers(db, id, s.id, NOW)).toEqual({
			bookedBy: 'family',
			organisationName: '',
			organisationRole: ''
		});
		expect(await saveDraftStep(db, id, s.id, 'places', { adults: '2', children: '' }, NOW)).toBe(
			true
		);
		expect(await getDraftAnswers(db, id, s.id, NOW)).toMatchObject({
			bookedBy: 'family',
			adults: '2',
			children: ''
		});
		expect(await getDraftAnswers(db, id, other.id, NOW)).toBeUndefined();
		expect(await getDraftAnswers(db, 'not a draft', s.id, NOW)).toBeUndefined();
		expect(await saveDraftStep(db, 'A'.repeat(22), s.id, 'places', {}, NOW)).toBe(false);
	});

	it('expires drafts after a day and clears them out', async () => {
		const { db, consultationId } = await testDb();
		const s = await addSession(db, consultationId);
		const id = await startDraft(db, s.id, 'who', { bookedBy: 'family' }, NOW);
		expect(await getDraftAnswers(db, id, s.id, later(DRAFT_LIFETIME_MS))).toBeUndefined();
		await startDraft(db, s.id, 'who', { bookedBy: 'family' }, later(DRAFT_LIFETIME_MS + 1));
		expect(await getDraftAnswers(db, id, s.id, NOW)).toBeUndefined();
	});

	it('knows the order of the questions', () => {
		expect(firstUnansweredStep({})).toBe('who');
		expect(firstUnansweredStep({ bookedBy: 'family', adults: '1', email: 'a@b.cd' })).toBe(
			'access-needs'
		);
		expect(
			firstUnansweredStep({
				bookedBy: 'family',
				adults: '1',
				email: 'x',
				accessNeeds: [],
				consentToContact: 'no'
			})
		).toBeNull();
		expect(nextStep('who')).toBe('places');
		expect(nextStep('consent')).toBe('check');
		expect(previousStep('who')).toBeNull();
		expect(previousStep('contact')).toBe('places');
		expect(stepOfField('familyEmail')).toBe('contact');
		expect(stepOfField('idempotencyKey')).toBeUndefined();
	});
});
