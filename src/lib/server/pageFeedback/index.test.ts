import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';

import {
	addPageComments,
	COMMENT_WINDOW_MS,
	findPageAnswer,
	listPageComments,
	pageAnswerSchema,
	pageCommentSchema,
	pageFeedbackCsv,
	recordPageAnswer,
	summarisePageFeedback
} from './index';
import { readPeriodFilter } from './period';
import { openTestDatabase } from '../db/testDatabase';

const NOW = new Date('2026-06-10T12:00:00Z');

describe('pageAnswerSchema', () => {
	it('takes public paths and Yes or No only', () => {
		expect(
			pageAnswerSchema.safeParse({ path: '/consultations/send', helpful: 'yes' }).success
		).toBe(true);
		for (const bad of [
			{ path: '/staff/outbox', helpful: 'yes' },
			{ path: 'https://evil.example/', helpful: 'yes' },
			{ path: '/x?email=a@b.c', helpful: 'no' },
			{ path: '/' + 'a'.repeat(300), helpful: 'no' },
			{ path: '/', helpful: 'maybe' },
			{ path: ['/', '/'], helpful: 'yes' },
			{}
		]) {
			expect(pageAnswerSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
		}
	});
});

describe('answers and comments', () => {
	it('counts per page with the share of yes, and lets comments be added once within the hour', async () => {
		const db = await openTestDatabase();
		const tokens = await Promise.all(
			['yes', 'yes', 'no'].map(
				async (h) => await recordPageAnswer(db, { path: '/', helpful: h as 'yes' | 'no' }, NOW)
			)
		);
		await recordPageAnswer(db, { path: '/privacy', helpful: 'no' }, NOW);
		expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);

		const comment = pageCommentSchema.parse({ tryingToDo: 'Book', whatWentWrong: ' Full ' });
		expect(comment.whatWentWrong).toBe('Full');
		expect(await addPageComments(db, tokens[2], comment, NOW)).toBe(true);
		// A second tab or a resubmission does not overwrite.
		expect(
			await addPageComments(db, tokens[2], { tryingToDo: 'x', whatWentWrong: null }, NOW)
		).toBe(false);
		expect((await findPageAnswer(db, tokens[2], NOW)).state).toBe('commented');
		expect(
			(await findPageAnswer(db, tokens[1], new Date(NOW.getTime() + COMMENT_WINDOW_MS + 1))).state
		).toBe('expired');
		expect((await findPageAnswer(db, 'A'.repeat(22), NOW)).state).toBe('unknown');
		expect((await findPageAnswer(db, '../etc', NOW)).state).toBe('unknown');

		expect(await summarisePageFeedback(db)).toEqual([
			{ path: '/', answers: 3, yes: 2, no: 1, yesShare: 67, comments: 1 },
			{ path: '/privacy', answers: 1, yes: 0, no: 1, yesShare: 0, comments: 0 }
		]);
		const comments = await listPageComments(db, {}, '/');
		expect(comments.map((c) => c.whatWentWrong)).toEqual(['Full']);
	});

	it('filters by UK dates, the "to" day included', async () => {
		const db = await openTestDatabase();
		await recordPageAnswer(db, { path: '/', helpful: 'yes' }, new Date('2026-06-01T08:00:00Z'));
		// 11:30pm on 2 June in BST is 22:30 UTC: still 2 June for the council.
		await recordPageAnswer(db, { path: '/', helpful: 'no' }, new Date('2026-06-02T22:30:00Z'));
		await recordPageAnswer(db, { path: '/', helpful: 'no' }, new Date('2026-06-03T08:00:00Z'));
		const f = readPeriodFilter(
			new URLSearchParams('from-day=2&from-month=6&from-year=2026&to-day=2&to-month=6&to-year=2026')
		);
		expect(f.errors).toEqual({});
		expect((await summarisePageFeedback(db, f.period))[0]).toMatchObject({ answers: 1, no: 1 });
		const bad = readPeriodFilter(new URLSearchParams('from-day=31&from-month=2&from-year=2026'));
		expect(bad.errors['from-day']).toMatch(/real date/);
		const backwards = readPeriodFilter(
			new URLSearchParams('from-day=3&from-month=6&from-year=2026&to-day=1&to-month=6&to-year=2026')
		);
		expect(backwards.errors['to-day']).toMatch(/after/);
	});

	it('writes a CSV whose text cells cannot run as formulas', async () => {
		const db = await openTestDatabase();
		const t = await recordPageAnswer(db, { path: '/', helpful: 'no' }, NOW);
		await addPageComments(
			db,
			t,
			{ tryingToDo: '=HYPERLINK("x")', whatWentWrong: 'a, "b"\nc' },
			NOW
		);
		const rows = parse(await pageFeedbackCsv(db), { columns: true }) as Record<string, string>[];
		expect(rows).toHaveLength(1);
		expect(rows[0]['What they were trying to do']).toBe('\'=HYPERLINK("x")');
		expect(rows[0]['What went wrong']).toBe('a, "b"\nc');
		expect(rows[0].Helpful).toBe('No');
	});

	it('keeps a comment with a bare line break in one record, CR LF between records', async () => {
		const db = await openTestDatabase();
		const t = await recordPageAnswer(db, { path: '/', helpful: 'no' }, NOW);
		await addPageComments(
			db,
			t,
			{ tryingToDo: "first line\n=cmd|' /C calc'!A0", whatWentWrong: '' },
			NOW
		);
		const records = parse(await pageFeedbackCsv(db), { record_delimiter: '\r\n' }) as string[][];
		expect(records).toHaveLength(2);
		expect(records[1][3]).toBe("first line\n=cmd|' /C calc'!A0");
	});
});
