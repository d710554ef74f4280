// The PostgreSQL engine against a real server (pgFixtures.ts), skipped without one.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable } from 'drizzle-orm/pg-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAtEnd, emptyDatabase, postgresAvailable } from './pgFixtures';
import { engineOf } from './engine';
import { closeDatabase, openDatabase, type Db } from '.';
import * as pgSchema from './schema-pg';
import { handleForPool, isRetryable, openPostgres, withRetries, type PgHandle } from './postgres';

const counter = pgTable('counter', { id: integer('id').primaryKey(), n: integer('n').notNull() });
const available = postgresAvailable;

/** A fresh database holding one counter row at 0. */
async function freshDatabase(): Promise<{ url: string; db: PgHandle }> {
	const url = await emptyDatabase();
	const pool = closeAtEnd(new pg.Pool({ connectionString: url, max: 10 }));
	await pool.query('CREATE TABLE counter (id integer PRIMARY KEY, n integer NOT NULL)');
	await pool.query('INSERT INTO counter VALUES (1, 0)');
	return { url, db: handleForPool(pool, { counter }) };
}

const read = async (db: PgHandle) =>
	(await db.select().from(counter).where(eq(counter.id, 1)))[0].n;

describe.skipIf(!available)('PostgreSQL write transactions', () => {
	it('commit when the work resolves and undo all of it when it throws', async () => {
		const { db } = await freshDatabase();
		const { write } = engineOf(db);
		await write(async (tx) => {
			await tx.update(counter).set({ n: 1 });
		});
		await expect(
			write(async (tx) => {
				await tx.update(counter).set({ n: 2 });
				throw new Error('the second step failed');
			})
		).rejects.toThrow('the second step failed');
		expect(await read(db)).toBe(1);
	});

	it('refuse the outer handle inside its own transaction', async () => {
		const { db } = await freshDatabase();
		await expect(
			engineOf(db).write(async (tx) => {
				await tx.update(counter).set({ n: 5 });
				await db.update(counter).set({ n: 6 });
			})
		).rejects.toThrow('pass tx down');
		await expect(engineOf(db).write(async () => engineOf(db).write(async () => 1))).rejects.toThrow(
			'pass tx down'
		);
		expect(await read(db)).toBe(0);
	});

	it('keep an exact count under 60 parallel read-then-writes with the row lock, and lose some without it', async () => {
		const { db } = await freshDatabase();
		const bump = (lock: boolean) =>
			engineOf(db).write(async (tx) => {
				const base = tx.select().from(counter).where(eq(counter.id, 1));
				const [{ n }] = await (lock ? base.for('update') : base);
				await tx.update(counter).set({ n: n + 1 });
			});
		await Promise.all(Array.from({ length: 60 }, () => bump(true)));
		expect(await read(db)).toBe(60);
		await Promise.all(Array.from({ length: 60 }, () => bump(false)));
		// Without FOR UPDATE, READ COMMITTED lets parallel transactions read the same n.
		expect(await read(db)).toBeLessThan(120);
	});

	it('nest as a savepoint: a failed inner transaction is undone alone', async () => {
		const { db } = await freshDatabase();
		await engineOf(db).write(async (tx) => {
			await tx.update(counter).set({ n: sql`${counter.n} + 1` });
			await engineOf(tx)
				.write(async (inner) => {
					await inner.update(counter).set({ n: sql`${counter.n} + 10` });
					throw new Error('inner failed');
				})
				.catch(() => undefined);
			await engineOf(tx).write(async (inner) => {
				await inner.update(counter).set({ n: sql`${counter.n} + 100` });
			});
		});
		expect(await read(db)).toBe(101);
	});

	it('read one snapshot while another connection commits', async () => {
		const { db, url } = await freshDatabase();
		const other = new pg.Client(url);
		await other.connect();
		const seen = await engineOf(db).snapshot(async (tx) => {
			const before = await read(tx as unknown as PgHandle);
			await other.query('UPDATE counter SET n = 7');
			return [before, await read(tx as unknown as PgHandle)];
		});
		await other.end();
		expect(seen).toEqual([0, 0]);
		expect(await read(db)).toBe(7);
	});

	it('retry a transaction PostgreSQL gave up on, and run it once when it succeeds', async () => {
		const { db } = await freshDatabase();
		// Two SERIALIZABLE transactions that each read then write the same row: one must fail
		// with 40001 and, retried, succeed, so both increments land.
		const pool = db.$client;
		const attempts = { n: 0 };
		const increment = () =>
			withRetries(async () => {
				attempts.n++;
				const client = await pool.connect();
				try {
					await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
					const { rows } = await client.query('SELECT n FROM counter WHERE id = 1');
					await new Promise((r) => setTimeout(r, 50));
					await client.query('UPDATE counter SET n = $1 WHERE id = 1', [rows[0].n + 1]);
					await client.query('COMMIT');
				} catch (error) {
					await client.query('ROLLBACK');
					throw error;
				} finally {
					client.release();
				}
			});
		await Promise.all([increment(), increment()]);
		expect(await read(db)).toBe(2);
		expect(attempts.n).toBeGreaterThan(2);
	});
});

describe.skipIf(!available)('opening PostgreSQL', () => {
	it('applies drizzle/pg, again without change, and its triggers keep the running totals', async () => {
		const url = await emptyDatabase();
		const db = closeAtEnd(await openPostgres(url, pgSchema));
		closeAtEnd(await openPostgres(url, pgSchema));
		const { rows } = await db.$client.query(
			'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations'
		);
		const journal = JSON.parse(
			readFileSync(new URL('../../../../drizzle/pg/meta/_journal.json', import.meta.url), 'utf8')
		) as { entries: unknown[] };
		expect(rows[0].n).toBe(journal.entries.length);
		// One session: the scenario's temporary view and functions live in it.
		const client = await db.$client.connect();
		try {
			await client.query(
				readFileSync(new URL('./pgChecks/tallyScenario.sql', import.meta.url), 'utf8')
			);
		} finally {
			client.release();
		}
	});

	it('stops with one plain message naming DATABASE_URL when the server does not answer', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'coproduce-nomig-'));
		try {
			await expect(openPostgres('postgres://app:secret@127.0.0.1:1/none', {}, dir)).rejects.toThrow(
				/^DATABASE_URL: PostgreSQL at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/none did not answer/
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('retries', () => {
	const failing = (code: string) => Object.assign(new Error('wrapped'), { cause: { code } });

	it('are for serialisation failures, deadlocks and lock time-outs only', () => {
		expect(isRetryable(failing('40001'))).toBe(true);
		expect(isRetryable(failing('40P01'))).toBe(true);
		expect(isRetryable(failing('55P03'))).toBe(true);
		expect(isRetryable(failing('23505'))).toBe(false);
		expect(isRetryable(new Error('plain'))).toBe(false);
	});

	it('give up after a bounded number of attempts', async () => {
		let calls = 0;
		await expect(
			withRetries(async () => {
				calls++;
				throw failing('40001');
			}, 3)
		).rejects.toThrow('wrapped');
		expect(calls).toBe(3);
		calls = 0;
		await expect(
			withRetries(async () => {
				calls++;
				throw failing('23505');
			})
		).rejects.toThrow('wrapped');
		expect(calls).toBe(1);
	});
});

describe('closeDatabase', () => {
	it('closes a SQLite file', async () => {
		const db = openDatabase(':memory:');
		await closeDatabase(db);
		expect(db.$client.open).toBe(false);
	});

	it.skipIf(!available)('ends a PostgreSQL pool', async () => {
		const db = await openPostgres(await emptyDatabase(), pgSchema);
		await closeDatabase(db as unknown as Db);
		expect(db.$client.ended).toBe(true);
	});
});
