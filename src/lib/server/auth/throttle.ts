// Sign-in throttling. Failures are counted per (email, IP) and per IP, never per email alone:
// an attacker elsewhere cannot lock the real person out of their account, because their failures
// land on a different (email, IP) pair; the per-IP cap stops one address guessing across many accounts.
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db';
import { signInAttempt } from '../db/schema';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL_IP = 5;
export const MAX_FAILURES_PER_IP = 50;
const KEEP_ATTEMPTS_MS = 24 * 3_600_000;

export type FailureCounts = { emailIp: number; ip: number };

/** Whether another attempt may go ahead, given the failures in the last 15 minutes. */
export function isThrottled(counts: FailureCounts): boolean {
	return counts.emailIp >= MAX_FAILURES_PER_EMAIL_IP || counts.ip >= MAX_FAILURES_PER_IP;
}

/** Emails are stored hashed: people sometimes type their password into the email field. */
export function emailKey(email: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(email.trim().toLowerCase())));
}

export function countRecentFailures(db: Db, email: string, ip: string, now: Date): FailureCounts {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	const recentFailures = and(
		eq(signInAttempt.ip, ip),
		eq(signInAttempt.succeeded, false),
		gte(signInAttempt.attemptedAt, since)
	);
	const ipCount = db.select({ n: count() }).from(signInAttempt).where(recentFailures).get()?.n ?? 0;
	const emailIpCount =
		db
			.select({ n: count() })
			.from(signInAttempt)
			.where(and(recentFailures, eq(signInAttempt.emailKey, emailKey(email))))
			.get()?.n ?? 0;
	return { emailIp: emailIpCount, ip: ipCount };
}

export function isSignInThrottled(db: Db, email: string, ip: string, now = new Date()): boolean {
	return isThrottled(countRecentFailures(db, email, ip, now));
}

/** A success wipes that (email, IP)'s failures. Old rows are pruned as we go. */
export function recordSignInAttempt(
	db: Db,
	email: string,
	ip: string,
	succeeded: boolean,
	now = new Date()
): void {
	const key = emailKey(email);
	db.transaction(
		(tx) => {
			if (succeeded) {
				tx.delete(signInAttempt)
					.where(and(eq(signInAttempt.emailKey, key), eq(signInAttempt.ip, ip)))
					.run();
			} else {
				tx.insert(signInAttempt).values({ emailKey: key, ip, succeeded, attemptedAt: now }).run();
			}
			tx.delete(signInAttempt)
				.where(lt(signInAttempt.attemptedAt, new Date(now.getTime() - KEEP_ATTEMPTS_MS)))
				.run();
		},
		{ behavior: 'immediate' }
	);
}
