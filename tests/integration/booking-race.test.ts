// 200 families press "Confirm booking" at the same moment for a 30-place session: on one server
// process, and on two processes (npm start's cluster) sharing the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { booking } from '../../src/lib/server/db/schema';
import { closeDatabase, type Db, firstRow, sumOf } from '../../src/lib/server/db';
import { startServer, UNLIMITED_BOOKING, type RunningServer } from './server';
import {
	addBookableSession,
	openFixtureDatabase,
	postConfirm,
	prepareJourneys
} from './booking-fixture';

// 200 families on one test machine share one address: the per-address booking limits are lifted.
const setups = [
	{ name: 'one server process', start: () => startServer({ RATE_LIMITS: UNLIMITED_BOOKING }) },
	{
		name: 'two server processes on one database',
		start: async () => {
			let listening = 0;
			const started = await startServer(
				{ SERVER_PROCESSES: '2', RATE_LIMITS: UNLIMITED_BOOKING },
				[],
				{
					entry: ['scripts/cluster.mjs', 'scripts/server.mjs'],
					onOutput: (line) => {
						if (line.startsWith('Listening on')) listening++;
					}
				}
			);
			while (listening < 2) await new Promise((r) => setTimeout(r, 50));
			return started;
		}
	}
];

describe.each(setups)('booking race on the real server: $name', ({ start }) => {
	let server: RunningServer;
	let db: Db;

	beforeAll(async () => {
		server = await start();
		db = await openFixtureDatabase(server.databaseUrl);
	}, 60_000);

	afterAll(async () => {
		if (db) await closeDatabase(db);
		await server?.stop();
	});

	it('confirms exactly the capacity, puts the rest on the waiting list, and never duplicates a resubmitted form', async () => {
		const { slug, sessionId } = await addBookableSession(db, 30);
		const journeys = await prepareJourneys(db, sessionId, 200);

		// Every journey at once, plus a double-click on the first 20.
		const first = await Promise.all([
			...journeys.map((j) => postConfirm(server.url, slug, sessionId, j, 'book')),
			...journeys.slice(0, 20).map((j) => postConfirm(server.url, slug, sessionId, j, 'book'))
		]);
		expect(first.filter((status) => status >= 500)).toEqual([]);

		const booked = new Set(
			(
				await db
					.select({ key: booking.idempotencyKey })
					.from(booking)
					.where(eq(booking.roadshowSessionId, sessionId))
			).map((r) => r.key)
		);
		const turnedAway = journeys.filter((j) => !booked.has(j.draftId));
		expect(turnedAway).toHaveLength(170);

		// Those told the session is full join the waiting list with the same details, all at once too.
		const second = await Promise.all(
			turnedAway.map((j) => postConfirm(server.url, slug, sessionId, j, 'wait'))
		);
		expect(second.filter((status) => status >= 500)).toEqual([]);

		const counts = async (status: 'confirmed' | 'waiting') =>
			firstRow(
				await db
					.select({
						rows: count(),
						places: sumOf(sql`${booking.adults} + ${booking.children}`)
					})
					.from(booking)
					.where(and(eq(booking.roadshowSessionId, sessionId), eq(booking.status, status)))
			)!;
		expect((await counts('confirmed')).places).toBe(30);
		expect((await counts('waiting')).rows).toBe(170);
		const total = firstRow(
			await db.select({ n: count() }).from(booking).where(eq(booking.roadshowSessionId, sessionId))
		)!.n;
		expect(total).toBe(200);
	}, 120_000);
});
