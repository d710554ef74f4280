// The dashboard's "responses per day" groups by UK calendar day in SQL. These check the SQL
// against format.ts (Intl's time zone database) on both sides of each clock change.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ukToday } from '../../format';
import { queryRows } from '../db';
import { instantParam, ukDaySql } from './sql';
import { openTestDatabase } from '../db/testDatabase';

const db = await openTestDatabase();

async function ukDayInSql(ms: number, minMs = ms, maxMs = ms): Promise<string> {
	const [row] = await queryRows<{ day: string }>(
		db,
		sql`SELECT ${ukDaySql(db, sql`t`, minMs, maxMs)} AS day FROM (SELECT ${instantParam(db, ms)} AS t) AS instant`
	);
	return row.day;
}

const at = (iso: string) => Date.parse(iso);

describe('ukDaySql', () => {
	it('puts 23:30 UTC on a summer day in the next UK day, and on a winter day in the same one', async () => {
		expect(await ukDayInSql(at('2026-06-01T23:30:00Z'))).toBe('2026-06-02');
		expect(await ukDayInSql(at('2026-06-01T22:59:59Z'))).toBe('2026-06-01');
		expect(await ukDayInSql(at('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
	});

	it('changes at 01:00 UTC on the last Sunday of March (29 March 2026)', async () => {
		// Before the change 23:30 UTC is still the same day; after it, the next.
		expect(await ukDayInSql(at('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
		expect(await ukDayInSql(at('2026-03-29T00:59:00Z'))).toBe('2026-03-29');
		expect(await ukDayInSql(at('2026-03-29T23:00:00Z'))).toBe('2026-03-30');
		expect(await ukDayInSql(at('2026-03-29T22:59:00Z'))).toBe('2026-03-29');
	});

	it('changes back at 01:00 UTC on the last Sunday of October (25 October 2026)', async () => {
		expect(await ukDayInSql(at('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
		expect(await ukDayInSql(at('2026-10-25T00:30:00Z'))).toBe('2026-10-25');
		expect(await ukDayInSql(at('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
		expect(await ukDayInSql(at('2026-10-26T00:30:00Z'))).toBe('2026-10-26');
	});

	it('follows the rule in other years, whose last Sundays fall on other dates (2027: 28 March, 31 October)', async () => {
		expect(await ukDayInSql(at('2027-03-27T23:30:00Z'))).toBe('2027-03-27');
		expect(await ukDayInSql(at('2027-03-28T23:30:00Z'))).toBe('2027-03-29');
		expect(await ukDayInSql(at('2027-10-30T23:30:00Z'))).toBe('2027-10-31');
		expect(await ukDayInSql(at('2027-10-31T23:30:00Z'))).toBe('2027-10-31');
	});

	it('agrees with format.ts for any instant, across a range of several years', async () => {
		const min = at('2024-01-01T00:00:00Z');
		const max = at('2030-12-31T23:59:59Z');
		await fc.assert(
			fc.asyncProperty(fc.integer({ min, max }), async (ms) => {
				expect(await ukDayInSql(ms, min, max)).toBe(ukToday(new Date(ms)));
			}),
			{ numRuns: 2000 }
		);
		// And within an hour of every clock change in those years.
		for (let y = 2024; y <= 2030; y++)
			for (const month of [2, 9]) {
				const lastSunday = new Date(Date.UTC(y, month + 1, 0, 1));
				lastSunday.setUTCDate(lastSunday.getUTCDate() - lastSunday.getUTCDay());
				for (let m = -90; m <= 90; m += 15) {
					for (const h of [0, 22, 23]) {
						const ms = Date.UTC(y, month, lastSunday.getUTCDate() + (h ? -1 : 0), h) + m * 60_000;
						expect(await ukDayInSql(ms, min, max), new Date(ms).toISOString()).toBe(
							ukToday(new Date(ms))
						);
					}
				}
			}
	});
});
