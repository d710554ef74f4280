import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asc, count, eq, isNotNull } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { firstRow, type Db } from '../db';
import {
	answer,
	booking,
	commentTheme,
	consultation,
	response,
	roadshowNote,
	roadshowNotePriority,
	staffUser,
	theme
} from '../db/schema';
import { seedDemo } from './seed';
import { ensureDemoThemes, generateLargeDataSet } from './responses';
import { openTestDatabase, testEngine } from '../db/testDatabase';

// SQLite's own: connections to one file, or its triggers and SQL; PostgreSQL's equivalents
// are in db/postgres.test.ts and the limits and db-copy tests.
const sqliteOnly = testEngine === 'postgres';

/** Row counts and a digest of every generated row, ids included (tags point at answer ids). */
async function generated(db: Db) {
	const n = async (table: SQLiteTable) => firstRow(await db.select({ n: count() }).from(table))!.n;
	const digest = createHash('sha256');
	for (const table of [response, answer, commentTheme, theme, roadshowNote, roadshowNotePriority])
		digest.update(JSON.stringify(await db.select().from(table)));
	const attended = firstRow(
		await db.select({ n: count() }).from(booking).where(isNotNull(booking.attendedAt))
	)!.n;
	return {
		response: await n(response),
		answer: await n(answer),
		commentTheme: await n(commentTheme),
		theme: await n(theme),
		roadshowNote: await n(roadshowNote),
		roadshowNotePriority: await n(roadshowNotePriority),
		attended,
		digest: digest.digest('hex')
	};
}

// Pins the generator's output, so a change in how it writes cannot change what it writes.
describe('the generated responses', () => {
	it.skipIf(sqliteOnly)(
		'are the same rows every time: the demo, then a benchmark set on top',
		async () => {
			const db = await openTestDatabase();
			const now = new Date('2026-11-23T10:00:00Z');
			await seedDemo(db, { now, password: 'a demo password' });
			const demo = await generated(db);
			expect(demo).toEqual({
				response: 300,
				answer: 3933,
				commentTheme: 462,
				theme: 8,
				roadshowNote: 18,
				roadshowNotePriority: 18,
				attended: 11,
				digest: '4646e288c3f1cb21090e4ea9a45ce0204c3c1a5c7369e5b4c3b2396e58245e38'
			});

			const { id } = firstRow(
				await db
					.select({ id: consultation.id })
					.from(consultation)
					.where(eq(consultation.slug, 'send-partnership-strategy'))
			)!;
			const lead = firstRow(
				await db
					.select({ id: staffUser.id })
					.from(staffUser)
					.where(eq(staffUser.role, 'lead'))
					.orderBy(asc(staffUser.id))
			)!;
			const made = await generateLargeDataSet(db, id, {
				count: 2500,
				now,
				days: 30,
				seed: 1,
				tagRate: 0.3,
				themeIds: await ensureDemoThemes(db, id, now),
				staffUserId: lead.id
			});
			expect(made).toEqual({ responses: 2500, answers: 32592, comments: 6133, tags: 1816 });
			expect(await generated(db)).toEqual({
				response: 2800,
				answer: 36525,
				commentTheme: 2278,
				theme: 8,
				roadshowNote: 18,
				roadshowNotePriority: 18,
				attended: 11,
				digest: '1e5e242f8a0615954f0e389b8e4e14609ccd4fda3d67e41eb77ee3c59bf21d43'
			});
		}
	);
});
