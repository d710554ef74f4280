// 32 families send the same questionnaire at the same moment, as the roadshow's QR code on a
// screen invites them to. On PostgreSQL their responses add to the same running-total rows in
// parallel: every one is saved, none is answered with an error, and no transaction had to be
// retried for a deadlock (sending once took those rows in the order a hash happened to give them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { response } from '../../src/lib/server/db/schema';
import { closeDatabase, type Db, firstRow } from '../../src/lib/server/db';
import { startServer, UNLIMITED_QUESTIONNAIRES, type RunningServer } from './server';
import { openFixtureDatabase } from './booking-fixture';
import { DEMO_PARENT_ANSWERS, DEMO_PARENTS_START } from './questionnaire-journey';

const FAMILIES = 32;

describe('a burst of families sending one questionnaire', () => {
	let server: RunningServer;
	let db: Db;
	/** The server's log: PostgreSQL's retried transactions are logged with their SQLSTATE. */
	const logLines: string[] = [];

	beforeAll(async () => {
		server = await startServer(
			{
				SEED_DEMO: 'true',
				DEMO_PASSWORD: 'correct horse battery staple',
				RATE_LIMITS: UNLIMITED_QUESTIONNAIRES,
				LOG_LEVEL: 'info'
			},
			[],
			{ onOutput: (line) => logLines.push(line) }
		);
		db = await openFixtureDatabase(server.databaseUrl);
	}, 60_000);

	afterAll(async () => {
		if (db) await closeDatabase(db);
		await server?.stop();
	});

	const post = (path: string, form: Record<string, string> = {}) =>
		fetch(`${server.url}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(form)
		});

	/** One family's whole journey; the statuses of every request, in order. */
	async function answerAndSend(): Promise<number[]> {
		const statuses: number[] = [];
		const next = async (reply: Response) => {
			statuses.push(reply.status);
			await reply.arrayBuffer();
			const to = reply.headers.get('location');
			if (!to) return null;
			const page = await fetch(new URL(to, server.url));
			statuses.push(page.status);
			return { path: new URL(to, server.url).pathname, html: await page.text() };
		};
		const first = await next(await post(`${DEMO_PARENTS_START}?/start`));
		const versionId = first && /name="versionId" value="(\d+)"/.exec(first.html)?.[1];
		if (!first || !versionId) return statuses;
		const base = first.path.replace(/\/q\/[^/]+$/, '');
		for (const [key, answer] of DEMO_PARENT_ANSWERS)
			if (!(await next(await post(`${base}/q/${key}?/answer`, { versionId, answer }))))
				return statuses;
		const sent = await next(await post(`${base}/check`));
		if (sent) statuses.push(/\/sent$/.test(sent.path) ? 0 : -1);
		return statuses;
	}

	it('saves every response, answers no request with an error, and deadlocks nothing', async () => {
		const submitted = async () =>
			firstRow(
				await db.select({ n: count() }).from(response).where(eq(response.status, 'submitted'))
			)!.n;
		const before = await submitted();

		const journeys = await Promise.all(Array.from({ length: FAMILIES }, answerAndSend));

		for (const statuses of journeys) {
			expect(statuses.filter((s) => s >= 400)).toEqual([]);
			// Ended on the "sent" page (0), not cut short.
			expect(statuses.at(-1)).toBe(0);
		}
		expect((await submitted()) - before).toBe(FAMILIES);
		const deadlocks = logLines.filter(
			(line) => line.includes('transaction retried') && line.includes('"40P01"')
		);
		expect(deadlocks).toEqual([]);
	}, 120_000);
});
