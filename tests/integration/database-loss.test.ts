// The PostgreSQL server going away under the running service: stopped outright, and connections
// cut mid-request while families press "Confirm booking". Every answer is the service's own 503
// (never a 500), nothing half-done is kept, and once the database is back, sending the form
// again books each family exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { booking } from '../../src/lib/server/db/schema';
import { closeDatabase, type Db, executeStatement } from '../../src/lib/server/db';
import { databaseTarget } from '../../src/lib/server/config';
import { startPostgresCluster } from '../../scripts/postgres-cluster.mjs';
import { startServer, UNLIMITED_BOOKING, type RunningServer } from './server';
import {
	addBookableSession,
	openFixtureDatabase,
	postConfirm,
	prepareJourneys,
	type Journey
} from './booking-fixture';

type Cluster = NonNullable<Awaited<ReturnType<typeof startPostgresCluster>>>;

async function getPage(url: string) {
	const response = await fetch(url, { headers: { accept: 'text/html' } });
	return { response, html: await response.text() };
}

async function waitUntilServing(url: string) {
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		if ((await fetch(url)).status === 200) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the service did not recover once the database was back');
}

/** Bookings held for a journey (its draft id is the booking's idempotency key). */
async function bookingsFor(db: Db, journey: Journey) {
	const [row] = await db
		.select({ n: count() })
		.from(booking)
		.where(eq(booking.idempotencyKey, journey.draftId));
	return row.n;
}

// In the PostgreSQL run (this process's tables are PostgreSQL's), on a cluster of its own: it
// stops that cluster.
describe.skipIf(databaseTarget().engine !== 'postgres')(
	'the database lost under the running service',
	() => {
		let cluster: Cluster;
		let server: RunningServer;
		let db: Db;
		let slug: string;
		let sessionId: number;

		beforeAll(async () => {
			cluster = (await startPostgresCluster())!;
			server = await startServer({ DATABASE_URL: cluster.url, RATE_LIMITS: UNLIMITED_BOOKING });
			db = await openFixtureDatabase(cluster.url);
			({ slug, sessionId } = await addBookableSession(db, 200));
		}, 60_000);

		afterAll(async () => {
			if (db) await closeDatabase(db);
			await server?.stop();
			cluster?.stop();
		});

		it('answers 503 with its own page while the database is down, and books once it is back', async () => {
			const [journey] = await prepareJourneys(db, sessionId, 1);
			const sessionPage = `${server.url}/consultations/${slug}/sessions/${sessionId}`;
			// The test cluster commits without waiting for its log (synchronous_commit=off), so a crash
			// may lose the last commits: write them out first, as a production server's commit does.
			await executeStatement(db, sql`CHECKPOINT`);
			cluster.halt();
			try {
				for (const url of [server.url, sessionPage]) {
					const { response, html } = await getPage(url);
					expect(response.status).toBe(503);
					expect(response.headers.get('retry-after')).toBe('30');
					expect(response.headers.get('cache-control')).toBe('no-store');
					expect(html).toContain('Sorry, the service is unavailable');
					expect(html).toContain('govuk-service-navigation');
					expect(html).toContain('it may not have been saved');
				}
				// A script (or SvelteKit's own fetch of a form) is told the same in JSON.
				expect(await postConfirm(server.url, slug, sessionId, journey, 'book')).toBe(503);
				// The form posted without JavaScript gets the page.
				const posted = await fetch(
					`${server.url}/consultations/${slug}/sessions/${sessionId}/book/${journey.draftId}/confirm?/book`,
					{
						method: 'POST',
						headers: {
							origin: server.url,
							accept: 'text/html',
							'content-type': 'application/x-www-form-urlencoded'
						},
						body: ''
					}
				);
				expect(posted.status).toBe(503);
				expect(await posted.text()).toContain('Sorry, the service is unavailable');
			} finally {
				cluster.resume();
			}
			await waitUntilServing(server.url);
			expect(await bookingsFor(db, journey)).toBe(0);
			expect(await postConfirm(server.url, slug, sessionId, journey, 'book')).toBeLessThan(400);
			expect(await bookingsFor(db, journey)).toBe(1);
		}, 60_000);

		it('never answers 500 when connections are cut mid-request, and a resubmitted form books once', async () => {
			// A session of its own: the families' emails are those of the first test's.
			const burst = await addBookableSession(db, 200);
			const journeys = await prepareJourneys(db, burst.sessionId, 80);
			const killer = new pg.Client(cluster.url);
			await killer.connect();
			let cutting = true;
			let cuts = 0;
			const cutConnections = (async () => {
				while (cutting) {
					const { rowCount } = await killer.query(
						'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_type = $1 AND pid <> pg_backend_pid()',
						['client backend']
					);
					cuts += rowCount ?? 0;
					await new Promise((r) => setTimeout(r, 20));
				}
			})();
			const statuses = await Promise.all(
				journeys.map((j) => postConfirm(server.url, burst.slug, burst.sessionId, j, 'book'))
			);
			cutting = false;
			await cutConnections;
			await killer.end();

			expect(cuts).toBeGreaterThan(0);
			expect(statuses.filter((s) => s >= 400 && s !== 503)).toEqual([]);
			expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);

			// Each family whose answer was 503 sends the form again (as the page tells them to), and a
			// family who already had a confirmation presses Back and sends it again too: one booking each.
			await waitUntilServing(server.url);
			for (const journey of journeys) {
				const status = await postConfirm(server.url, burst.slug, burst.sessionId, journey, 'book');
				expect(status).toBeLessThan(400);
				expect(await bookingsFor(db, journey)).toBe(1);
			}
		}, 120_000);
	}
);
