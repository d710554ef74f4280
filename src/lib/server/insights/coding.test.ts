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
import { firstRow } from '../db';

describe('the code frame', () => {
	it('creates themes with tidy keywords, and refuses a blank, long or repeated name', async () => {
		const { db, consultationId, actor } = await codingFixture();
		const made = await createTheme(
			db,
			consultationId,
			{ name: '  Transport ', description: 'Getting to school', keywords: 'Bus, taxi,, bus' },
			actor
		);
		expect(made.ok).toBe(true);
		expect(await listThemes(db, consultationId)).toEqual([
			{
				id: made.ok ? made.id : 0,
				name: 'Transport',
				description: 'Getting to school',
				keywords: 'bus, taxi',
				tagCount: 0
			}
		]);
		expect(await createTheme(db, consultationId, { name: ' ' }, actor)).toEqual({
			ok: false,
			errors: { name: 'Enter a name for the theme' }
		});
		expect(await createTheme(db, consultationId, { name: 'x'.repeat(81) }, actor)).toEqual({
			ok: false,
			errors: { name: 'Theme name must be 80 characters or fewer' }
		});
		expect(await createTheme(db, consultationId, { name: 'TRANSPORT' }, actor)).toEqual({
			ok: false,
			errors: { name: 'There is already a theme called "TRANSPORT". Enter a different name' }
		});
		expect(
			await db.select().from(auditEvent).where(eq(auditEvent.action, 'theme.created'))
		).toHaveLength(1);
	});

	it('allows the same theme name in another consultation', async () => {
		const a = await codingFixture();
		const b = await codingFixture(a.db, 'other');
		expect((await createTheme(a.db, a.consultationId, { name: 'Transport' }, a.actor)).ok).toBe(
			true
		);
		expect((await createTheme(a.db, b.consultationId, { name: 'Transport' }, a.actor)).ok).toBe(
			true
		);
	});

	it('renames a theme (even changing only its case), but not onto another theme’s name', async () => {
		const { db, consultationId, actor } = await codingFixture();
		const t = await createTheme(db, consultationId, { name: 'Transport' }, actor);
		const u = await createTheme(db, consultationId, { name: 'Waiting times' }, actor);
		if (!t.ok || !u.ok) throw new Error('set-up');
		expect(await renameTheme(db, consultationId, t.id, 'transport', actor)).toEqual({ ok: true });
		expect(await renameTheme(db, consultationId, t.id, 'waiting TIMES', actor)).toEqual({
			ok: false,
			errors: { name: 'There is already a theme called "waiting TIMES". Enter a different name' }
		});
		expect(await renameTheme(db, consultationId + 1, t.id, 'Travel', actor)).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect((await listThemes(db, consultationId)).map((x) => x.name)).toEqual([
			'transport',
			'Waiting times'
		]);
	});

	it('sets keywords only on this consultation’s themes', async () => {
		const { db, consultationId, actor } = await codingFixture();
		const t = await createTheme(db, consultationId, { name: 'Transport' }, actor);
		if (!t.ok) throw new Error('set-up');
		expect(await setThemeKeywords(db, consultationId, t.id, 'Bus\nTaxi')).toEqual({ ok: true });
		expect((await listThemes(db, consultationId))[0].keywords).toBe('bus, taxi');
		expect(await setThemeKeywords(db, consultationId + 1, t.id, 'x')).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(await setThemeKeywords(db, consultationId, t.id, 'a,'.repeat(600))).toEqual({
			ok: true
		});
		expect(
			await setThemeKeywords(
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
	it('tags answers and notes, counts tags per theme, and tagging twice keeps one tag', async () => {
		const f = await codingFixture();
		const t = await createTheme(f.db, f.consultationId, { name: 'Transport' }, f.actor);
		const u = await createTheme(f.db, f.consultationId, { name: 'Waiting times' }, f.actor);
		if (!t.ok || !u.ok) throw new Error('set-up');
		const a1 = await f.addAnswer('The bus is late');
		const a2 = await f.addAnswer('No taxi');
		const n1 = await f.addNote('Transport came up a lot');
		for (const ref of [
			{ kind: 'answer', id: a1 },
			{ kind: 'answer', id: a2 },
			{ kind: 'note', id: n1 },
			{ kind: 'answer', id: a1 }
		] as const) {
			expect(await tagComment(f.db, f.consultationId, ref, t.id, f.actor)).toEqual({ ok: true });
		}
		expect(
			await tagComment(f.db, f.consultationId, { kind: 'answer', id: a1 }, u.id, f.actor)
		).toEqual({
			ok: true
		});
		expect((await listThemes(f.db, f.consultationId)).map((x) => [x.name, x.tagCount])).toEqual([
			['Transport', 3],
			['Waiting times', 1]
		]);
		expect(await untagComment(f.db, f.consultationId, { kind: 'answer', id: a1 }, t.id)).toEqual({
			ok: true
		});
		expect(
			await untagComment(f.db, f.consultationId, { kind: 'answer', id: a1 }, t.id)
		).toMatchObject({
			ok: false
		});
		expect((await listThemes(f.db, f.consultationId))[0].tagCount).toBe(2);
	});

	it('refuses comments and themes from another consultation, and answers not yet submitted', async () => {
		const f = await codingFixture();
		const other = await codingFixture(f.db, 'other');
		const t = await createTheme(f.db, f.consultationId, { name: 'Transport' }, f.actor);
		const theirs = await createTheme(f.db, other.consultationId, { name: 'Theirs' }, f.actor);
		if (!t.ok || !theirs.ok) throw new Error('set-up');
		const mine = await f.addAnswer('Mine');
		const otherAnswer = await other.addAnswer('Not yours');
		const otherNote = await other.addNote('Not yours either');
		const draft = await f.addAnswer('Still typing', { status: 'in_progress' });
		const refused = {
			ok: false,
			reason: 'not_found',
			message: 'That comment could not be found in this consultation'
		};
		expect(
			await tagComment(f.db, f.consultationId, { kind: 'answer', id: otherAnswer }, t.id, f.actor)
		).toEqual(refused);
		expect(
			await tagComment(f.db, f.consultationId, { kind: 'note', id: otherNote }, t.id, f.actor)
		).toEqual(refused);
		expect(
			await tagComment(f.db, f.consultationId, { kind: 'answer', id: draft }, t.id, f.actor)
		).toEqual(refused);
		expect(
			await tagComment(f.db, f.consultationId, { kind: 'note', id: mine }, t.id, f.actor)
		).toEqual(refused);
		expect(
			await tagComment(f.db, f.consultationId, { kind: 'answer', id: mine }, theirs.id, f.actor)
		).toEqual({
			ok: false,
			reason: 'not_found',
			message: 'Select a theme from the list'
		});
		expect(await commentInConsultation(f.db, f.consultationId, { kind: 'answer', id: mine })).toBe(
			true
		);
		expect(await f.db.select().from(commentTheme)).toEqual([]);
	});

	it('links comments to this consultation’s priorities only', async () => {
		const f = await codingFixture();
		const other = await codingFixture(f.db, 'other');
		const a = await f.addAnswer('About co-production');
		const ref = { kind: 'answer', id: a } as const;
		expect(await linkCommentToPriority(f.db, f.consultationId, ref, f.priorityIds[1])).toEqual({
			ok: true
		});
		expect(await linkCommentToPriority(f.db, f.consultationId, ref, f.priorityIds[1])).toEqual({
			ok: true
		});
		expect(
			await linkCommentToPriority(f.db, f.consultationId, ref, other.priorityIds[0])
		).toMatchObject({
			ok: false,
			message: 'Select a priority from the list'
		});
		expect(await unlinkCommentFromPriority(f.db, f.consultationId, ref, f.priorityIds[1])).toEqual({
			ok: true
		});
		expect(
			await unlinkCommentFromPriority(f.db, f.consultationId, ref, f.priorityIds[1])
		).toMatchObject({
			ok: false
		});
	});
});

describe('mergeThemes', () => {
	it('moves tags without duplicates, combines keywords and deletes the merged theme', async () => {
		const f = await codingFixture();
		const from = await createTheme(
			f.db,
			f.consultationId,
			{ name: 'Buses', keywords: 'bus, coach' },
			f.actor
		);
		const into = await createTheme(
			f.db,
			f.consultationId,
			{ name: 'Transport', keywords: 'taxi, bus' },
			f.actor
		);
		if (!from.ok || !into.ok) throw new Error('set-up');
		const both = { kind: 'answer', id: await f.addAnswer('Bus and taxi') } as const;
		const onlyFrom = { kind: 'note', id: await f.addNote('Coach') } as const;
		await tagComment(f.db, f.consultationId, both, from.id, f.actor);
		await tagComment(f.db, f.consultationId, both, into.id, f.actor);
		await tagComment(f.db, f.consultationId, onlyFrom, from.id, f.actor);

		expect(await mergeThemes(f.db, f.consultationId, from.id, into.id, f.actor)).toEqual({
			ok: true
		});
		expect(await listThemes(f.db, f.consultationId)).toEqual([
			{ id: into.id, name: 'Transport', description: '', keywords: 'taxi, bus, coach', tagCount: 2 }
		]);
		expect(
			firstRow(await f.db.select().from(theme).where(eq(theme.id, from.id)).limit(1))
		).toBeUndefined();
		expect(
			firstRow(
				await f.db.select().from(auditEvent).where(eq(auditEvent.action, 'theme.merged')).limit(1)
			)?.summary
		).toBe('Merged the theme "Buses" into "Transport"');
	});

	it('refuses merging a theme into itself or across consultations', async () => {
		const f = await codingFixture();
		const other = await codingFixture(f.db, 'other');
		const t = await createTheme(f.db, f.consultationId, { name: 'Transport' }, f.actor);
		const theirs = await createTheme(f.db, other.consultationId, { name: 'Theirs' }, f.actor);
		if (!t.ok || !theirs.ok) throw new Error('set-up');
		expect(await mergeThemes(f.db, f.consultationId, t.id, t.id, f.actor)).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
		expect(await mergeThemes(f.db, f.consultationId, t.id, theirs.id, f.actor)).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(await mergeThemes(f.db, f.consultationId, theirs.id, t.id, f.actor)).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(await listThemes(f.db, other.consultationId)).toHaveLength(1);
	});
});
