// Resume-link secrets (long, secret, only their hash stored) and response references (short, not secret).
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { REFERENCE_ALPHABET } from '../../roadshow/references';

/** 256 random bits, base64url (43 characters): safe in a URL path. */
export function generateResumeToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Hex SHA-256; the database keeps only this. */
export function hashResumeToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Rejects anything that cannot be a token before touching the database. */
export function looksLikeResumeToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** e.g. "R-K7PM-3XQD": the "R-" tells it apart from a booking reference. */
export function generateResponseReference(): string {
	let raw = '';
	for (let i = 0; i < 8; i++) raw += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
	return `R-${raw.slice(0, 4)}-${raw.slice(4)}`;
}
