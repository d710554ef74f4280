import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import {
	changedRows,
	firstRow,
	onlyRow,
	openDatabase,
	withReadSnapshot,
	withWriteTransaction,
	type Db
} from '.';
import { staffUser } from './schema-sqlite';

const now = new Date('2026-12-01T10:00:00Z');
const addStaff = (db: Db, email: string) =>
	db.insert(staffUser).values({
		email,
		name: email,
		role: 'lead',
		passwordHash: 'x',
		createdAt: now,
		updatedAt: now
	});
const staffCount = async (db: Db) =>
	onlyRow(await db.select({ n: sql<number>`count(*)` }).from(staffUser)).n;
/** A real turn of the event loop, as a request's other work would give. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('withWriteTransaction', () => {
	it('commits when the work resolves and undoes all of it when it throws', async () => {
		const db = openDatabase(':memory:');
		await withWriteTransaction(db, async (tx) => {
			await addStaff(tx, 'kept@example.org');
		});
		await expect(
			withWriteTransaction(db, async (tx) => {
				await addStaff(tx, 'first@example.org');
				await tick();
				await addStaff(tx, 'second@example.org');
				throw new Error('the second step failed');
			})
		).rejects.toThrow('the second step failed');
		expect(await db.select({ email: staffUser.email }).from(staffUser)).toEqual([
			{ email: 'kept@example.org' }
		]);
	});

	it('refuses the outer handle inside its own transaction, and writes nothing', async () => {
		const db = openDatabase(':memory:');
		await expect(
			withWriteTransaction(db, async (tx) => {
				await addStaff(tx, 'inside@example.org');
				await addStaff(db, 'outer@example.org');
			})
		).rejects.toThrow('pass tx down');
		await expect(
			withWriteTransaction(db, async () => {
				await withWriteTransaction(db, async () => {});
			})
		).rejects.toThrow('pass tx down');
		expect(await staffCount(db)).toBe(0);
		// Outside any transaction the outer handle works as ever.
		await addStaff(db, 'after@example.org');
		expect(await staffCount(db)).toBe(1);
	});

	it('runs transactions one at a time, so a read then a write never loses an update', async () => {
		const db = openDatabase(':memory:');
		await addStaff(db, 'counter@example.org');
		// Each reads the name, waits a turn of the event loop, and writes it back one longer.
		await Promise.all(
			Array.from({ length: 50 }, () =>
				withWriteTransaction(db, async (tx) => {
					const { name } = onlyRow(await tx.select({ name: staffUser.name }).from(staffUser));
					await tick();
					await tx.update(staffUser).set({ name: `${name}+` });
				})
			)
		);
		const { name } = onlyRow(await db.select({ name: staffUser.name }).from(staffUser));
		expect(name).toBe('counter@example.org' + '+'.repeat(50));
	});

	it('nests as a savepoint: a failed inner transaction is undone alone', async () => {
		const db = openDatabase(':memory:');
		await withWriteTransaction(db, async (tx) => {
			await addStaff(tx, 'outer@example.org');
			await withWriteTransaction(tx, async (inner) => {
				await addStaff(inner, 'inner-kept@example.org');
			});
			await withWriteTransaction(tx, async (inner) => {
				await addStaff(inner, 'inner-undone@example.org');
				throw new Error('inner failed');
			}).catch(() => undefined);
		});
		const emails = (await db.select({ email: staffUser.email }).from(staffUser)).map(
			(r) => r.email
		);
		expect(emails.sort()).toEqual(['inner-kept@example.org', 'outer@example.org']);
	});

	it('refuses two nested transactions at once rather than mixing their savepoints', async () => {
		const db = openDatabase(':memory:');
		await expect(
			withWriteTransaction(db, async (tx) => {
				await Promise.all(
					['a', 'b'].map((n) =>
						withWriteTransaction(tx, async (inner) => {
							await addStaff(inner, `${n}@example.org`);
							await tick();
						})
					)
				);
			})
		).rejects.toThrow('one after another');
		expect(await staffCount(db)).toBe(0);
	});

	it('queues two connections to one file in the same process instead of freezing the event loop', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'coproduce-tx-'));
		try {
			const a = openDatabase(join(dir, 'db.sqlite'));
			const b = openDatabase(join(dir, 'db.sqlite'));
			const started = Date.now();
			await Promise.all(
				Array.from({ length: 20 }, (_, i) =>
					withWriteTransaction(i % 2 ? a : b, async (tx) => {
						await addStaff(tx, `p${i}@example.org`);
						await tick();
					})
				)
			);
			// Without the shared queue the second connection waits out busy_timeout (5 s) and fails.
			expect(Date.now() - started).toBeLessThan(4000);
			expect(await staffCount(a)).toBe(20);
			a.$client.close();
			b.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('withReadSnapshot', () => {
	it('reads every figure from one snapshot while another connection writes', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'coproduce-snap-'));
		try {
			const writer = openDatabase(join(dir, 'db.sqlite'));
			await addStaff(writer, 'one@example.org');
			const reader = openDatabase(join(dir, 'db.sqlite'));
			const counts = await withReadSnapshot(reader, async (tx) => {
				const before = await staffCount(tx);
				// A write from another connection, as another process would make it.
				writer.$client
					.prepare(
						"INSERT INTO staff_user (email, name, role, password_hash, created_at, updated_at) VALUES ('two@example.org', 'two', 'lead', 'x', 0, 0)"
					)
					.run();
				return [before, await staffCount(tx)];
			});
			expect(counts).toEqual([1, 1]);
			expect(await staffCount(reader)).toBe(2);
			writer.$client.close();
			reader.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('result helpers', () => {
	it('give the first row, exactly one row, and the rows changed', async () => {
		const db = openDatabase(':memory:');
		expect(firstRow(await db.select().from(staffUser))).toBeUndefined();
		expect(() => onlyRow([])).toThrow('returned 0');
		expect(() => onlyRow([1, 2])).toThrow('returned 2');
		await addStaff(db, 'a@example.org');
		await addStaff(db, 'b@example.org');
		expect(
			changedRows(await db.update(staffUser).set({ name: 'x' }).where(eq(staffUser.role, 'lead')))
		).toBe(2);
		expect(changedRows({ rowCount: 3 })).toBe(3);
		expect(changedRows({ rowCount: null })).toBe(0);
	});
});
