// Every length limit on themes and "You said, we did": the limit is accepted, one more refused.
import { describe, expect, it } from 'vitest';
import { codingFixture } from './codingFixtures';
import { createTheme, renameTheme, setThemeKeywords } from './coding';
import { savePrioritySaidDid, saveResponseText } from './saidDid';

const text = (n: number) => 'x'.repeat(n);

describe('theme limits', () => {
	it('name: 80 characters accepted, 81 refused, on creating and renaming', async () => {
		const { db, consultationId, actor } = await codingFixture();
		const made = await createTheme(db, consultationId, { name: text(80) }, actor);
		expect(made.ok).toBe(true);
		expect(await createTheme(db, consultationId, { name: `a${text(80)}` }, actor)).toEqual({
			ok: false,
			errors: { name: 'Theme name must be 80 characters or fewer' }
		});
		const id = made.ok ? made.id : 0;
		expect(await renameTheme(db, consultationId, id, `b${text(79)}`, actor)).toMatchObject({
			ok: true
		});
		expect(await renameTheme(db, consultationId, id, `b${text(80)}`, actor)).toMatchObject({
			ok: false
		});
	});

	it('description: 500 characters accepted, 501 refused', async () => {
		const { db, consultationId, actor } = await codingFixture();
		expect(
			(await createTheme(db, consultationId, { name: 'Transport', description: text(500) }, actor))
				.ok
		).toBe(true);
		expect(
			await createTheme(db, consultationId, { name: 'Waiting', description: text(501) }, actor)
		).toEqual({
			ok: false,
			errors: { description: 'Description must be 500 characters or fewer' }
		});
	});

	it('keywords: 1,000 characters accepted, 1,001 refused, on creating and on changing', async () => {
		const { db, consultationId, actor } = await codingFixture();
		const message = 'Keywords must be 1000 characters or fewer';
		const made = await createTheme(
			db,
			consultationId,
			{ name: 'Transport', keywords: text(1000) },
			actor
		);
		expect(made.ok).toBe(true);
		expect(
			await createTheme(db, consultationId, { name: 'Waiting', keywords: text(1001) }, actor)
		).toEqual({
			ok: false,
			errors: { keywords: message }
		});
		const id = made.ok ? made.id : 0;
		// Two keywords of 499 joined by ", " are 1,000 characters; of 500, 1,002.
		expect(
			await setThemeKeywords(db, consultationId, id, `${'a'.repeat(499)},${'b'.repeat(499)}`)
		).toEqual({
			ok: true
		});
		expect(await setThemeKeywords(db, consultationId, id, text(1001))).toMatchObject({ ok: false });
	});
});

describe('"You said, we did" limits', () => {
	it('each priority: 3,000 characters accepted, 3,001 refused', async () => {
		const f = await codingFixture();
		const save = async (youSaid: string, weDid: string) =>
			await savePrioritySaidDid(
				f.db,
				f.consultationId,
				f.priorityIds[0],
				{ youSaid, weDid },
				f.actor
			);
		expect(await save(text(3000), text(3000))).toEqual({ ok: true });
		expect(await save(text(3001), text(3000))).toEqual({
			ok: false,
			errors: { youSaid: 'What people said must be 3,000 characters or fewer' }
		});
		expect(await save(text(3000), text(3001))).toEqual({
			ok: false,
			errors: { weDid: 'What the council will do must be 3,000 characters or fewer' }
		});
	});

	it('introduction 5,000 and Easy Read summary 2,000 accepted, one more refused', async () => {
		const f = await codingFixture();
		const save = async (introduction: string, easyReadSummary: string) =>
			await saveResponseText(f.db, f.consultationId, { introduction, easyReadSummary }, f.actor);
		expect(await save(text(5000), text(2000))).toEqual({ ok: true });
		expect(await save(text(5001), text(2000))).toEqual({
			ok: false,
			errors: { introduction: 'Introduction must be 5,000 characters or fewer' }
		});
		expect(await save(text(5000), text(2001))).toEqual({
			ok: false,
			errors: { easyReadSummary: 'Easy Read summary must be 2,000 characters or fewer' }
		});
	});
});
