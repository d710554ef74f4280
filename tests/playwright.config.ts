import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A port per run (workers inherit it through the environment), so two runs on one machine don't collide.
process.env.E2E_PORT ??= String(20_000 + (process.pid % 20_000));
const port = Number(process.env.E2E_PORT);
export const baseURL = `http://localhost:${port}`;

// The run's engine: a SQLite file, or, when DATABASE_URL names a PostgreSQL server (npm test's
// PostgreSQL run), a database of this run's own on it. serve-test.mjs starts it empty.
function e2eDatabase(): string {
	const server = process.env.DATABASE_URL?.trim();
	if (server && /^postgres(ql)?:\/\//i.test(server)) {
		const url = new URL(server);
		url.pathname = `/coproduce_test_e2e_${port}`;
		return url.toString();
	}
	return join(tmpdir(), `coproduce-test-e2e-${port}.db`);
}

export default defineConfig({
	testDir: './e2e',
	outputDir: `../test-results/e2e-${port}`,
	fullyParallel: false,
	workers: 2,
	retries: 0,
	// Long journeys with an axe scan on every page (some over 30 pages): generous limits so a busy
	// machine is not a failure.
	timeout: 180_000,
	expect: { timeout: 10_000 },
	reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [['list'], ['json']] : [['list']],
	use: {
		baseURL,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			// Debian's Chromium: no sandbox as root, and no lookups beyond this machine.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
				'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'
			]
		}
	},
	webServer: {
		command: 'node scripts/serve-test.mjs',
		cwd: '..',
		url: `${baseURL}/`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			ORIGIN: baseURL,
			DATABASE_URL: e2eDatabase(),
			SEED_DEMO: 'true',
			DEMO_PASSWORD: 'correct horse battery staple',
			LOG_LEVEL: 'warn',
			// Every journey in the run comes from one address, more than a family or school ever
			// would; the limits themselves are tried in tests/integration/abuse.test.ts.
			RATE_LIMITS: [
				'booking_start_address=5000/600',
				'booking_step_address=50000/600',
				'booking_email_address=5000/3600',
				'booking_confirm_address=5000/3600',
				'booking_confirm_session=5000/3600',
				'questionnaire_start_address=5000/600',
				'questionnaire_answer_address=50000/600',
				'link_request_address=5000/3600',
				'page_feedback_address=5000/600',
				'school_registration_address=5000/3600',
				'school_registration_email=5000/3600',
				'school_manage_address=5000/600',
				'liaison_answer_address=50000/600'
			].join(',')
		}
	}
});
