// npm test: prettier, eslint, svelte-check, vitest (on SQLite, then on PostgreSQL when installed), a
// production build and Playwright, then one closing line
// "N passed, N failed, N skipped" summing every runner. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPostgresCluster } from './postgres-cluster.mjs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args, env = {}) {
	console.log(`\n=== ${title} ===`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

function chromiumReady() {
	const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (existsSync(chromium)) return true;
	if (process.getuid?.() === 0) {
		console.log('Installing Debian Chromium for the browser tests…');
		return (
			run('apt-get update', 'apt-get', ['update', '-qq']) &&
			run('install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'])
		);
	}
	console.error(
		'\nThe browser tests need Chromium. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n'
	);
	return false;
}

// 1. Formatting and lint count as one test each: a newcomer's change fails here first.
if (run('prettier', 'npx', ['prettier', '--check', '.', '--log-level', 'warn'])) totals.passed++;
else totals.failed++;
if (run('eslint', 'npx', ['eslint', '.'])) totals.passed++;
else totals.failed++;

// 2. Types and Svelte checks count as one test.
if (
	run('svelte-check', 'npx', ['svelte-kit', 'sync']) &&
	run('svelte-check', 'npx', [
		'svelte-check',
		'--tsconfig',
		'./tsconfig.json',
		'--threshold',
		'error'
	])
)
	totals.passed++;
else totals.failed++;

// 3. Unit and integration tests. Integration tests start the production build, so build first.
const built = run('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (!built) totals.failed++;

/** Runs vitest with the given arguments and environment, adding its counts to the totals. */
function vitestRun(title, output, args, env = {}) {
	run(
		title,
		'npx',
		[
			'vitest',
			'run',
			...args,
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${output}`
		],
		env
	);
	const vitest = readJson(output);
	if (vitest) {
		totals.passed += vitest.numPassedTests;
		totals.failed += vitest.numFailedTests + (vitest.numRuntimeErrorTestSuites ?? 0);
		totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
	} else totals.failed++;
}

vitestRun('vitest (SQLite)', `${results}/vitest.json`, []);

// 3b. The unit and integration tests again on PostgreSQL, on a throw-away cluster, when it is
// installed (.ci/run installs it). The SQLite engine's own tests (transactions, constraints,
// upgrades, the SQLite rate-limit store, the dashboards' read-only SQLite worker, copying SQLite
// to PostgreSQL) stay in the SQLite run; db/postgres.test.ts and database-loss are PostgreSQL's.
const cluster = await startPostgresCluster();
if (cluster) {
	try {
		vitestRun(
			'vitest (PostgreSQL)',
			`${results}/vitest-postgres.json`,
			[
				'--exclude=src/lib/server/db/{transactions,constraints,upgrade}.test.ts',
				'--exclude=src/lib/server/limits/store.test.ts',
				'--exclude=tests/integration/{insights-off-thread,db-copy}.test.ts'
			],
			{ DATABASE_URL: cluster.url, TEST_POSTGRES_URL: cluster.url }
		);
	} finally {
		cluster.stop();
	}
} else console.log('\nPostgreSQL is not installed: the PostgreSQL run is left out.');

// 4. Browser tests against the production build.
if (built && chromiumReady()) {
	run('playwright', 'npx', ['playwright', 'test', '-c', 'tests/playwright.config.ts'], {
		PLAYWRIGHT_JSON_OUTPUT_FILE: resolve(results, 'playwright.json')
	});
	const pw = readJson(`${results}/playwright.json`);
	if (pw?.stats) {
		totals.passed += pw.stats.expected + pw.stats.flaky;
		totals.failed += pw.stats.unexpected + (pw.errors?.length ?? 0);
		totals.skipped += pw.stats.skipped;
	} else totals.failed++;
} else totals.failed++;

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
