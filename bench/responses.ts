// Benchmark: complete questionnaire responses per second. Each response is the form posts a
// browser sends — start, 15 answers page by page, then "Send your response" — against the
// production build (npm run build first) on a temporary database, at 50 concurrent clients;
// then the same flow in-process through the domain functions.
//   npm run bench:responses            (BENCH_SECONDS, BENCH_CLIENTS to change the run)
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, UNLIMITED_QUESTIONNAIRES } from '../tests/integration/server';
import { openDatabase } from '../src/lib/server/db';
import { seedDemo } from '../src/lib/server/demo/seed';
import {
	answerQuestion,
	missingAnswers,
	openJourney,
	questionAfter,
	reloadAnswers,
	startResponse,
	submitResponse
} from '../src/lib/server/questionnaires/answering';
import { findQuestionnaireByAudience } from '../src/lib/server/questionnaires/versions';
import { consultation } from '../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SLUG = 'send-partnership-strategy';
const START = `/consultations/${SLUG}/questionnaires/parents-carers`;

/** 15 answers to the demo parents' questionnaire: six priorities with a comment each, then three more. */
const comment = 'Support should start earlier, and families should be told what happens next.';
const ANSWERS: [string, string][] = [
	...[1, 2, 3, 4, 5, 6].flatMap((n): [string, string][] => [
		[`priority-${n}-agree`, n % 3 === 0 ? 'disagree' : 'agree'],
		[n % 3 === 0 ? `priority-${n}-disagree-why` : `priority-${n}-why`, comment]
	]),
	['biggest-difference', 'Shorter waits for assessments.'],
	['responding-as', 'parent_carer'],
	['age-band', '7-9']
];

type Reply = { status: number; location: string | null; body: string };

function client(base: string) {
	const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
	const origin = new URL(base).origin;
	return (method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Reply> =>
		new Promise((resolve, reject) => {
			const body = form ? new URLSearchParams(form).toString() : '';
			const req = request(
				`${base}${path}`,
				{
					method,
					agent,
					headers: {
						accept: 'text/html',
						...(method === 'POST'
							? {
									origin,
									'content-type': 'application/x-www-form-urlencoded',
									'content-length': Buffer.byteLength(body)
								}
							: {})
					}
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({
							status: res.statusCode ?? 0,
							location: res.headers.location ?? null,
							body: Buffer.concat(chunks).toString()
						})
					);
				}
			);
			req.on('error', reject);
			req.end(body);
		});
}

function expectRedirect(reply: Reply, to: RegExp, step: string): string {
	if (reply.status !== 303 || !reply.location || !to.test(reply.location)) {
		throw new Error(
			`${step}: expected a redirect to ${to}, got ${reply.status} ${reply.location ?? reply.body.slice(0, 200)}`
		);
	}
	return reply.location;
}

async function benchHttp(): Promise<{
	perSecond: number;
	p50: number;
	p99: number;
	count: number;
}> {
	// BENCH_URL: a server already running with the demo seeded (for profiling it).
	const server = process.env.BENCH_URL
		? { url: process.env.BENCH_URL, stop: async () => {} }
		: await startServer({
				SEED_DEMO: 'true',
				DEMO_PASSWORD: 'benchmark password 1',
				// 50 clients on one machine share one address: lift the per-address limits.
				RATE_LIMITS: UNLIMITED_QUESTIONNAIRES
			});
	try {
		const send = client(server.url);
		// The version id the question pages carry, read once as a browser would.
		const first = expectRedirect(
			await send('POST', `${START}?/start`),
			/\/q\/priority-1-agree$/,
			'start'
		);
		const page = await send('GET', new URL(first, server.url).pathname);
		const versionId = /name="versionId" value="(\d+)"/.exec(page.body)?.[1];
		if (!versionId) throw new Error('no versionId on the question page');

		async function respond(): Promise<void> {
			const location = expectRedirect(
				await send('POST', `${START}?/start`),
				/\/q\/priority-1-agree$/,
				'start'
			);
			const base = new URL(location, server.url).pathname.replace(/\/q\/[^/]+$/, '');
			for (const [key, answer] of ANSWERS) {
				expectRedirect(
					await send('POST', `${base}/q/${key}?/answer`, { versionId: versionId!, answer }),
					/\/(q\/[^/]+|check)$/,
					key
				);
			}
			expectRedirect(await send('POST', `${base}/check`, {}), /\/sent$/, 'send');
		}

		// Warm up (JIT, caches), then measure for a fixed time.
		await Promise.all(Array.from({ length: CLIENTS }, respond));
		const latencies: number[] = [];
		const started = performance.now();
		const deadline = started + SECONDS * 1000;
		await Promise.all(
			Array.from({ length: CLIENTS }, async () => {
				while (performance.now() < deadline) {
					const t = performance.now();
					await respond();
					latencies.push(performance.now() - t);
				}
			})
		);
		const elapsed = (performance.now() - started) / 1000;
		latencies.sort((a, b) => a - b);
		const at = (q: number) =>
			latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
		return {
			perSecond: latencies.length / elapsed,
			p50: at(0.5),
			p99: at(0.99),
			count: latencies.length
		};
	} finally {
		await server.stop();
	}
}

/** The same pages' work without HTTP: each post opens the journey from its link, as the routes do. */
async function benchDirect(): Promise<{ perSecond: number; count: number }> {
	const dir = mkdtempSync(join(tmpdir(), 'coproduce-bench-'));
	try {
		const db = openDatabase(join(dir, 'bench.db'));
		await seedDemo(db, { password: 'benchmark password 1' });
		const c = db.select().from(consultation).where(eq(consultation.slug, SLUG)).get()!;
		const questionnaire = findQuestionnaireByAudience(db, c.id, 'parents_carers')!;
		const respond = () => {
			const started = startResponse(db, questionnaire.id, 'online');
			if (!started.ok) throw new Error(started.reason);
			for (const [key, answer] of ANSWERS) {
				const opened = openJourney(db, started.resumeToken);
				if (!opened.ok) throw new Error(opened.reason);
				const q = opened.journey.questions.find((x) => x.key === key)!;
				const saved = answerQuestion(
					db,
					opened.journey.response.id,
					opened.journey.version.id,
					q.id,
					answer
				);
				if (!saved.ok) throw new Error(`${key}: ${saved.message}`);
				const after = reloadAnswers(db, opened.journey);
				questionAfter(after.questions, after.byKey, key, false);
			}
			const opened = openJourney(db, started.resumeToken);
			if (!opened.ok || missingAnswers(opened.journey.questions, opened.journey.byKey).length)
				throw new Error('incomplete');
			if (!submitResponse(db, opened.journey.response.id).ok) throw new Error('not sent');
		};
		for (let i = 0; i < 200; i++) respond();
		let count = 0;
		const started = performance.now();
		const deadline = started + Math.min(SECONDS, 5) * 1000;
		while (performance.now() < deadline) {
			respond();
			count++;
		}
		db.$client.close();
		return { perSecond: count / ((performance.now() - started) / 1000), count };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const http = await benchHttp();
console.log(
	`# ${http.count} responses over HTTP in ${SECONDS} s at ${CLIENTS} concurrent clients (${ANSWERS.length} questions each)`
);
console.log(`http_responses_per_s: ${http.perSecond.toFixed(1)}`);
console.log(`http_p50_ms: ${http.p50.toFixed(1)}`);
console.log(`http_p99_ms: ${http.p99.toFixed(1)}`);
const direct = await benchDirect();
console.log(`# ${direct.count} responses in-process`);
console.log(`direct_responses_per_s: ${direct.perSecond.toFixed(1)}`);
