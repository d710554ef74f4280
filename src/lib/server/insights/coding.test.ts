import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvent, commentTheme, theme } from '../db/schema';
import { codingFixture } from './codingFixtures';
import {
	commentInConsultation,
	createTheme,
	linkCommentToPriority,
	listThemes,
	mergeThemes,
	renameTheme,
	setThemeKeywords,
	tagComment,
	unlinkCommentFromPriority,
	untagComment
} from './coding';

describe('the code frame', () => {
	it('creates themes with tidy keywords, and refuses a blank, long or repeated name', () => {
		const { db, consultationId, actor } = codingFixture();
		const made = createTheme(
			db,
			consultationId,
			{ name: '  Transport ', description: 'Getting to school', keywords: 'Bus, taxi,, bus' },
			actor
		);
		expect(made.ok).toBe(true);
		expect(listThemes(db, consultationId)).toEqual([
			{
				id: made.ok ? made.id : 0,
				name: 'Transport',
				description: 'Getting to school',
				keywords: 'bus, taxi',
				tagCount: 0
			}
		]);
		expect(createTheme(db, consultationId, { name: ' ' }, actor)).toEqual({
			ok: false,
			errors: { name: 'Enter a name for the theme' }
		});
		expect(createTheme(db, consultationId, { name: 'x'.repeat(81) }, actor)).toEqual({
			ok: false,
			errors: { name: 'Theme name must be 80 characters or fewer' }
		});
		expect(createTheme(db, consultationId, { name: 'TRANSPORT' }, actor)).toEqual({
			ok: false,
			errors: { name: 'There is already a theme called "TRANSPORT". Enter a different name' }
		});
		expect(
			db.select().from(auditEvent).where(eq(auditEvent.action, 'theme.created')).all()
		).toHaveLength(1);
	});

	it('allows the same theme name in another consultation', () => {
		const a = codingFixture();
		const b = codingFixture(a.db, 'other');
		expect(createTheme(a.db, a.consultationId, { name: 'Transport' }, a.actor).ok).toBe(true);
		expect(createTheme(a.db, b.consultationId, { name: 'Transport' }, a.actor).ok).toBe(true);
	});

	it('renames a theme (even changing only its case), but not onto another theme’s name', () => {
		const { db, consultationId, actor } = codingFixture();
		const t = createTheme(db, consultationId, { name: 'Transport' }, actor);
		const u = createTheme(db, consultationId, { name: 'Waiting times' }, actor);
		if (!t.ok || !u.ok) throw new Error('set-up');
		expect(renameTheme(db, consultationId, t.id, 'transport', actor)).toEqual({ ok: true });
		expect(renameTheme(db, consultationId, t.id, 'waiting TIMES', actor)).toEqual({
			ok: false,
			errors: { name: 'There is already a theme called "waiting TIMES". Enter a different name' }
		});
		expect(renameTheme(db, consultationId + 1, t.id, 'Travel', actor)).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(listThemes(db, consultationId).map((x) => x.name)).toEqual([
			'transport',
			'Waiting times'
		]);
	});

	it('sets keywords only on this consultation’s themes', () => {
		const { db, consultationId, actor } = codingFixture();
		const t = createTheme(db, consultationId, { name: 'Transport' }, actor);
		if (!t.ok) throw new Error('set-up');
		expect(setThemeKeywords(db, consultationId, t.id, 'Bus\nTaxi')).toEqual({ ok: true });
		expect(listThemes(db, consultationId)[0].keywords).toBe('bus, taxi');
		expect(setThemeKeywords(db, consultationId + 1, t.id, 'x')).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(setThemeKeywords(db, consultationId, t.id, 'a,'.repeat(600))).toEqual({ ok: true });
		expect(
			setThemeKeywords(
				db,
				consultationId,
				t.id,
				Array.from({ length: 400 }, (_, i) => `word${i}`).join(',')
			)
		).toEqual({
			ok: false,
			errors: { keywords: 'Keywords must be 1000 characters or fewer' }
		});
	});
});

describe('tagging', () => {
	it('tags answers and notes, counts tags per theme, and tagging twice keeps one tag', () => {
		const f = codingFixture();
		const t = createTheme(f.db, f.consultationId, { name: 'Transport' }, f.actor);
		const u = createTheme(f.db, f.consultationId, { name: 'Waiting times' }, f.actor);
		if (!t.ok || !u.ok) throw new Error('set-up');
		const a1 = f.addAnswer('The bus is late');
		const a2 = f.addAnswer('No taxi');
		const n1 = f.addNote('Transport came up a lot');
		for (const ref of [
			{ kind: 'answer', id: a1 },
			{ kind: 'answer', id: a2 },
			{ kind: 'note', id: n1 },
			{ kind: 'answer', id: a1 }
		] as const) {
			expect(tagComment(f.db, f.consultationId, ref, t.id, f.actor)).toEqual({ ok: true });
		}
		expect(tagComment(f.db, f.consultationId, { kind: 'answer', id: a1 }, u.id, f.actor)).toEqual({
			ok: true
		});
		expect(listThemes(f.db, f.consultationId).map((x) => [x.name, x.tagCount])).toEqual([
			['Transport', 3],
			['Waiting times', 1]
		]);
		expect(untagComment(f.db, f.consultationId, { kind: 'answer', id: a1 }, t.id)).toEqual({
			ok: true
		});
		expect(untagComment(f.db, f.consultationId, { kind: 'answer', id: a1 }, t.id)).toMatchObject({
			ok: false
		});
		expect(listThemes(f.db, f.consultationId)[0].tagCount).toBe(2);
	});

	it('refuses comments and themes from another consultation, and answers not yet submitted', () => {
		const f = codingFixture();
		const other = codingFixture(f.db, 'other');
		const t = createTheme(f.db, f.consultationId, { name: 'Transport' }, f.actor);
		const theirs = createTheme(f.db, other.consultationId, { name: 'Theirs' }, f.actor);
		if (!t.ok || !theirs.ok) throw new Error('set-up');
		const mine = f.addAnswer('Mine');
		const otherAnswer = other.addAnswer('Not yours');
		const otherNote = other.addNote('Not yours either');
		const draft = f.addAnswer('Still typing', { status: 'in_progress' });
		const refused = {
			ok: false,
			reason: 'not_found',
			message: 'That comment could not be found in this consultation'
		};
		expect(
			tagComment(f.db, f.consultationId, { kind: 'answer', id: otherAnswer }, t.id, f.actor)
		).toEqual(refused);
		expect(
			tagComment(f.db, f.consultationId, { kind: 'note', id: otherNote }, t.id, f.actor)
		).toEqual(refused);
		expect(
			tagComment(f.db, f.consultationId, { kind: 'answer', id: draft }, t.id, f.actor)
		).toEqual(refused);
		expect(tagComment(f.db, f.consultationId, { kind: 'note', id: mine }, t.id, f.actor)).toEqual(
			refused
		);
		expect(
			tagComment(f.db, f.consultationId, { kind: 'answer', id: mine }, theirs.id, f.actor)
		).toEqual({
			ok: false,
			reason: 'not_found',
			message: 'Select a theme from the list'
		});
		expect(commentInConsultation(f.db, f.consultationId, { kind: 'answer', id: mine })).toBe(true);
		expect(f.db.select().from(commentTheme).all()).toEqual([]);
	});

	it('links comments to this consultation’s priorities only', () => {
		const f = codingFixture();
		const other = codingFixture(f.db, 'other');
		const a = f.addAnswer('About co-production');
		const ref = { kind: 'answer', id: a } as const;
		expect(linkCommentToPriority(f.db, f.consultationId, ref, f.priorityIds[1])).toEqual({
			ok: true
		});
		expect(linkCommentToPriority(f.db, f.consultationId, ref, f.priorityIds[1])).toEqual({
			ok: true
		});
		expect(linkCommentToPriority(f.db, f.consultationId, ref, other.priorityIds[0])).toMatchObject({
			ok: false,
			message: 'Select a priority from the list'
		});
		expect(unlinkCommentFromPriority(f.db, f.consultationId, ref, f.priorityIds[1])).toEqual({
			ok: true
		});
		expect(unlinkCommentFromPriority(f.db, f.consultationId, ref, f.priorityIds[1])).toMatchObject({
			ok: false
		});
	});
});

describe('mergeThemes', () => {
	it('moves tags without duplicates, combines keywords and deletes the merged theme', () => {
		const f = codingFixture();
		const from = createTheme(
			f.db,
			f.consultationId,
			{ name: 'Buses', keywords: 'bus, coach' },
			f.actor
		);
		const into = createTheme(
			f.db,
			f.consultationId,
			{ name: 'Transport', keywords: 'taxi, bus' },
			f.actor
		);
		if (!from.ok || !into.ok) throw new Error('set-up');
		const both = { kind: 'answer', id: f.addAnswer('Bus and taxi') } as const;
		const onlyFrom = { kind: 'note', id: f.addNote('Coach') } as const;
		tagComment(f.db, f.consultationId, both, from.id, f.actor);
		tagComment(f.db, f.consultationId, both, into.id, f.actor);
		tagComment(f.db, f.consultationId, onlyFrom, from.id, f.actor);

		expect(mergeThemes(f.db, f.consultationId, from.id, into.id, f.actor)).toEqual({ ok: true });
		expect(listThemes(f.db, f.consultationId)).toEqual([
			{ id: into.id, name: 'Transport', description: '', keywords: 'taxi, bus, coach', tagCount: 2 }
		]);
		expect(f.db.select().from(theme).where(eq(theme.id, from.id)).get()).toBeUndefined();
		expect(
			f.db.select().from(auditEvent).where(eq(auditEvent.action, 'theme.merged')).get()?.summary
		).toBe('Merged the theme "Buses" into "Transport"');
	});

	it('refuses merging a theme into itself or across consultations', () => {
		const f = codingFixture();
		const other = codingFixture(f.db, 'other');
		const t = createTheme(f.db, f.consultationId, { name: 'Transport' }, f.actor);
		const theirs = createTheme(f.db, other.consultationId, { name: 'Theirs' }, f.actor);
		if (!t.ok || !theirs.ok) throw new Error('set-up');
		expect(mergeThemes(f.db, f.consultationId, t.id, t.id, f.actor)).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
		expect(mergeThemes(f.db, f.consultationId, t.id, theirs.id, f.actor)).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(mergeThemes(f.db, f.consultationId, theirs.id, t.id, f.actor)).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(listThemes(f.db, other.consultationId)).toHaveLength(1);
	});
});
