// npm run bench:booking — the booking race, HTTP throughput and latency, and the same booking
// function in-process. Prints `name: value` lines. Needs the production build (npm run build).
import { existsSync } from 'node:fs';
import { startServer, UNLIMITED_BOOKING } from '../tests/integration/server';
import {
	addBookableSession,
	insertReadyJourneys,
	openFixtureDatabase,
	postConfirm,
	prepareJourneys
} from '../tests/integration/booking-fixture';
import { openDatabase } from '../src/lib/server/db';
import { createBooking } from '../src/lib/server/roadshow/bookings';
import { generateIdempotencyKey } from '../src/lib/server/roadshow/references';
import { and, eq, sql } from 'drizzle-orm';
import { booking } from '../src/lib/server/db/schema';

const RACE_CAPACITY = 30;
const RACE_CLIENTS = 200;
const HTTP_CLIENTS = 50;
const HTTP_SECONDS = 10;

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const print = (name: string, value: number) =>
	console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(2)}`);

if (!existsSync('build/index.js')) {
	console.error('Run npm run build first: the benchmark starts the production server.');
	process.exit(1);
}

// Every request comes from this one machine: lift the per-address limits for the load test.
const server = await startServer({ RATE_LIMITS: UNLIMITED_BOOKING });
const db = openFixtureDatabase(server.databasePath);
try {
	// 1. The race: 200 posts at once for 30 places; those turned away then join the waiting list.
	const race = addBookableSession(db, RACE_CAPACITY);
	const journeys = prepareJourneys(db, race.sessionId, RACE_CLIENTS);
	let errors = 0;
	const first = await Promise.all(
		journeys.map((j) => postConfirm(server.url, race.slug, race.sessionId, j, 'book'))
	);
	errors += first.filter((s) => s >= 500).length;
	const booked = new Set(
		db
			.select({ key: booking.idempotencyKey })
			.from(booking)
			.where(eq(booking.roadshowSessionId, race.sessionId))
			.all()
			.map((r) => r.key)
	);
	const waiting = journeys.filter((j) => !booked.has(j.draftId));
	const second = await Promise.all(
		waiting.map((j) => postConfirm(server.url, race.slug, race.sessionId, j, 'wait'))
	);
	errors += second.filter((s) => s >= 500).length;
	const tally = (status: 'confirmed' | 'waiting') =>
		db
			.select({
				rows: sql<number>`count(*)`,
				places: sql<number>`coalesce(sum(${booking.adults} + ${booking.children}), 0)`
			})
			.from(booking)
			.where(and(eq(booking.roadshowSessionId, race.sessionId), eq(booking.status, status)))
			.get()!;
	print('race_capacity', RACE_CAPACITY);
	print('race_confirmed_places', tally('confirmed').places);
	print('race_waitlisted', tally('waiting').rows);
	print('race_errors', errors);

	// 2. HTTP: 50 clients booking one place each, back to back, for 10 seconds, on sessions with room.
	const targets = Array.from({ length: 20 }, () => addBookableSession(db, 1000));
	const ready = insertReadyJourneys(db, targets, 25_000);
	let next = 0;
	const latencies: number[] = [];
	let httpErrors = 0;
	const deadline = Date.now() + HTTP_SECONDS * 1000;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: HTTP_CLIENTS }, async () => {
			while (Date.now() < deadline && next < ready.length) {
				const j = ready[next++];
				const t0 = performance.now();
				const status = await postConfirm(server.url, j.slug, j.sessionId, j, 'book');
				latencies.push(performance.now() - t0);
				if (status >= 400) httpErrors++;
			}
		})
	);
	const elapsed = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	const httpPerSecond = latencies.length / elapsed;
	print('http_bookings_per_s', Math.round(httpPerSecond));
	print('http_p50_ms', percentile(latencies, 50));
	print('http_p99_ms', percentile(latencies, 99));
	if (httpErrors) print('http_errors', httpErrors);

	// 3. The same booking function in-process, on a database file of its own.
	const direct = openDatabase(`${server.databasePath}.direct`);
	const directTargets = Array.from({ length: 20 }, () => addBookableSession(direct, 1000));
	const input = (i: number) => ({
		sessionId: directTargets[i % directTargets.length].sessionId,
		idempotencyKey: generateIdempotencyKey(),
		bookedBy: 'family' as const,
		organisationName: null,
		organisationRole: null,
		adults: 1,
		children: 0,
		contactName: `Parent ${i}`,
		email: `parent${i}@example.org`,
		phone: null,
		familyName: null,
		familyEmail: null,
		familyPhone: null,
		accessNeeds: ['none' as const],
		accessNeedsOther: null,
		consentToContact: true
	});
	const directCount = 10_000;
	const t0 = performance.now();
	for (let i = 0; i < directCount; i++) createBooking(direct, input(i), new Date());
	const directPerSecond = directCount / ((performance.now() - t0) / 1000);
	direct.$client.close();
	print('direct_bookings_per_s', Math.round(directPerSecond));
	print('http_to_direct_ratio', httpPerSecond / directPerSecond);
} finally {
	db.$client.close();
	await server.stop();
}
