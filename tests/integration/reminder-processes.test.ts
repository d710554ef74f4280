// Two processes run the reminder job on one database at the same moment (the server's
// housekeeping and a cron `npm run reminders:send`): every reminder is queued exactly once, and
// none is marked sent without its email.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
	booking,
	consultation,
	emailOutbox,
	roadshowSession
} from '../../src/lib/server/db/schema';
import { closeDatabase, onlyRow } from '../../src/lib/server/db';
import { openFixtureDatabase } from './booking-fixture';
import { createThrowAwayDatabase } from './server';

function runReminders(databaseUrl: string): Promise<string> {
	// No provider: every message is kept in the outbox, where the test counts them.
	const { SMTP_URL: _smtp, NOTIFY_API_KEY: _notify, ...env } = process.env;
	return new Promise((resolve, reject) => {
		const child = spawn('node_modules/.bin/tsx', ['scripts/send-reminders.ts'], {
			env: { ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
	});
}

describe('reminders from two processes at once', () => {
	it('queues each reminder exactly once, with every claimed booking emailed', async () => {
		const database = await createThrowAwayDatabase();
		const db = await openFixtureDatabase(database.url);
		const now = new Date();
		const { id: consultationId } = onlyRow(
			await db
				.insert(consultation)
				.values({
					slug: 'reminders',
					title: 'Reminders',
					summary: '',
					contactEmail: 'send@example.org',
					opensOn: '2026-01-01',
					closesOn: '2099-12-31',
					publishedAt: now,
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: consultation.id })
		);
		const { id: sessionId } = onlyRow(
			await db
				.insert(roadshowSession)
				.values({
					consultationId,
					title: 'Tomorrow evening',
					venueName: 'Bridge Chapel',
					address: 'Bridge Road',
					postcode: 'L21 6PH',
					startsAt: new Date(now.getTime() + 86_400_000),
					bookingClosesAt: new Date(now.getTime() + 43_200_000),
					capacity: 200,
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: roadshowSession.id })
		);
		const families = 120;
		await db.insert(booking).values(
			Array.from({ length: families }, (_, i) => ({
				roadshowSessionId: sessionId,
				reference: `REF${String(i).padStart(5, '0')}`,
				idempotencyKey: `key-${String(i).padStart(16, '0')}`,
				status: 'confirmed' as const,
				adults: 1,
				children: 0,
				bookedBy: 'family' as const,
				contactName: `Family ${i}`,
				email: `family${i}@example.com`,
				createdAt: now,
				updatedAt: now
			}))
		);

		const outputs = await Promise.all([runReminders(database.url), runReminders(database.url)]);
		const counts = outputs.map((o) => Number(/Reminders sent: (\d+)/.exec(o)?.[1]));
		expect(counts[0] + counts[1]).toBe(families);

		const reminders = (await db.select().from(emailOutbox)).filter(
			(m) => m.template === 'reminder'
		);
		expect(reminders).toHaveLength(families);
		expect(new Set(reminders.map((m) => m.bookingId)).size).toBe(families);
		const claimed = (await db.select().from(booking)).filter((b) => b.reminderSentAt !== null);
		expect(claimed).toHaveLength(families);
		await closeDatabase(db);
		await database.remove();
	}, 60_000);
});
