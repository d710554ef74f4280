// Booking references (short, easy to read aloud, not secret) and manage-link secrets (long, secret).
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: characters people confuse when reading or typing a reference. */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const REFERENCE_LENGTH = 8;

/** e.g. "K7PM-3XQD". */
export function generateBookingReference(): string {
	let raw = '';
	// randomInt is uniform (no modulo bias).
	for (let i = 0; i < REFERENCE_LENGTH; i++)
		raw += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
	return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** A typed-in reference in its stored form, or null if it cannot be one (ambiguous letters are refused, not guessed). */
export function normaliseReference(input: string): string | null {
	const raw = input.toUpperCase().replace(/[\s-]/g, '');
	if (raw.length !== REFERENCE_LENGTH) return null;
	for (const c of raw) if (!REFERENCE_ALPHABET.includes(c)) return null;
	return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** 256 random bits, base64url (43 characters): safe in a URL path. */
export function generateManageToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashManageToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** How long a manage link works from when it is sent (retention ends it sooner, with the contact details). */
export const MANAGE_LINK_DAYS = 365;

export function manageLinkExpiresAt(sentAt: Date): Date {
	return new Date(sentAt.getTime() + MANAGE_LINK_DAYS * 24 * 60 * 60 * 1000);
}

/** The client address a booking came from, as a hash: enough to see many bookings from one place. */
export function hashClientAddress(address: string): string {
	return createHash('sha256').update(address.trim().toLowerCase()).digest('hex');
}

/** Put in each booking form, so a double-click or resubmission finds the booking already made. */
export function generateIdempotencyKey(): string {
	return randomBytes(16).toString('base64url');
}
