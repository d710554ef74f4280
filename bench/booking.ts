// npm run bench:booking — "Confirm booking" as a browser without JavaScript sends it: a form post
// accepting text/html, answered with the rendered confirmation page (redirects followed). The
// production server runs as its own process tree (SERVER_PROCESSES, default 2); this process is
// the load generator; the server's CPU is read from /proc before and after. The raw figure is the
// same transaction in better-sqlite3 prepared statements, in this run. Needs `npm run build`.
//   BENCH_SECONDS (10), BENCH_CLIENTS (32), SERVER_PROCESSES (2)
import { randomBytes, createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { booking } from '../src/lib/server/db/schema';
import { openDatabase, firstRow } from '../src/lib/server/db';
import {
	addBookableSession,
	insertReadyJourneys,
	prepareJourneys,
	type Journey,
	type Target
} from '../tests/integration/booking-fixture';
import {
	PROCESSES,
	SECONDS,
	helloWorldCpuMs,
	httpClient,
	peakProcessMb,
	percentile,
	print,
	requireBuild,
	runFor,
	serverCpuMs,
	startBenchServer
} from './lib';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const RACE_CAPACITY = 30;
const RACE_CLIENTS = 200;

requireBuild();
const server = await startBenchServer();
const db = openDatabase(server.databasePath);
const send = httpClient(server.url, Math.max(CLIENTS, RACE_CLIENTS));

const confirmPath = (j: Journey & Target, action: 'book' | 'wait') =>
	`/consultations/${j.slug}/sessions/${j.sessionId}/book/${j.draftId}/confirm?/${action}`;

/** The post and, if the answer is a redirect, the page it leads to: what the browser shows. */
async function confirm(
	j: Journey & Target,
	action: 'book' | 'wait',
	accept = 'text/html'
): Promise<{ status: number; body: string }> {
	let reply = await send('POST', confirmPath(j, action), { accept });
	if (reply.status === 303 && reply.location) {
		reply = await send('GET', new URL(reply.location, server.url).pathname, { accept });
	}
	return reply;
}

try {
	// 1. The race: 200 families at once for 30 places, on every server process; those turned away
	// then join the waiting list, all at once too.
	const race = await addBookableSession(db, RACE_CAPACITY);
	const journeys = (await prepareJourneys(db, race.sessionId, RACE_CLIENTS)).map((j) => ({
		...j,
		...race
	}));
	let raceErrors = 0;
	const failed = (r: { status: number } | Error) => r instanceof Error || r.status >= 500;
	const first = await Promise.all(journeys.map((j) => confirm(j, 'book').catch((e: Error) => e)));
	raceErrors += first.filter(failed).length;
	const booked = new Set(
		(
			await db
				.select({ key: booking.idempotencyKey })
				.from(booking)
				.where(eq(booking.roadshowSessionId, race.sessionId))
		).map((r) => r.key)
	);
	const second = await Promise.all(
		journeys.filter((j) => !booked.has(j.draftId)).map((j) => confirm(j, 'wait').catch((e) => e))
	);
	raceErrors += second.filter(failed).length;
	const places = firstRow(
		await db
			.select({ n: sql<number>`coalesce(sum(${booking.adults} + ${booking.children}), 0)` })
			.from(booking)
			.where(and(eq(booking.roadshowSessionId, race.sessionId), eq(booking.status, 'confirmed')))
			.limit(1)
	)!.n;
	print('race_capacity', RACE_CAPACITY);
	print('race_confirmed_places', places);
	print('race_errors', raceErrors);

	// 2. Throughput: CLIENTS families back to back on sessions with room, for SECONDS.
	const targets: Target[] = [];
	for (let i = 0; i < 500; i++) targets.push(await addBookableSession(db, 1_000));
	const ready = await insertReadyJourneys(db, targets, 30_000 * Math.max(1, SECONDS / 10));
	let next = 0;
	let errors = 0;
	const measure = async (seconds: number, accept: string, expect: RegExp) => {
		const cpuBefore = serverCpuMs(server.pid);
		const run = await runFor(seconds, CLIENTS, async () => {
			const j = ready[next++];
			if (!j) throw new Error('ran out of prepared journeys');
			const reply = await confirm(j, 'book', accept);
			if (reply.status !== 200 || !expect.test(reply.body)) errors++;
		});
		const cpu = serverCpuMs(server.pid) - cpuBefore;
		return { ...run, cpuPerOp: cpu / run.latencies.length };
	};
	await measure(2, 'text/html', /Booking confirmed/); // warm up
	errors = 0;
	const html = await measure(SECONDS, 'text/html', /Booking confirmed/);
	const json = await measure(Math.max(3, SECONDS / 2), 'application/json', /"type":"success"/);

	// 3. The same transaction, raw: better-sqlite3 prepared statements on a database of its own.
	const raw = await rawTransactionCpuMs(`${server.databasePath}.raw`);

	print('html_bookings_per_s', Math.round(html.latencies.length / html.elapsedSeconds));
	print('html_p50_ms', percentile(html.latencies, 50));
	print('html_p99_ms', percentile(html.latencies, 99));
	print('server_cpu_ms_per_booking', html.cpuPerOp);
	print('raw_tx_cpu_ms', raw);
	print('booking_cpu_to_raw_ratio', html.cpuPerOp / raw);
	print('json_bookings_per_s', Math.round(json.latencies.length / json.elapsedSeconds));
	print('json_server_cpu_ms_per_booking', json.cpuPerOp);
	print('machine_hello_cpu_ms_per_request', await helloWorldCpuMs());
	print('server_processes', PROCESSES);
	print('peak_process_mb', Math.round(peakProcessMb(server.pid)));
	print('errors', errors);
} finally {
	db.$client.close();
	await server.stop();
}

/**
 * What "Confirm booking" does in SQLite, and nothing else: in one immediate transaction, read the
 * session and its consultation, look for a booking with the draft's key, read the draft, look for
 * the family's live booking, sum confirmed places, check the reference is free, insert the booking
 * and delete the draft. CPU ms per transaction (this process does nothing else meanwhile).
 */
async function rawTransactionCpuMs(path: string): Promise<number> {
	const rawDb = openDatabase(path);
	const rawTargets: Target[] = [];
	for (let i = 0; i < 500; i++) rawTargets.push(await addBookableSession(rawDb, 1_000));
	const count = 20_000;
	const drafts = await insertReadyJourneys(rawDb, rawTargets, count + 2_000);
	const c = rawDb.$client;
	const s = {
		session: c.prepare(
			`SELECT s.*, c.opens_on, c.closes_on, c.published_at, c.closed_early_at, c.response_published_at
			 FROM roadshow_session s JOIN consultation c ON c.id = s.consultation_id WHERE s.id = ?`
		),
		byKey: c.prepare('SELECT * FROM booking WHERE roadshow_session_id = ? AND idempotency_key = ?'),
		draft: c.prepare(
			'SELECT answers FROM booking_draft WHERE id = ? AND roadshow_session_id = ? AND updated_at > ?'
		),
		twin: c.prepare(
			`SELECT * FROM booking WHERE roadshow_session_id = ? AND status <> 'cancelled'
			 AND lower(CASE WHEN booked_by = 'family' THEN email ELSE family_email END) = lower(?)`
		),
		places: c.prepare(
			`SELECT coalesce(sum(CASE WHEN status = 'confirmed' THEN adults + children END), 0) AS n
			 FROM booking WHERE roadshow_session_id = ?`
		),
		reference: c.prepare('SELECT id FROM booking WHERE reference = ?'),
		insert: c.prepare(
			`INSERT INTO booking (roadshow_session_id, reference, idempotency_key, status,
			 adults, children, booked_by, contact_name, email, access_needs, consent_to_contact, created_at, updated_at)
			 VALUES (?, ?, ?, 'confirmed', ?, ?, 'family', ?, ?, ?, 1, ?, ?) RETURNING *`
		),
		link: c.prepare(
			'INSERT INTO booking_manage_link (booking_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)'
		),
		deleteDraft: c.prepare('DELETE FROM booking_draft WHERE id = ?')
	};
	const transaction = c.transaction((draftId: string, sessionId: number) => {
		const now = Date.now();
		s.session.get(sessionId);
		s.byKey.get(sessionId, draftId);
		const row = s.draft.get(draftId, sessionId, now - 86_400_000) as { answers: string };
		const answers = JSON.parse(row.answers) as Record<string, string>;
		s.twin.get(sessionId, answers.email);
		s.places.get(sessionId);
		const reference = randomBytes(5).toString('hex').toUpperCase();
		s.reference.get(reference);
		const token = randomBytes(32).toString('base64url');
		const inserted = s.insert.get(
			sessionId,
			reference,
			draftId,
			Number(answers.adults),
			Number(answers.children),
			answers.contactName,
			answers.email,
			JSON.stringify(['none']),
			now,
			now
		) as { id: number };
		s.link.run(
			inserted.id,
			createHash('sha256').update(token).digest('hex'),
			now + 31_536_000_000,
			now
		);
		s.deleteDraft.run(draftId);
	});
	const confirmRaw = (draftId: string, sessionId: number) =>
		transaction.immediate(draftId, sessionId);
	for (const d of drafts.slice(count)) confirmRaw(d.draftId, d.sessionId); // warm up
	const before = process.cpuUsage();
	for (const d of drafts.slice(0, count)) confirmRaw(d.draftId, d.sessionId);
	const used = process.cpuUsage(before);
	c.close();
	return (used.user + used.system) / 1000 / count;
}
