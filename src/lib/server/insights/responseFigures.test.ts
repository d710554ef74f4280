import { describe, expect, it } from 'vitest';
import { roadshowNotePriority } from '../db/schema';
import { codingFixture } from './codingFixtures';
import { createTheme, tagComment } from './coding';
import { displayFigures, responseFigures } from './responseFigures';

describe('responseFigures', () => {
	it('gives each priority its top themes as suppressed shares of its comments', async () => {
		const f = await codingFixture();
		const transport = await createTheme(f.db, f.consultationId, { name: 'Transport' }, f.actor);
		const waits = await createTheme(f.db, f.consultationId, { name: 'Waiting times' }, f.actor);
		if (!transport.ok || !waits.ok) throw new Error('set-up');
		// Twelve comments on priority 1: six about transport, two about waiting.
		const notes: number[] = [];
		for (let i = 0; i < 12; i++) notes.push(await f.addNote(`Note ${i}`));
		for (const id of notes)
			await f.db.insert(roadshowNotePriority).values({ noteId: id, priorityId: f.priorityIds[0] });
		for (const id of notes.slice(0, 6))
			await tagComment(f.db, f.consultationId, { kind: 'note', id }, transport.id, f.actor);
		for (const id of notes.slice(6, 8))
			await tagComment(f.db, f.consultationId, { kind: 'note', id }, waits.id, f.actor);

		const figures = await responseFigures(f.db, f.consultationId, f.priorityIds);
		const first = displayFigures(figures.get(f.priorityIds[0])!);
		expect(first.comments).toBe('12');
		expect(first.themes).toEqual([
			{ name: 'Transport', count: '6', percent: '50%' },
			{ name: 'Waiting times', count: 'fewer than 5', percent: 'not shown' }
		]);
		expect(first.base).toBe('Nobody answered this question');
		expect(first.agreementRows.map((r) => r[0].text)).toEqual([
			'Parents and carers',
			'Practitioners',
			'Young people',
			'All audiences'
		]);
		expect(displayFigures(figures.get(f.priorityIds[1])!)).toMatchObject({
			comments: '0',
			themes: []
		});
	});
});
