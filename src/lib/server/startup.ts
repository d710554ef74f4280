// Start-up: bring the database schema up to date, then seed the demo into an empty database.
import { getDb, openConfiguredDatabase } from './db';
import { databaseTarget, describeDatabase, getConfig } from './config';
import { isEmpty, seedDemo } from './demo/seed';
import { log } from './log';
import { sendDueReminders } from './roadshow/emails';
import { applyRetention } from './retention';
import { applyLiaisonRetention } from './liaison';
import { deliverPending, pollDeliveryStatus } from './notify';

const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;
const DELIVERY_INTERVAL_MS = 60_000;

let started: Promise<void> | undefined;

export function startUp(): Promise<void> {
	started ??= run();
	return started;
}

async function run(): Promise<void> {
	const config = getConfig();
	const db = await openConfiguredDatabase();
	log.info({ database: describeDatabase(databaseTarget()) }, 'database ready');
	if (config.HOUSEKEEPING) {
		await startHousekeeping();
		startDelivery();
	}
	if (!config.SEED_DEMO || !(await isEmpty(db))) return;
	const logins = await seedDemo(db, { password: config.DEMO_PASSWORD });
	// Printed once, straight to the console: these must not go into log files.
	const lines = logins.map((l) => `  ${l.role.padEnd(12)} ${l.email.padEnd(26)} ${l.password}`);
	console.log(
		[
			'',
			'Demo data created. Sign in at /staff/sign-in with:',
			...lines,
			'  (These passwords are shown only once.)',
			''
		].join('\n')
	);
}

/**
 * Every 10 minutes: reminders (claiming makes a second process or a cron run harmless), then
 * removing personal data past the privacy notice's limits.
 */
async function startHousekeeping(): Promise<void> {
	const tick = async () => {
		sendDueReminders(getDb()).catch((err: unknown) =>
			log.error({ err: err instanceof Error ? err.message : String(err) }, 'reminder job failed')
		);
		try {
			const removed = {
				...(await applyRetention(getDb())),
				liaisonReferrals: await applyLiaisonRetention(getDb())
			};
			if (Object.values(removed).some((n) => n > 0))
				log.info(removed, 'personal data past its keeping time removed');
		} catch (err) {
			log.error({ err: err instanceof Error ? err.message : String(err) }, 'retention job failed');
		}
	};
	log.info({ pid: process.pid }, 'housekeeping started');
	await tick();
	setInterval(() => void tick(), HOUSEKEEPING_INTERVAL_MS).unref();
}

/**
 * Every minute: messages due a retry (or left mid-send by a process that stopped) are sent, and,
 * with GOV.UK Notify, statuses it has not reported by callback are polled (every 10 minutes).
 */
function startDelivery(): void {
	let ticks = 0;
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await deliverPending(getDb());
			if (getConfig().NOTIFY_API_KEY && ticks++ % 10 === 0) await pollDeliveryStatus(getDb());
		} catch (err) {
			log.error({ err: err instanceof Error ? err.message : String(err) }, 'delivery job failed');
		} finally {
			running = false;
		}
	};
	void tick();
	setInterval(() => void tick(), DELIVERY_INTERVAL_MS).unref();
}
