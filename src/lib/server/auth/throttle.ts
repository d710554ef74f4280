// Sign-in throttling. Failures are counted per (email, IP) and per IP, never per email alone:
// an attacker elsewhere cannot lock the real person out of their account, because their failures
// land on a different (email, IP) pair; the per-IP cap stops one address guessing across many accounts.
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { type Db, type DbOrTx, withWriteTransaction, firstRow, lockName } from '../db';
import { signInAttempt } from '../db/schema';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL_IP = 5;
export const MAX_FAILURES_PER_IP = 50;
/** Sign-in attempts (hashed email, IP address) are pruned after this long. */
export const KEEP_ATTEMPTS_MS = 24 * 3_600_000;

export type FailureCounts = { emailIp: number; ip: number };

/** Whether another attempt may go ahead, given the failures in the last 15 minutes. */
export function isThrottled(counts: FailureCounts): boolean {
	return counts.emailIp >= MAX_FAILURES_PER_EMAIL_IP || counts.ip >= MAX_FAILURES_PER_IP;
}

/** Emails are stored hashed: people sometimes type their password into the email field. */
export function emailKey(email: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(email.trim().toLowerCase())));
}

export async function countRecentFailures(
	db: DbOrTx,
	email: string,
	ip: string,
	now: Date
): Promise<FailureCounts> {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	const recentFailures = and(
		eq(signInAttempt.ip, ip),
		eq(signInAttempt.succeeded, false),
		gte(signInAttempt.attemptedAt, since)
	);
	const ipCount =
		firstRow(await db.select({ n: count() }).from(signInAttempt).where(recentFailures).limit(1))
			?.n ?? 0;
	const emailIpCount =
		firstRow(
			await db
				.select({ n: count() })
				.from(signInAttempt)
				.where(and(recentFailures, eq(signInAttempt.emailKey, emailKey(email))))
				.limit(1)
		)?.n ?? 0;
	return { emailIp: emailIpCount, ip: ipCount };
}

export async function isSignInThrottled(
	db: Db,
	email: string,
	ip: string,
	now = new Date()
): Promise<boolean> {
	return isThrottled(await countRecentFailures(db, email, ip, now));
}

/**
 * Counts an attempt BEFORE its password is checked: the check of the limit and the reservation
 * share one immediate transaction, so N parallel attempts count N and none reads a stale count.
 * Every attempt, refused or not, is stored as a failure; a correct password later clears the
 * (email, IP) pair with recordSignInSuccess. Returns whether the attempt may go ahead.
 */
export async function reserveSignInAttempt(
	db: Db,
	email: string,
	ip: string,
	now = new Date()
): Promise<{ allowed: boolean }> {
	const key = emailKey(email);
	return await withWriteTransaction(db, async (tx) => {
		// Both counts are of this address's attempts: parallel attempts from it take turns.
		await lockName(tx, `sign-in:${ip}`);
		const allowed = !isThrottled(await countRecentFailures(tx, email, ip, now));
		await tx
			.insert(signInAttempt)
			.values({ emailKey: key, ip, succeeded: false, attemptedAt: now });
		await tx
			.delete(signInAttempt)
			.where(lt(signInAttempt.attemptedAt, new Date(now.getTime() - KEEP_ATTEMPTS_MS)));
		return { allowed };
	});
}

/** A correct password wipes that (email, IP)'s failures, its own reservation among them. */
export async function recordSignInSuccess(db: Db, email: string, ip: string): Promise<void> {
	await db
		.delete(signInAttempt)
		.where(and(eq(signInAttempt.emailKey, emailKey(email)), eq(signInAttempt.ip, ip)));
}
