// npm test: prettier, eslint, svelte-check, vitest, a production build and Playwright, then one closing line
// "N passed, N failed, N skipped" summing every runner. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

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

run('vitest', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${results}/vitest.json`
]);
const vitest = readJson(`${results}/vitest.json`);
if (vitest) {
	totals.passed += vitest.numPassedTests;
	totals.failed += vitest.numFailedTests + (vitest.numRuntimeErrorTestSuites ?? 0);
	totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else totals.failed++;

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
