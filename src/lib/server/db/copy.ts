// Moving an installation from its SQLite file to PostgreSQL (npm run db:copy): every table in an
// order that keeps references valid, in one PostgreSQL transaction (a failure leaves the target
// empty), the running totals copied as they are with the triggers that keep them paused (row by
// row they would cost minutes per million answers), then checked: the same row count in every
// table, a sample of records the same field by field, and the running totals the same.
import { and, asc, eq, getTableName, gt, is, sql, type Column, type SQL } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { isDeepStrictEqual } from 'node:util';
import type { SqliteHandle } from './sqlite';
import type { PgHandle } from './postgres';
import { engineOf } from './engine';
import * as sqliteSchema from './schema-sqlite';
import * as pgSchema from './schema-pg';

/** Kept by triggers on both engines: copied, then compared whole. */
const RUNNING_TOTALS = new Set(['response_tally', 'answer_tally', 'theme_tally']);
const BATCH_ROWS = 500;
const SAMPLE_ROWS = 25;

type TablePair = { name: string; from: SQLiteTable; to: PgTable };
export type CopyReport = {
	tables: { name: string; rows: number }[];
	sampled: number;
	runningTotals: number;
};

/** Every table, parents before the tables that refer to them. */
export function tablesInCopyOrder(): TablePair[] {
	const byName = new Map<string, TablePair>();
	for (const [key, to] of Object.entries(pgSchema)) {
		if (!is(to, PgTable)) continue;
		const from = (sqliteSchema as Record<string, unknown>)[key] as SQLiteTable;
		byName.set(getTableName(to), { name: getTableName(to), from, to });
	}
	const ordered: TablePair[] = [];
	const placed = new Set<string>();
	const visit = (name: string, path: string[]) => {
		if (placed.has(name)) return;
		if (path.includes(name))
			throw new Error(`References go round in a circle: ${path.join(' -> ')}`);
		const pair = byName.get(name)!;
		for (const fk of pgConfig(pair.to).foreignKeys) {
			const parent = getTableName(fk.reference().foreignTable);
			if (parent !== name) visit(parent, [...path, name]);
		}
		placed.add(name);
		ordered.push(pair);
	};
	for (const name of [...byName.keys()].sort()) visit(name, []);
	return ordered;
}

const primaryKey = (table: SQLiteTable): Column[] => {
	const config = sqliteConfig(table);
	const single = config.columns.filter((c) => c.primary);
	return single.length ? single : (config.primaryKeys[0]?.columns ?? config.columns);
};

const keyOf = (table: SQLiteTable) => primaryKey(table).map((c) => fieldName(table, c));

function fieldName(table: SQLiteTable, column: Column): string {
	const entry = Object.entries(table).find(([, c]) => c === column);
	return entry![0];
}

const countRows = async (db: SqliteHandle | PgHandle, table: SQLiteTable | PgTable) =>
	Number(
		(await (db as SqliteHandle).select({ n: sql<number>`count(*)` }).from(table as SQLiteTable))[0]
			.n
	);

async function refuseNonEmpty(to: PgHandle, pairs: TablePair[]): Promise<void> {
	for (const pair of pairs)
		if ((await countRows(to, pair.to)) > 0)
			throw new Error(
				`The PostgreSQL database already has data (table ${pair.name}): copy into an empty one.`
			);
}

/** Identity columns carry on from the copied ids, so the next new row gets a fresh one. */
async function moveIdentitiesOn(tx: PgHandle, pairs: TablePair[]): Promise<void> {
	for (const { name, to } of pairs)
		for (const column of pgConfig(to).columns)
			if (column.generatedIdentity)
				await tx.execute(
					sql`SELECT setval(pg_get_serial_sequence(${name}, ${column.name}), coalesce(max(${sql.identifier(column.name)}), 0) + 1, false) FROM ${sql.identifier(name)}`
				);
}

/**
 * A table's rows in primary-key order, BATCH_ROWS at a time: after the last key seen when the key
 * is one column (a million answers stay one pass), by offset for the few composite keys.
 */
async function* batchesOf(db: SqliteHandle, table: SQLiteTable) {
	const key = primaryKey(table);
	const order = key.map((c) => asc(c));
	let last: unknown = undefined;
	for (let offset = 0; ; offset += BATCH_ROWS) {
		const query = db.select().from(table);
		const batch =
			key.length === 1
				? await query
						.where(last === undefined ? undefined : gt(key[0], last))
						.orderBy(...order)
						.limit(BATCH_ROWS)
				: await query
						.orderBy(...order)
						.limit(BATCH_ROWS)
						.offset(offset);
		if (batch.length === 0) return;
		last = batch.at(-1)![fieldName(table, key[0])];
		yield batch;
	}
}

/** Copies every row of `from` into the empty PostgreSQL database `to`, then checks the copy. */
export async function copySqliteToPostgres(from: SqliteHandle, to: PgHandle): Promise<CopyReport> {
	const pairs = tablesInCopyOrder();
	await refuseNonEmpty(to, pairs);
	const copied: CopyReport['tables'] = [];
	await engineOf(to).write(async (tx: PgHandle) => {
		// Only the app's own triggers (the running totals'); foreign keys are still checked.
		for (const { name } of pairs)
			await tx.execute(sql`ALTER TABLE ${sql.identifier(name)} DISABLE TRIGGER USER`);
		for (const pair of pairs) {
			let rows = 0;
			for await (const batch of batchesOf(from, pair.from)) {
				try {
					await tx.insert(pair.to).values(batch);
				} catch (error) {
					throw new Error(
						`Could not copy ${pair.name} (rows ${rows + 1} to ${rows + batch.length}): ${pgMessage(error)}`
					);
				}
				rows += batch.length;
			}
			copied.push({ name: pair.name, rows });
		}
		// The checks deferred to commit run now: a table with pending checks cannot be altered.
		await tx.execute(sql`SET CONSTRAINTS ALL IMMEDIATE`);
		for (const { name } of pairs)
			await tx.execute(sql`ALTER TABLE ${sql.identifier(name)} ENABLE TRIGGER USER`);
		await moveIdentitiesOn(tx, pairs);
	});
	return { tables: copied, ...(await checkCopy(from, to, pairs)) };
}

function pgMessage(error: unknown): string {
	const cause = (error as { cause?: { message?: string } }).cause;
	return cause?.message ?? (error as Error).message;
}

/** Counts, a sample of rows field by field, and the running totals. Throws on a difference. */
async function checkCopy(
	from: SqliteHandle,
	to: PgHandle,
	pairs: TablePair[]
): Promise<{ sampled: number; runningTotals: number }> {
	let sampled = 0;
	let runningTotals = 0;
	for (const pair of pairs) {
		if (RUNNING_TOTALS.has(pair.name)) {
			runningTotals += await compareRunningTotals(from, to, pair);
			continue;
		}
		const [source, target] = [await countRows(from, pair.from), await countRows(to, pair.to)];
		if (source !== target)
			throw new Error(`${pair.name}: ${source} rows in SQLite but ${target} in PostgreSQL.`);
		const key = keyOf(pair.from);
		// The first rows, the last and some between.
		const step = Math.max(1, Math.floor(source / SAMPLE_ROWS));
		for (let offset = 0; offset < source; offset += step) {
			const [row] = await from
				.select()
				.from(pair.from)
				.orderBy(...primaryKey(pair.from).map((c) => asc(c)))
				.limit(1)
				.offset(offset);
			const where = and(
				...key.map((k) => eq((pair.to as unknown as Record<string, Column>)[k], row[k]))
			) as SQL;
			const [copy] = await (to as unknown as SqliteHandle)
				.select()
				.from(pair.to as unknown as SQLiteTable)
				.where(where);
			if (!isDeepStrictEqual(comparable(row), comparable(copy)))
				throw new Error(
					`${pair.name}: the row ${JSON.stringify(key.map((k) => row[k]))} differs in PostgreSQL.`
				);
			sampled++;
		}
	}
	return { sampled, runningTotals };
}

/** The same value on either engine: dates as milliseconds, bytes as base64. */
function comparable(row: Record<string, unknown> | undefined): unknown {
	if (!row) return row;
	return Object.fromEntries(
		Object.entries(row).map(([k, v]) => [
			k,
			v instanceof Date ? v.getTime() : Buffer.isBuffer(v) ? v.toString('base64') : v
		])
	);
}

/** Every total that counts something (n above 0) the same on both. */
async function compareRunningTotals(
	from: SqliteHandle,
	to: PgHandle,
	pair: TablePair
): Promise<number> {
	const counted = async (db: SqliteHandle, table: SQLiteTable) => {
		const rows = await db.select().from(table);
		return rows
			.filter((r) => Number(r.n) > 0)
			.map((r) => JSON.stringify(Object.entries(r).sort()))
			.sort();
	};
	const [source, target] = [
		await counted(from, pair.from),
		await counted(to as unknown as SqliteHandle, pair.to as unknown as SQLiteTable)
	];
	if (!isDeepStrictEqual(source, target))
		throw new Error(`${pair.name}: the running totals PostgreSQL built differ from SQLite's.`);
	return source.length;
}
