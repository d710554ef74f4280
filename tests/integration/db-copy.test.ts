// db:copy (src/lib/server/db/copy.ts) on a throw-away PostgreSQL. Here rather than beside it:
// it copies the demo, and the demo is a room above db.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db';
import { copySqliteToPostgres, tablesInCopyOrder } from '../../src/lib/server/db/copy';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { closeAtEnd, emptyDatabase, postgresAvailable } from '../../src/lib/server/db/pgFixtures';
import * as pgSchema from '../../src/lib/server/db/schema-pg';
import { consultation, staffUser } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/demo/seed';

describe('the copy order', () => {
	it('puts every table after the tables it refers to', () => {
		const order = tablesInCopyOrder().map((t) => t.name);
		expect(new Set(order).size).toBe(order.length);
		expect(order.indexOf('consultation')).toBeLessThan(order.indexOf('roadshow_session'));
		expect(order.indexOf('roadshow_session')).toBeLessThan(order.indexOf('booking'));
		expect(order.indexOf('response')).toBeLessThan(order.indexOf('answer'));
		expect(order.indexOf('answer')).toBeLessThan(order.indexOf('comment_theme'));
	});
});

describe.skipIf(!postgresAvailable)('copying an installation to PostgreSQL', () => {
	it('copies the demo whole, checked by counts, a sample and the running totals, new rows get fresh ids, and the triggers work again', async () => {
		const from = openDatabase(':memory:');
		await seedDemo(from, { password: 'a long demo password' });
		const to = closeAtEnd(await openPostgres(await emptyDatabase(), pgSchema));
		const report = await copySqliteToPostgres(from, to);
		const rows = Object.fromEntries(report.tables.map((t) => [t.name, t.rows]));
		expect(rows.response).toBeGreaterThanOrEqual(300);
		expect(rows.answer).toBeGreaterThan(rows.response);
		expect(report.sampled).toBeGreaterThan(100);
		expect(report.runningTotals).toBeGreaterThan(0);
		// The identity carries on after the copied ids.
		const [last] = await from
			.select({ id: consultation.id })
			.from(consultation)
			.orderBy(consultation.id);
		const next = await to.$client.query(
			`INSERT INTO consultation (slug, title, summary, contact_email, opens_on, closes_on, created_at, updated_at)
			 VALUES ('after-copy', 'After', '', 'a@example.org', '2027-01-01', '2027-02-01', now(), now()) RETURNING id`
		);
		expect(next.rows[0].id).toBeGreaterThan(last.id);
		const paused = await to.$client.query(
			"SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'"
		);
		expect(paused.rows[0].n).toBe(0);
	}, 120_000);

	it('refuses a database that already has data, and changes nothing in it', async () => {
		const from = openDatabase(':memory:');
		await seedDemo(from, { password: 'a long demo password' });
		const url = await emptyDatabase();
		const first = closeAtEnd(await openPostgres(url, pgSchema));
		await copySqliteToPostgres(from, first);
		const before = await first.$client.query('SELECT count(*)::int AS n FROM answer');
		await expect(copySqliteToPostgres(from, first)).rejects.toThrow(
			/already has data \(table \w+\): copy into an empty one/
		);
		expect((await first.$client.query('SELECT count(*)::int AS n FROM answer')).rows).toEqual(
			before.rows
		);
	}, 120_000);

	it('leaves the target empty when a row cannot be copied, naming the table', async () => {
		const from = openDatabase(':memory:');
		await seedDemo(from, { password: 'a long demo password' });
		// SQLite keeps a NUL character in text; PostgreSQL refuses it.
		await from.update(staffUser).set({ name: 'Jo\u0000Murphy' }).where(eq(staffUser.role, 'lead'));
		const url = await emptyDatabase();
		const to = closeAtEnd(await openPostgres(url, pgSchema));
		await expect(copySqliteToPostgres(from, to)).rejects.toThrow(/Could not copy staff_user/);
		const client = closeAtEnd(new pg.Pool({ connectionString: url }));
		for (const table of ['staff_user', 'consultation', 'response'])
			expect((await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(0);
	}, 120_000);
});
