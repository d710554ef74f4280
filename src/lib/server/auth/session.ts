// Sessions in the style of the Lucia guide: a random token lives only in the browser's cookie,
// the database keeps its SHA-256 hash as the session id, so a leaked database cannot sign anyone in.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { type Db, type DbOrTx, firstRow } from '../db';
import { authSession, staffUser } from '../db/schema';
import { getConfig } from '../config';
import type { StaffSessionUser } from './types';

export const SESSION_COOKIE = 'coproduce_session';
/** lastActiveAt is written at most this often, to spare a write on every request. */
export const REFRESH_INTERVAL_MS = 60_000;

export type Session = typeof authSession.$inferSelect;
export type SessionLimits = { idleMs: number; maxMs: number };
export type SessionState = 'valid' | 'refresh' | 'expired';
export type SessionValidation = { session: Session; user: StaffSessionUser };

export function sessionLimits(): SessionLimits {
	const config = getConfig();
	return {
		idleMs: config.SESSION_IDLE_MINUTES * 60_000,
		maxMs: config.SESSION_MAX_HOURS * 3_600_000
	};
}

/** 32 random bytes (256 bits) as 52 lowercase base32 characters. */
export function generateSessionToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Whether a session may be used at `now`, and whether its lastActiveAt is due a refresh. */
export function sessionState(
	session: Pick<Session, 'createdAt' | 'lastActiveAt'>,
	now: Date,
	limits: SessionLimits
): SessionState {
	const t = now.getTime();
	if (t - session.createdAt.getTime() >= limits.maxMs) return 'expired';
	if (t - session.lastActiveAt.getTime() >= limits.idleMs) return 'expired';
	if (t - session.lastActiveAt.getTime() >= REFRESH_INTERVAL_MS) return 'refresh';
	return 'valid';
}

/** When the session ends if nothing more happens: the earlier of the idle and absolute limits. */
export function sessionExpiresAt(
	session: Pick<Session, 'createdAt' | 'lastActiveAt'>,
	limits: SessionLimits
): Date {
	return new Date(
		Math.min(
			session.createdAt.getTime() + limits.maxMs,
			session.lastActiveAt.getTime() + limits.idleMs
		)
	);
}

export async function createSession(
	db: DbOrTx,
	staffUserId: number,
	now = new Date()
): Promise<{ token: string; session: Session }> {
	const token = generateSessionToken();
	const session: Session = { id: hashToken(token), staffUserId, createdAt: now, lastActiveAt: now };
	await db.insert(authSession).values(session);
	return { token, session };
}

const TOKEN_PATTERN = /^[a-z2-7]{52}$/;

export async function validateSessionToken(
	db: Db,
	token: string,
	now = new Date(),
	limits = sessionLimits()
): Promise<SessionValidation | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const row = firstRow(
		await db
			.select({ session: authSession, user: staffUser })
			.from(authSession)
			.innerJoin(staffUser, eq(authSession.staffUserId, staffUser.id))
			.where(eq(authSession.id, hashToken(token)))
			.limit(1)
	);
	if (!row) return null;
	const { session, user } = row;
	const state = sessionState(session, now, limits);
	if (state === 'expired' || user.disabledAt) {
		await invalidateSession(db, session.id);
		return null;
	}
	if (state === 'refresh') {
		session.lastActiveAt = now;
		await db.update(authSession).set({ lastActiveAt: now }).where(eq(authSession.id, session.id));
	}
	return {
		session,
		user: {
			id: user.id,
			email: user.email,
			name: user.name,
			role: user.role,
			mustChangePassword: user.mustChangePassword
		}
	};
}

/**
 * "Stay signed in" from the time-out warning: counts as activity now, whenever the last refresh
 * was. Returns the new end of the session (the absolute limit still applies), or null if it has
 * already ended.
 */
export async function extendSession(
	db: DbOrTx,
	sessionId: string,
	now = new Date(),
	limits = sessionLimits()
): Promise<Date | null> {
	const session = firstRow(
		await db.select().from(authSession).where(eq(authSession.id, sessionId)).limit(1)
	);
	if (!session || sessionState(session, now, limits) === 'expired') return null;
	await db.update(authSession).set({ lastActiveAt: now }).where(eq(authSession.id, sessionId));
	return sessionExpiresAt({ ...session, lastActiveAt: now }, limits);
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
	await db.delete(authSession).where(eq(authSession.id, sessionId));
}

/** Ends a session named by a cookie's token (used at sign-in and sign-out). */
export async function invalidateSessionToken(db: DbOrTx, token: string | undefined): Promise<void> {
	if (token) await invalidateSession(db, hashToken(token));
}

export async function invalidateUserSessions(db: DbOrTx, staffUserId: number): Promise<void> {
	await db.delete(authSession).where(eq(authSession.staffUserId, staffUserId));
}

type CookieEvent = { cookies: Cookies; url: URL };

/** Plain http is allowed only for local development on this machine. */
export function isSecureContext(url: URL): boolean {
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	return !(url.protocol === 'http:' && local);
}

export function setSessionCookie(event: CookieEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: isSecureContext(event.url),
		expires: expiresAt
	});
}

export function deleteSessionCookie(event: CookieEvent): void {
	event.cookies.delete(SESSION_COOKIE, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: isSecureContext(event.url)
	});
}
