// Counting requests against the limits in policy.ts, with rate-limiter-flexible's store for the
// shared database's engine (SQLite or PostgreSQL): one atomic upsert per count, so parallel
// requests and several server processes all count against the same numbers.
import {
	RateLimiterPostgres,
	RateLimiterRes,
	type RateLimiterStoreAbstract
} from 'rate-limiter-flexible';
import type pg from 'pg';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { lockName, withWriteTransaction, type Db } from '../db';
import { engineOf } from '../db/engine';
import { getConfig } from '../config';
import { findLatestAudit, recordAudit, rewriteAuditSummary } from '../audit';
import { PreparedRateLimiterSQLite } from './store';
import { LIMITS, parseLimitOverrides, type CountBy, type Limit, type LimitName } from './policy';

export * from './policy';

let configured: Record<LimitName, Limit> | undefined;

/** The limits in force: the defaults with the RATE_LIMITS setting applied. */
export function currentLimits(): Record<LimitName, Limit> {
	configured ??= parseLimitOverrides(getConfig().RATE_LIMITS);
	return configured;
}

const limiters = new WeakMap<Db, Map<string, RateLimiterStoreAbstract>>();

function limiterFor(db: Db, name: LimitName, limit: Limit): RateLimiterStoreAbstract {
	let perDb = limiters.get(db);
	if (!perDb) limiters.set(db, (perDb = new Map()));
	const id = `${name}:${limit.points}/${limit.seconds}`;
	let limiter = perDb.get(id);
	if (!limiter) {
		const options = {
			// The table comes from the drizzle schema (schema/limits.ts, schema-pg/limits.ts) and its
			// migration, so the limiter is ready at once: it creates nothing. Its columns must stay
			// key, points, expire in that order: the PostgreSQL store inserts without naming them.
			tableName: 'rate_limit',
			tableCreated: true as const,
			clearExpiredByTimeout: true,
			keyPrefix: name,
			points: limit.points,
			duration: limit.seconds
		};
		limiter =
			engineOf(db).dialect === 'postgres'
				? new RateLimiterPostgres({
						...options,
						storeClient: db.$client as unknown as pg.Pool,
						storeType: 'pool'
					})
				: new PreparedRateLimiterSQLite({
						...options,
						storeClient: db.$client,
						storeType: 'better-sqlite3'
					});
		perDb.set(id, limiter);
	}
	return limiter;
}

/** Email addresses are counted by hash: the counters never hold one as typed. */
export function countingKey(value: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(value.trim().toLowerCase())));
}

export type Check = { limit: LimitName; key: string };

/** What to count for a form post, given its limits; an empty email field counts nothing. */
export function checksFor(
	limits: [LimitName, CountBy][],
	request: { address: string; params: Record<string, string>; form: FormData | null }
): Check[] {
	return limits.flatMap(([limit, by]): Check[] => {
		if (by === 'address') return [{ limit, key: request.address }];
		if ('field' in by) {
			const value = request.form?.get(by.field);
			return typeof value === 'string' && value.trim() ? [{ limit, key: countingKey(value) }] : [];
		}
		return [{ limit, key: `${request.params[by.param] ?? ''}:${request.address}` }];
	});
}

export type LimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one request against each check. Refused when any limit is past its number; the wait is
 * the longest among them. Refusals are audited in aggregate: one line per (limit, key) and window,
 * counting the requests refused, so a flood leaves one line in the audit log rather than thousands.
 */
export async function consumeLimits(
	db: Db,
	checks: Check[],
	context: { ip: string; now?: Date },
	limits = currentLimits()
): Promise<LimitOutcome> {
	let retryMs = 0;
	for (const { limit: name, key } of checks) {
		const limit = limits[name];
		try {
			await limiterFor(db, name, limit).consume(key);
		} catch (result) {
			if (!(result instanceof RateLimiterRes)) throw result;
			retryMs = Math.max(retryMs, result.msBeforeNext);
			// Read at once: the wait until the window ends is counted from now.
			const windowEnds = Date.now() + result.msBeforeNext;
			await auditRefusal(db, name, key, limit, result.consumedPoints, windowEnds, context);
		}
	}
	return retryMs > 0 ? { ok: false, retryAfterSeconds: Math.ceil(retryMs / 1000) } : { ok: true };
}

/** How many refusals an audit line written by auditRefusal counts. */
const refusalsIn = (summary: string) => Number(/^Refused (\d+)/.exec(summary)?.[1] ?? 0);

/**
 * One audit line per limit, key and window, its count of refusals only ever rising. Parallel
 * refusals reach here in any order (on PostgreSQL the third may come before the first): under a
 * lock on the line, the window's line is raised to this count if it shows fewer, and written if
 * the window has none yet. A second's grace covers a request timed just before its window began.
 */
async function auditRefusal(
	db: Db,
	name: LimitName,
	key: string,
	limit: Limit,
	consumedPoints: number,
	windowEnds: number,
	context: { ip: string; now?: Date }
): Promise<void> {
	const now = context.now ?? new Date();
	const event = {
		action: 'rate_limit.refused',
		subjectType: 'rate_limit',
		subjectId: `${name}:${countingKey(key).slice(0, 12)}`
	};
	const refused = consumedPoints - limit.points;
	const summary = `Refused ${refused === 1 ? '1 request' : `${refused} requests`}: more than ${limit.points} ${limit.what} in ${windowText(limit.seconds)}`;
	const windowBegan = new Date(windowEnds - limit.seconds * 1000 - 1000);
	await withWriteTransaction(db, async (tx) => {
		await lockName(tx, `audit:${event.subjectId}`);
		const line = await findLatestAudit(tx, event, windowBegan);
		if (!line) await recordAudit(tx, { ...event, summary, ip: context.ip }, now);
		else if (refusalsIn(line.summary) < refused) await rewriteAuditSummary(tx, line.id, summary);
	});
}

function windowText(seconds: number): string {
	if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
	if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
	return `${seconds} seconds`;
}

export { LIMITS };
