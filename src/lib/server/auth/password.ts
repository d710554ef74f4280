import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { COMMON_PASSWORDS_TEXT } from './common-passwords';

// OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane.
const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id (a const enum, which isolated modules cannot read)
const options = {
	algorithm: ARGON2ID,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
};

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const commonPasswords = new Set(
	COMMON_PASSWORDS_TEXT.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
);

// The same characters typed on different keyboards can arrive in different Unicode forms.
function normalise(password: string): string {
	return password.normalize('NFKC');
}

export function hashPassword(password: string): Promise<string> {
	return hash(normalise(password), options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, normalise(password));
	} catch {
		return false;
	}
}

/** Counts what people see as characters (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
	return [...normalise(password)].length;
}

export function isCommonPassword(password: string): boolean {
	return commonPasswords.has(normalise(password).toLowerCase());
}

/**
 * NIST SP 800-63B style rules: length and a block list, no composition rules.
 * Returns a message to show beside the field, or null when the password is acceptable.
 */
export function checkPasswordRules(
	password: string,
	person: { email?: string; name?: string } = {}
): string | null {
	const length = passwordLength(password);
	if (length < PASSWORD_MIN) return `Password must be ${PASSWORD_MIN} characters or more`;
	if (length > PASSWORD_MAX) return `Password must be ${PASSWORD_MAX} characters or fewer`;
	const lower = normalise(password).trim().toLowerCase();
	if (person.email && lower === person.email.trim().toLowerCase()) {
		return 'Password must not be the same as your email address';
	}
	if (person.name && lower === person.name.trim().toLowerCase()) {
		return 'Password must not be the same as your name';
	}
	if (isCommonPassword(password)) {
		return 'Password is too easy to guess because lots of people use it. Choose a different password';
	}
	return null;
}

// No 0/o, 1/l/i: easy to read aloud and to copy from a screen.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password such as "k7pm-3qxa-vt9e-h2rw": 16 characters from 31, about 79 bits. */
export function generateOneTimePassword(): string {
	const chars: string[] = [];
	const limit = 256 - (256 % ALPHABET.length); // reject the top bytes so every character is equally likely
	while (chars.length < 16) {
		for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
			if (byte < limit && chars.length < 16) chars.push(ALPHABET[byte % ALPHABET.length]);
		}
	}
	return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
