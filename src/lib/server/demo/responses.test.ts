import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { firstRow, queryRows, type Db } from '../db';
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

	// PostgreSQL's bulk load pauses the running totals' triggers and counts the totals afresh.
	it.skipIf(testEngine !== 'postgres')(
		'leave the running totals equal to a count of the rows on PostgreSQL, triggers on again',
		async () => {
			const db = await openTestDatabase();
			const now = new Date('2026-11-23T10:00:00Z');
			await seedDemo(db, { now, password: 'a demo password' });
			const { id } = firstRow(
				await db
					.select({ id: consultation.id })
					.from(consultation)
					.where(eq(consultation.slug, 'send-partnership-strategy'))
			)!;
			await generateLargeDataSet(db, id, {
				count: 500,
				now,
				days: 30,
				tagRate: 0.3,
				themeIds: await ensureDemoThemes(db, id, now)
			});
			const differing = async (kept: string, recount: string) =>
				firstRow(
					await queryRows<{ n: number }>(
						db,
						sql.raw(
							`SELECT ((SELECT count(*) FROM (${kept} EXCEPT ${recount}) k) + (SELECT count(*) FROM (${recount} EXCEPT ${kept}) r))::int AS n`
						)
					)
				)!.n;
			expect(
				await differing(
					`SELECT consultation_id, audience, channel, session_key, hour, n FROM response_tally WHERE n <> 0`,
					`SELECT consultation_id, audience, channel, coalesce(roadshow_session_id, 0), tally_hour(submitted_at), count(*) FROM response WHERE status = 'submitted' GROUP BY 1, 2, 3, 4, 5`
				)
			).toBe(0);
			expect(
				await differing(
					`SELECT question_id, value, channel, session_key, n FROM answer_tally WHERE n <> 0`,
					`SELECT a.question_id, coalesce(a.value, ''), r.channel, coalesce(r.roadshow_session_id, 0), count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4`
				)
			).toBe(0);
			expect(
				await differing(
					`SELECT question_id, theme_id, channel, session_key, n FROM theme_tally WHERE n <> 0`,
					`SELECT a.question_id, ct.theme_id, r.channel, coalesce(r.roadshow_session_id, 0), count(*) FROM comment_theme ct JOIN answer a ON a.id = ct.answer_id JOIN response r ON r.id = a.response_id WHERE r.status = 'submitted' GROUP BY 1, 2, 3, 4`
				)
			).toBe(0);
			const paused = await queryRows<{ tgname: string }>(
				db,
				sql`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`
			);
			expect(paused).toEqual([]);
			// The totals are nonzero: a recount of nothing would match an empty tally too.
			const [{ n }] = await queryRows<{ n: number }>(
				db,
				sql`SELECT coalesce(sum(n), 0)::int AS n FROM response_tally`
			);
			expect(n).toBe(800);
		}
	);
});
