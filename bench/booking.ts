// npm run bench:booking — "Confirm booking" as a browser without JavaScript sends it: a form post
// accepting text/html, answered with the rendered confirmation page (redirects followed). The
// production server runs as its own process tree (SERVER_PROCESSES, default 2); this process is
// the load generator; the server's CPU is read from /proc before and after. The raw figure is the
// same transaction in prepared statements, in this run, on the same engine: better-sqlite3, or on
// PostgreSQL (DATABASE_URL) the pg driver, counting PostgreSQL's own CPU beside this process's.
// Needs `npm run build`. npm run bench:booking runs it on both engines (bench/engines.ts).
//   BENCH_SECONDS (10), BENCH_CLIENTS (32), SERVER_PROCESSES (2)
import { randomBytes, createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import pg from 'pg';
import { databaseTarget } from '../src/lib/server/config';
import { booking } from '../src/lib/server/db/schema';
import { closeDatabase, firstRow, sumOf, type Db } from '../src/lib/server/db';
import {
	addBookableSession,
	insertReadyJourneys,
	openFixtureDatabase,
	prepareJourneys,
	type Journey,
	type Target
} from '../tests/integration/booking-fixture';
import { createThrowAwayDatabase } from '../tests/integration/server';
import {
	databaseCpuReader,
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
const onPostgres = databaseTarget().engine === 'postgres';
/** Raw transactions timed, one after another: fewer on PostgreSQL, a round trip each statement. */
const RAW_TRANSACTIONS = onPostgres ? 5_000 : 20_000;

requireBuild();
const server = await startBenchServer();
const db = await openFixtureDatabase(server.databaseUrl);
/** PostgreSQL's own CPU, when it is a cluster on this machine; SQLite's is the server's. */
const databaseCpu = await databaseCpuReader(server.databaseUrl);
const databaseCpuMs = () => databaseCpu?.() ?? 0;
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
			.select({ n: sumOf(sql`${booking.adults} + ${booking.children}`) })
			.from(booking)
			.where(and(eq(booking.roadshowSessionId, race.sessionId), eq(booking.status, 'confirmed')))
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
		const databaseBefore = databaseCpuMs();
		const run = await runFor(seconds, CLIENTS, async () => {
			const j = ready[next++];
			if (!j) throw new Error('ran out of prepared journeys');
			const reply = await confirm(j, 'book', accept);
			if (reply.status !== 200 || !expect.test(reply.body)) errors++;
		});
		const cpu = serverCpuMs(server.pid) - cpuBefore;
		const databaseCpu = databaseCpuMs() - databaseBefore;
		return {
			...run,
			cpuPerOp: cpu / run.latencies.length,
			databaseCpuPerOp: databaseCpu / run.latencies.length
		};
	};
	await measure(2, 'text/html', /Booking confirmed/); // warm up
	errors = 0;
	const html = await measure(SECONDS, 'text/html', /Booking confirmed/);
	const json = await measure(Math.max(3, SECONDS / 2), 'application/json', /"type":"success"/);

	// 3. The same transaction, raw: prepared statements on a database of its own.
	const raw = await rawTransactionCpuMs();

	print('html_bookings_per_s', Math.round(html.latencies.length / html.elapsedSeconds));
	print('html_p50_ms', percentile(html.latencies, 50));
	print('html_p99_ms', percentile(html.latencies, 99));
	print('server_cpu_ms_per_booking', html.cpuPerOp);
	if (databaseCpu) print('database_cpu_ms_per_booking', html.databaseCpuPerOp);
	print('raw_tx_cpu_ms', raw);
	print('booking_cpu_to_raw_ratio', (html.cpuPerOp + html.databaseCpuPerOp) / raw);
	print('json_bookings_per_s', Math.round(json.latencies.length / json.elapsedSeconds));
	print('json_server_cpu_ms_per_booking', json.cpuPerOp);
	print('machine_hello_cpu_ms_per_request', await helloWorldCpuMs());
	print('server_processes', PROCESSES);
	print('peak_process_mb', Math.round(peakProcessMb(server.pid)));
	print('errors', errors);
} finally {
	await closeDatabase(db);
	await server.stop();
}

/** A fresh database of the bench's engine with 500 sessions and ready journeys on them. */
async function rawFixture(count: number) {
	const database = await createThrowAwayDatabase();
	const fixture = await openFixtureDatabase(database.url);
	const targets: Target[] = [];
	for (let i = 0; i < 500; i++) targets.push(await addBookableSession(fixture, 1_000));
	const drafts = await insertReadyJourneys(fixture, targets, count);
	return { database, fixture, drafts };
}

/**
 * What "Confirm booking" does in the database, and nothing else: in one transaction, read (and on
 * PostgreSQL lock) the session and its consultation, look for a booking with the draft's key,
 * read the draft, look for the family's live booking, sum confirmed places, check the reference
 * is free, insert the booking and its link and delete the draft. CPU ms per transaction: this
 * process's, and PostgreSQL's own when it runs here (this process does nothing else meanwhile).
 */
async function rawTransactionCpuMs(): Promise<number> {
	const { database, fixture, drafts } = await rawFixture(RAW_TRANSACTIONS + 2_000);
	try {
		const confirmRaw = onPostgres
			? await postgresTransaction(database.url)
			: sqliteTransaction(fixture);
		for (const d of drafts.slice(RAW_TRANSACTIONS)) await confirmRaw.run(d.draftId, d.sessionId); // warm up
		const before = process.cpuUsage();
		const databaseBefore = confirmRaw.databaseCpuMs();
		for (const d of drafts.slice(0, RAW_TRANSACTIONS)) await confirmRaw.run(d.draftId, d.sessionId);
		const used = process.cpuUsage(before);
		const databaseUsed = confirmRaw.databaseCpuMs() - databaseBefore;
		await confirmRaw.close();
		return ((used.user + used.system) / 1000 + databaseUsed) / RAW_TRANSACTIONS;
	} finally {
		await closeDatabase(fixture);
		await database.remove();
	}
}

type RawTransaction = {
	run: (draftId: string, sessionId: number) => void | Promise<void>;
	databaseCpuMs: () => number;
	close: () => void | Promise<void>;
};

/** The same statements on both engines but for placeholders, booleans and the row lock. */
function rawStatements(p: (n: number) => string, yes: string, lock: string) {
	return {
		session: `SELECT s.*, c.opens_on, c.closes_on, c.published_at, c.closed_early_at, c.response_published_at
		FROM roadshow_session s JOIN consultation c ON c.id = s.consultation_id WHERE s.id = ${p(1)}${lock}`,
		byKey: `SELECT * FROM booking WHERE roadshow_session_id = ${p(1)} AND idempotency_key = ${p(2)}`,
		draft: `SELECT answers FROM booking_draft WHERE id = ${p(1)} AND roadshow_session_id = ${p(2)} AND updated_at > ${p(3)}`,
		twin: `SELECT * FROM booking WHERE roadshow_session_id = ${p(1)} AND status <> 'cancelled'
		AND lower(CASE WHEN booked_by = 'family' THEN email ELSE family_email END) = lower(${p(2)})`,
		places: `SELECT coalesce(sum(CASE WHEN status = 'confirmed' THEN adults + children END), 0) AS n
		FROM booking WHERE roadshow_session_id = ${p(1)}`,
		reference: `SELECT id FROM booking WHERE reference = ${p(1)}`,
		insert: `INSERT INTO booking (roadshow_session_id, reference, idempotency_key, status,
		adults, children, booked_by, contact_name, email, access_needs, consent_to_contact, created_at, updated_at)
		VALUES (${[1, 2, 3].map(p)}, 'confirmed', ${[4, 5].map(p)}, 'family', ${[6, 7, 8].map(p)}, ${yes}, ${[9, 10].map(p)}) RETURNING *`,
		link: `INSERT INTO booking_manage_link (booking_id, token_hash, expires_at, created_at) VALUES (${[1, 2, 3, 4].map(p)})`,
		deleteDraft: `DELETE FROM booking_draft WHERE id = ${p(1)}`
	};
}

type Answers = Record<string, string>;
// Declared, not assigned: the benchmark above runs before the module's constants are set.
function newReference() {
	return randomBytes(5).toString('hex').toUpperCase();
}
function newTokenHash() {
	return createHash('sha256').update(randomBytes(32).toString('base64url')).digest('hex');
}

function sqliteTransaction(fixture: Db): RawTransaction {
	const c = fixture.$client;
	const text = rawStatements(() => '?', '1', '');
	const s = Object.fromEntries(
		Object.entries(text).map(([name, statement]) => [name, c.prepare(statement)])
	) as Record<keyof typeof text, Statement<unknown[]>>;
	const transaction = c.transaction((draftId: string, sessionId: number) => {
		const now = Date.now();
		s.session.get(sessionId);
		s.byKey.get(sessionId, draftId);
		const row = s.draft.get(draftId, sessionId, now - 86_400_000) as { answers: string };
		const answers = JSON.parse(row.answers) as Answers;
		s.twin.get(sessionId, answers.email);
		s.places.get(sessionId);
		const reference = newReference();
		s.reference.get(reference);
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
		s.link.run(inserted.id, newTokenHash(), now + 31_536_000_000, now);
		s.deleteDraft.run(draftId);
	});
	return {
		run: (draftId, sessionId) => transaction.immediate(draftId, sessionId),
		databaseCpuMs: () => 0,
		close: () => {}
	};
}

async function postgresTransaction(url: string): Promise<RawTransaction> {
	const client = new pg.Client(url);
	await client.connect();
	const text = rawStatements((n) => `$${n}`, 'true', ' FOR UPDATE OF s');
	// Named queries: each is parsed once on this connection and then only executed.
	const q = (name: keyof typeof text, values: unknown[]) =>
		client.query({ name, text: text[name], values });
	const cpu = await databaseCpuReader(url);
	return {
		run: async (draftId, sessionId) => {
			const now = new Date();
			await client.query('BEGIN');
			await q('session', [sessionId]);
			await q('byKey', [sessionId, draftId]);
			const draft = await q('draft', [draftId, sessionId, new Date(now.getTime() - 86_400_000)]);
			const answers = draft.rows[0].answers as Answers;
			await q('twin', [sessionId, answers.email]);
			await q('places', [sessionId]);
			const reference = newReference();
			await q('reference', [reference]);
			const inserted = await q('insert', [
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
			]);
			await q('link', [
				inserted.rows[0].id,
				newTokenHash(),
				new Date(now.getTime() + 31_536_000_000),
				now
			]);
			await q('deleteDraft', [draftId]);
			await client.query('COMMIT');
		},
		databaseCpuMs: () => cpu?.() ?? 0,
		close: () => client.end()
	};
}
