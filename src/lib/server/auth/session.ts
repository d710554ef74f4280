// Sessions in the style of the Lucia guide: a random token lives only in the browser's cookie,
// the database keeps its SHA-256 hash as the session id, so a leaked database cannot sign anyone in.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
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

export function createSession(
	db: DbOrTx,
	staffUserId: number,
	now = new Date()
): { token: string; session: Session } {
	const token = generateSessionToken();
	const session: Session = { id: hashToken(token), staffUserId, createdAt: now, lastActiveAt: now };
	db.insert(authSession).values(session).run();
	return { token, session };
}

const TOKEN_PATTERN = /^[a-z2-7]{52}$/;

export function validateSessionToken(
	db: Db,
	token: string,
	now = new Date(),
	limits = sessionLimits()
): SessionValidation | null {
	if (!TOKEN_PATTERN.test(token)) return null;
	const row = db
		.select({ session: authSession, user: staffUser })
		.from(authSession)
		.innerJoin(staffUser, eq(authSession.staffUserId, staffUser.id))
		.where(eq(authSession.id, hashToken(token)))
		.get();
	if (!row) return null;
	const { session, user } = row;
	const state = sessionState(session, now, limits);
	if (state === 'expired' || user.disabledAt) {
		invalidateSession(db, session.id);
		return null;
	}
	if (state === 'refresh') {
		session.lastActiveAt = now;
		db.update(authSession).set({ lastActiveAt: now }).where(eq(authSession.id, session.id)).run();
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
export function extendSession(
	db: DbOrTx,
	sessionId: string,
	now = new Date(),
	limits = sessionLimits()
): Date | null {
	const session = db.select().from(authSession).where(eq(authSession.id, sessionId)).get();
	if (!session || sessionState(session, now, limits) === 'expired') return null;
	db.update(authSession).set({ lastActiveAt: now }).where(eq(authSession.id, sessionId)).run();
	return sessionExpiresAt({ ...session, lastActiveAt: now }, limits);
}

export function invalidateSession(db: DbOrTx, sessionId: string): void {
	db.delete(authSession).where(eq(authSession.id, sessionId)).run();
}

/** Ends a session named by a cookie's token (used at sign-in and sign-out). */
export function invalidateSessionToken(db: DbOrTx, token: string | undefined): void {
	if (token) invalidateSession(db, hashToken(token));
}

export function invalidateUserSessions(db: DbOrTx, staffUserId: number): void {
	db.delete(authSession).where(eq(authSession.staffUserId, staffUserId)).run();
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
