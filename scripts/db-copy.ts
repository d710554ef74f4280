// Copies an installation's SQLite file into an empty PostgreSQL database, then checks the copy:
//   npm run db:copy -- --from ./data/coproduce.db --to postgres://user:password@host:5432/coproduce
// Stop the app first: writes made during the copy would not be in it.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db';
import { copySqliteToPostgres } from '../src/lib/server/db/copy';
import { openPostgres } from '../src/lib/server/db/postgres';
import { redactUrl } from '../src/lib/server/config';
import * as pgSchema from '../src/lib/server/db/schema-pg';

const usage =
	'Usage: npm run db:copy -- --from <SQLite file> --to postgres://user:password@host/database';

function fail(message: string): never {
	console.error(`${message}\n${usage}`);
	process.exit(1);
}

let options: { from?: string; to?: string };
try {
	({ values: options } = parseArgs({
		options: { from: { type: 'string' }, to: { type: 'string' } },
		strict: true
	}));
} catch (e) {
	fail(e instanceof Error ? e.message : String(e));
}
if (!options.from) fail('Give the SQLite file with --from');
if (!existsSync(options.from)) fail(`There is no SQLite file at ${options.from}`);
if (!options.to || !/^postgres(ql)?:\/\//.test(options.to))
	fail('Give the PostgreSQL database with --to, as a postgres:// URL');

try {
	const from = openDatabase(options.from);
	const to = await openPostgres(options.to, pgSchema);
	const started = Date.now();
	const report = await copySqliteToPostgres(from, to);
	for (const t of report.tables) console.log(`${t.name}: ${t.rows} rows`);
	console.log(
		`Copied ${report.tables.reduce((n, t) => n + t.rows, 0)} rows to ${redactUrl(options.to)} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
			`row counts the same in every table, ${report.sampled} sampled records the same field by field, ` +
			`${report.runningTotals} running totals the same.`
	);
	await to.$client.end();
} catch (e) {
	console.error(e instanceof Error ? e.message : String(e));
	process.exit(1);
}
