// The SQLite schema (./schema) and its PostgreSQL twin (./schema-pg) describe one database: the
// same tables, columns, keys, indexes, foreign keys and checks, and the same row types, so code
// typed against one runs on the other. A change to one schema without the other fails here (at
// run time, naming the table and column), or in svelte-check (the row types, at the bottom).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTableName, is, SQL, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import {
	getTableConfig as sqliteConfig,
	SQLiteSyncDialect,
	SQLiteTable
} from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgConfig, PgDialect, PgTable } from 'drizzle-orm/pg-core';
import * as sqlite from './schema-sqlite';
import * as pg from './schema-pg';

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

/**
 * Checks written differently on purpose, because the SQLite SQL is not PostgreSQL's: name → the
 * [SQLite, PostgreSQL] text of each. Every other check (and every partial index's WHERE) must read
 * the same on both.
 */
const TRANSLATED_CHECKS: Record<string, [string, string]> = {
	consultation_opens_on_check: [
		`"consultation"."opens_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`,
		`"consultation"."opens_on" ~ '^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]$'`
	],
	consultation_closes_on_check: [
		`"consultation"."closes_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`,
		`"consultation"."closes_on" ~ '^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]$'`
	],
	// SQLite stores a boolean as 0 or 1.
	liaison_referral_agreed_check: [
		`"liaison_referral"."parent_agreed" = 1`,
		`"liaison_referral"."parent_agreed" = true`
	]
};

/** Each SQLite column type and the PostgreSQL types that hold the same values. */
const TYPE_TWINS: Record<string, string[]> = {
	SQLiteInteger: ['PgInteger', 'PgBigInt53'],
	SQLiteText: ['PgText'],
	SQLiteTextJson: ['PgJsonb'],
	SQLiteBoolean: ['PgBoolean'],
	SQLiteTimestamp: ['PgTimestamp'],
	SQLiteBlobBuffer: ['PgCustomColumn']
};

/** Integer columns that hold epoch milliseconds (beyond 2^31), so bigint on PostgreSQL. */
const BIGINT_COLUMNS = ['rate_limit.expire'];

const sqliteTables = new Map(
	Object.entries(sqlite).flatMap(([name, value]) => (is(value, SQLiteTable) ? [[name, value]] : []))
);
const pgTables = new Map(
	Object.entries(pg).flatMap(([name, value]) => (is(value, PgTable) ? [[name, value]] : []))
);

const sqliteText = (value: SQL) => sqliteDialect.sqlToQuery(value).sql;
const pgText = (value: SQL) => pgDialect.sqlToQuery(value).sql;

/** A default as something comparable on both engines: its JS value, or that it is SQL. */
function describeDefault(column: { hasDefault: boolean; default: unknown; defaultFn?: unknown }) {
	if (column.defaultFn) return 'a $defaultFn';
	if (is(column.default, SQL)) return 'an SQL default';
	return column.hasDefault ? JSON.stringify(column.default) : 'none';
}

/**
 * SQLite's `integer().primaryKey()` without AUTOINCREMENT is the rowid, which SQLite fills when
 * it is left out, so drizzle counts it as having a default. consultation_response's key is one,
 * and a foreign key too: the row is always written with its consultation's id, so PostgreSQL's
 * plain key (no default) means the same. drizzle's insert type makes it optional on SQLite only.
 */
const isRowidWithoutAutoincrement = (column: {
	columnType: string;
	primary: boolean;
	hasDefault: boolean;
	default: unknown;
}) =>
	column.columnType === 'SQLiteInteger' &&
	column.primary &&
	!('autoIncrement' in column && column.autoIncrement) &&
	column.hasDefault &&
	column.default === undefined;
const ROWID_KEYS = ['consultation_response.consultation_id'];

type Index = { name: string; columns: string[]; unique: boolean; where: string | null };

const byName = <T extends { name: string }>(list: T[]) =>
	[...list].sort((a, b) => a.name.localeCompare(b.name));

function sqliteShape(table: SQLiteTable) {
	const c = sqliteConfig(table);
	const indexes: Index[] = [
		...c.indexes.map((i) => ({
			name: i.config.name,
			columns: i.config.columns.map((col) => (is(col, SQL) ? sqliteText(col) : col.name)),
			unique: i.config.unique,
			where: i.config.where ? sqliteText(i.config.where) : null
		})),
		...c.uniqueConstraints.map((u) => ({
			name: u.getName() ?? '(unnamed)',
			columns: u.columns.map((col) => col.name),
			unique: true,
			where: null
		}))
	];
	return {
		name: c.name,
		columns: c.columns,
		primaryKey: c.primaryKeys.length
			? c.primaryKeys.flatMap((k) => k.columns.map((col) => col.name))
			: c.columns.filter((col) => col.primary).map((col) => col.name),
		indexes: byName(indexes),
		foreignKeys: c.foreignKeys.map((fk) => {
			const r = fk.reference();
			return {
				columns: r.columns.map((col) => col.name),
				foreignTable: getTableName(r.foreignTable),
				foreignColumns: r.foreignColumns.map((col) => col.name),
				onDelete: fk.onDelete ?? 'no action',
				onUpdate: fk.onUpdate ?? 'no action'
			};
		}),
		checks: byName(c.checks.map((k) => ({ name: k.name, sql: sqliteText(k.value) })))
	};
}

function pgShape(table: PgTable) {
	const c = pgConfig(table);
	// A unique index without a WHERE and a UNIQUE constraint are the same thing in PostgreSQL (the
	// constraint is an index of its name); schema-pg uses constraints where foreign keys refer to them.
	const indexes: Index[] = [
		...c.indexes.map((i) => ({
			name: i.config.name ?? '(unnamed)',
			columns: i.config.columns.map((col) =>
				is(col, SQL) ? pgText(col) : ((col as { name?: string }).name ?? '?')
			),
			unique: i.config.unique,
			where: i.config.where ? pgText(i.config.where) : null
		})),
		...c.uniqueConstraints.map((u) => ({
			name: u.getName() ?? '(unnamed)',
			columns: u.columns.map((col) => col.name),
			unique: true,
			where: null
		}))
	];
	return {
		name: c.name,
		columns: c.columns,
		primaryKey: c.primaryKeys.length
			? c.primaryKeys.flatMap((k) => k.columns.map((col) => col.name))
			: c.columns.filter((col) => col.primary).map((col) => col.name),
		indexes: byName(indexes),
		foreignKeys: c.foreignKeys.map((fk) => {
			const r = fk.reference();
			return {
				columns: r.columns.map((col) => col.name),
				foreignTable: getTableName(r.foreignTable),
				foreignColumns: r.foreignColumns.map((col) => col.name),
				onDelete: fk.onDelete ?? 'no action',
				onUpdate: fk.onUpdate ?? 'no action'
			};
		}),
		checks: byName(c.checks.map((k) => ({ name: k.name, sql: pgText(k.value) })))
	};
}

const fkKey = (fk: { columns: string[]; foreignTable: string; foreignColumns: string[] }) =>
	`(${fk.columns.join(', ')}) → ${fk.foreignTable}(${fk.foreignColumns.join(', ')})`;

describe('the PostgreSQL schema is the twin of the SQLite schema', () => {
	it('has the same tables, exported under the same names', () => {
		expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
		for (const [exportName, table] of sqliteTables) {
			expect(getTableName(pgTables.get(exportName)!), exportName).toBe(getTableName(table));
		}
	});

	for (const [exportName, sqliteTable] of sqliteTables) {
		const pgTable = pgTables.get(exportName);
		if (!pgTable) continue; // reported by the test above
		const s = sqliteShape(sqliteTable);
		const p = pgShape(pgTable);
		const t = s.name;

		describe(t, () => {
			it('has the same columns, with the same types, nulls, defaults and uniqueness', () => {
				expect(p.columns.map((c) => c.name).sort(), `${t}: columns`).toEqual(
					s.columns.map((c) => c.name).sort()
				);
				for (const sc of s.columns) {
					const pc = p.columns.find((c) => c.name === sc.name);
					if (!pc) continue;
					const where = `${t}.${sc.name}`;
					expect(TYPE_TWINS[sc.columnType] ?? [], `${where}: ${sc.columnType}`).toContain(
						pc.columnType
					);
					if (pc.columnType === 'PgBigInt53') expect(BIGINT_COLUMNS, where).toContain(where);
					if (pc.columnType === 'PgCustomColumn') expect(pc.getSQLType(), where).toBe('bytea');
					if (pc.columnType === 'PgTimestamp') {
						expect(pc.getSQLType(), where).toBe('timestamp (3) with time zone');
					}
					expect(pc.notNull, `${where}: not null`).toBe(sc.notNull);
					expect(pc.enumValues, `${where}: enum`).toEqual(sc.enumValues);
					if (isRowidWithoutAutoincrement(sc)) {
						expect(ROWID_KEYS, `${where}: a rowid key`).toContain(where);
						expect(describeDefault(pc), `${where}: default`).toBe('none');
					} else {
						expect(describeDefault(pc), `${where}: default`).toBe(describeDefault(sc));
					}
					expect(!!pc.onUpdateFn, `${where}: $onUpdateFn`).toBe(!!sc.onUpdateFn);
					expect(pc.isUnique, `${where}: unique`).toBe(sc.isUnique);
					if (sc.isUnique) expect(pc.uniqueName, `${where}: unique name`).toBe(sc.uniqueName);
					// SQLite's AUTOINCREMENT key is an identity PostgreSQL fills only when no id is given.
					const autoIncrement = 'autoIncrement' in sc && sc.autoIncrement === true;
					expect(pc.generatedIdentity?.type ?? null, `${where}: generated id`).toBe(
						autoIncrement ? 'byDefault' : null
					);
					expect(pc.generated, `${where}: generated column`).toEqual(sc.generated);
				}
			});

			it('has the same primary key', () => {
				expect(p.primaryKey, `${t}: primary key`).toEqual(s.primaryKey);
			});

			it('has the same indexes (names, columns, uniqueness, WHERE)', () => {
				expect(
					p.indexes.map((i) => i.name),
					`${t}: index names`
				).toEqual(s.indexes.map((i) => i.name));
				for (const si of s.indexes) {
					const pi = p.indexes.find((i) => i.name === si.name);
					expect(pi, `${t}: index ${si.name}`).toEqual(si);
				}
			});

			it('has the same foreign keys, deleting and updating alike', () => {
				const sorted = (list: typeof s.foreignKeys) =>
					[...list].sort((a, b) => fkKey(a).localeCompare(fkKey(b)));
				expect(p.foreignKeys.map(fkKey).sort(), `${t}: foreign keys`).toEqual(
					s.foreignKeys.map(fkKey).sort()
				);
				const pf = sorted(p.foreignKeys);
				sorted(s.foreignKeys).forEach((sf, i) => {
					expect(pf[i], `${t}: foreign key ${fkKey(sf)}`).toEqual(sf);
				});
			});

			it('has the same checks, saying the same thing', () => {
				expect(
					p.checks.map((c) => c.name),
					`${t}: check names`
				).toEqual(s.checks.map((c) => c.name));
				for (const sc of s.checks) {
					const pc = p.checks.find((c) => c.name === sc.name);
					if (!pc) continue;
					const translated = TRANSLATED_CHECKS[sc.name];
					if (translated) {
						expect([sc.sql, pc.sql], `${t}: check ${sc.name} (translated)`).toEqual(translated);
					} else {
						expect(pc.sql, `${t}: check ${sc.name}`).toBe(sc.sql);
					}
				}
			});
		});
	}

	it('has the same triggers, once every migration has run', () => {
		// Triggers live only in hand-written migrations, so drizzle-kit cannot keep them alike.
		const triggers = (folder: string) => {
			const names = new Set<string>();
			for (const file of readdirSync(folder)
				.filter((f) => f.endsWith('.sql'))
				.sort()) {
				const text = readFileSync(join(folder, file), 'utf8').replace(/--[^\n]*/g, '');
				for (const [, verb, name] of text.matchAll(
					/\b(CREATE|DROP)\s+TRIGGER\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?[`"]?(\w+)/gi
				)) {
					if (verb.toUpperCase() === 'CREATE') names.add(name);
					else names.delete(name);
				}
			}
			return [...names].sort();
		};
		const sqliteTriggers = triggers('drizzle/sqlite');
		expect(sqliteTriggers.length).toBeGreaterThan(0);
		expect(triggers('drizzle/pg'), 'drizzle/pg triggers').toEqual(sqliteTriggers);
	});

	it('lists no translated check that is not there', () => {
		const names = [...sqliteTables.values()].flatMap((table) =>
			sqliteConfig(table).checks.map((c) => c.name)
		);
		for (const name of Object.keys(TRANSLATED_CHECKS)) expect(names).toContain(name);
	});
});

// Compile time: every table's select and insert rows are the same type on both engines. When they
// are not, svelte-check reports `Type 'true' is not assignable to type '"select booking.adults"'`
// (or a table name, when a table is missing from one side).
type Equals<A, B> =
	(<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type TablesOf<S> = {
	[K in keyof S as S[K] extends SQLiteTable | PgTable ? K : never]: S[K];
};
type SqliteTables = TablesOf<typeof sqlite>;
type PgTables = TablesOf<typeof pg>;
type Row<T, Kind extends 'select' | 'insert'> = T extends SQLiteTable | PgTable
	? Kind extends 'select'
		? InferSelectModel<T>
		: InferInsertModel<T>
	: never;
type ColumnMismatch<A, B> = {
	[C in keyof A | keyof B]-?: C extends keyof A
		? C extends keyof B
			? Equals<A[C], B[C]> extends true
				? Equals<Pick<A, C>, Pick<B, C>> extends true // optional on both, or on neither
					? never
					: C
				: C
			: C
		: C;
}[keyof A | keyof B];
type Mismatch<Kind extends 'select' | 'insert'> =
	| Exclude<keyof SqliteTables, keyof PgTables>
	| Exclude<keyof PgTables, keyof SqliteTables>
	| {
			[K in keyof SqliteTables & keyof PgTables]: `${Kind} ${K & string}.${ColumnMismatch<
				Row<SqliteTables[K], Kind>,
				Row<PgTables[K], Kind>
			> &
				string}`;
	  }[keyof SqliteTables & keyof PgTables];
type Same<M> = [M] extends [never] ? true : M;
/** The rowid key (see ROWID_KEYS): optional in SQLite's insert type, required in PostgreSQL's. */
type KnownInsertDifferences = 'insert consultationResponse.consultationId';

export const selectRowsMatch: Same<Mismatch<'select'>> = true;
export const insertRowsMatch: Same<Exclude<Mismatch<'insert'>, KnownInsertDifferences>> = true;
