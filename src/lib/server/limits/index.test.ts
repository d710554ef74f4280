import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { openDatabase, type Db } from '../db';
import { openPostgres } from '../db/postgres';
import { closeAtEnd, emptyDatabase, postgresAvailable } from '../db/pgFixtures';
import * as pgSchema from '../db/schema-pg';
import { auditEvent, rateLimit } from '../db/schema';
import {
	checksFor,
	consumeLimits,
	countingKey,
	LIMITS,
	type Check,
	type LimitOutcome
} from './index';
import type { LimitName } from './policy';
import { openTestDatabase } from '../db/testDatabase';

const ip = '203.0.113.9';
const run = (db: ReturnType<typeof openDatabase>, checks: Check[], times: number) =>
	Promise.all(Array.from({ length: times }, () => consumeLimits(db, checks, { ip })));

describe('consumeLimits', () => {
	// Every limit in the table: its number is accepted, one more is refused.
	for (const name of Object.keys(LIMITS) as LimitName[]) {
		it(`accepts ${LIMITS[name].points} for ${name} and refuses the next`, async () => {
			const db = await openTestDatabase();
			const checks = [{ limit: name, key: ip }];
			const allowed = await run(db, checks, LIMITS[name].points);
			expect(allowed.every((o) => o.ok)).toBe(true);
			const refused = await consumeLimits(db, checks, { ip });
			expect(refused.ok).toBe(false);
			if (!refused.ok) {
				expect(refused.retryAfterSeconds).toBeGreaterThan(0);
				expect(refused.retryAfterSeconds).toBeLessThanOrEqual(LIMITS[name].seconds);
			}
		});
	}

	it('counts keys apart: another address is not refused', async () => {
		const db = await openTestDatabase();
		await run(db, [{ limit: 'booking_start_address', key: ip }], 21);
		const other = await consumeLimits(db, [{ limit: 'booking_start_address', key: '10.0.0.1' }], {
			ip: '10.0.0.1'
		});
		expect(other.ok).toBe(true);
	});

	// On PostgreSQL the parallel refusals reach their audit line in any order.
	it('audits a flood once per window, not once per request, with its full count', async () => {
		const db = await openTestDatabase();
		await run(db, [{ limit: 'booking_start_address', key: ip }], 60);
		const audits = await db.select().from(auditEvent);
		expect(audits).toHaveLength(1);
		expect(audits[0]).toMatchObject({ action: 'rate_limit.refused', ip });
		expect(audits[0].summary).toBe(
			'Refused 40 requests: more than 20 booking starts from one address in 10 minutes'
		);
		// Another address refused by the same limit is a line of its own, with its own count.
		await run(db, [{ limit: 'booking_start_address', key: '10.0.0.1' }], 22);
		// In id order: PostgreSQL returns an updated row wherever its new version went.
		const lines = await db.select().from(auditEvent).orderBy(auditEvent.id);
		expect(lines.map((a) => a.summary.split(':')[0])).toEqual([
			'Refused 40 requests',
			'Refused 2 requests'
		]);
	});

	it('holds across two connections to one database file (two server processes)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'limits-'));
		const path = join(dir, 'two.db');
		const first = openDatabase(path);
		const second = openDatabase(path);
		const checks = [{ limit: 'link_request_address' as const, key: ip }];
		await run(first, checks, 6);
		await run(second, checks, 4);
		expect((await consumeLimits(first, checks, { ip })).ok).toBe(false);
		expect((await consumeLimits(second, checks, { ip })).ok).toBe(false);
		first.$client.close();
		second.$client.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('counts a burst from three processes at once exactly', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'limits-'));
		const path = join(dir, 'burst.db');
		openDatabase(path).$client.close(); // migrated before the processes open it
		const children = [1, 2, 3].map(() =>
			spawn('node_modules/.bin/tsx', ['src/lib/server/limits/burst.child.ts', path, '60', '100'], {
				stdio: ['pipe', 'pipe', 'inherit']
			})
		);
		const lines = children.map((child) => {
			let out = '';
			child.stdout.on('data', (d) => (out += d));
			return {
				ready: new Promise<void>((ok) =>
					child.stdout.on('data', () => out.includes('ready') && ok())
				),
				done: new Promise<string>((ok) => child.on('exit', () => ok(out)))
			};
		});
		await Promise.all(lines.map((l) => l.ready));
		for (const child of children) child.stdin.write('go\n');
		const accepted = (await Promise.all(lines.map((l) => l.done))).map((out) =>
			Number(/accepted (\d+)/.exec(out)?.[1])
		);
		const db = openDatabase(path);
		try {
			// 180 requests against a limit of 100: exactly 100 let through, every one counted.
			expect(accepted.reduce((a, b) => a + b, 0)).toBe(100);
			expect(await db.select().from(rateLimit)).toMatchObject([{ points: 180 }]);
			expect(await db.select().from(auditEvent)).toHaveLength(1);
		} finally {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	}, 30_000);

	it('stores email addresses only as hashes', async () => {
		const db = await openTestDatabase();
		const form = new FormData();
		form.set('email', ' Jo@Example.org ');
		const checks = checksFor([['link_request_email', { field: 'email' }]], {
			address: ip,
			params: {},
			form
		});
		expect(checks).toEqual([{ limit: 'link_request_email', key: countingKey('jo@example.org') }]);
		await consumeLimits(db, checks, { ip });
		expect(JSON.stringify(await db.select().from(rateLimit))).not.toContain('example');
	});
});

describe.skipIf(!postgresAvailable)('consumeLimits on PostgreSQL', () => {
	const limits = {
		...LIMITS,
		booking_start_address: { ...LIMITS.booking_start_address, points: 10 }
	};
	const checks = [{ limit: 'booking_start_address' as const, key: ip }];
	// The SQLite-typed functions take a PostgreSQL handle as the app will (engineOf tells them apart).
	const open = async (url: string) =>
		closeAtEnd(await openPostgres(url, pgSchema)) as unknown as Db;
	const requests = (db: Db, times: number) =>
		Array.from({ length: times }, () => consumeLimits(db, checks, { ip }, limits));
	/**
	 * The requests let through, each refusal checked to be one: refused, or failing only at its
	 * audit line (in the SQLite run the audit functions use SQLite's tables, binding dates as
	 * numbers, which PostgreSQL refuses; the PostgreSQL run checks the audit line itself).
	 */
	const letThrough = async (all: Promise<LimitOutcome>[]) => {
		const results = await Promise.allSettled(all);
		for (const r of results)
			if (r.status === 'rejected')
				expect(String(r.reason)).toMatch(
					/^Error: Failed query: (select .* from|insert into|update) "audit_event"/
				);
			else if (!r.value.ok) expect(r.value.retryAfterSeconds).toBeGreaterThan(0);
		return results.filter((r) => r.status === 'fulfilled' && r.value.ok).length;
	};
	const counted = async (db: Db) =>
		(await (db.$client as unknown as pg.Pool).query('SELECT points FROM rate_limit')).rows;

	it('lets exactly 10 of 50 parallel requests on one key through, counting all 50', async () => {
		const db = await open(await emptyDatabase());
		expect(await letThrough(requests(db, 50))).toBe(10);
		expect(await counted(db)).toEqual([{ points: 50 }]);
	});

	it('counts against the same number from two pools on one database (two processes)', async () => {
		const url = await emptyDatabase();
		const [first, second] = [await open(url), await open(url)];
		expect(await letThrough([...requests(first, 25), ...requests(second, 25)])).toBe(10);
		expect(await counted(second)).toEqual([{ points: 50 }]);
	});
});

describe('checksFor', () => {
	it('counts a booking session together with the address, and skips an empty email', () => {
		const form = new FormData();
		form.set('email', '  ');
		expect(
			checksFor(
				[
					['booking_confirm_session', { param: 'sessionId', withAddress: true }],
					['booking_email_address', { field: 'email' }]
				],
				{ address: ip, params: { sessionId: '7' }, form }
			)
		).toEqual([{ limit: 'booking_confirm_session', key: `7:${ip}` }]);
	});
});
