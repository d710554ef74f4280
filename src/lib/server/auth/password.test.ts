import { describe, expect, it } from 'vitest';
import {
	checkPasswordRules,
	generateOneTimePassword,
	hashPassword,
	isCommonPassword,
	passwordLength,
	verifyPassword
} from './password';

describe('hashPassword and verifyPassword', () => {
	it('uses Argon2id with at least 19 MiB, 2 passes and 1 lane', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(hash).not.toContain('correct horse battery');
	});

	it('accepts the right password and refuses a wrong one', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hash, 'Correct horse battery')).toBe(false);
		expect(await verifyPassword(hash, '')).toBe(false);
	});

	it('salts every hash', async () => {
		expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
	});

	it('treats the same text in different Unicode forms as the same password', async () => {
		const composed = 'caf\u00e9 au lait';
		const decomposed = 'cafe\u0301 au lait';
		expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
	});

	it('returns false for a damaged hash instead of throwing', async () => {
		expect(await verifyPassword('not a hash', 'anything at all')).toBe(false);
	});
});

describe('checkPasswordRules', () => {
	it('needs 8 characters or more', () => {
		expect(checkPasswordRules('')).toBe('Password must be 8 characters or more');
		expect(checkPasswordRules('Xk3#pq7')).toBe('Password must be 8 characters or more');
		expect(checkPasswordRules('Xk3#pq7w')).toBeNull();
	});

	it('allows up to 128 characters', () => {
		expect(checkPasswordRules('x'.repeat(127) + 'y')).toBeNull();
		expect(checkPasswordRules('x'.repeat(128) + 'y')).toBe(
			'Password must be 128 characters or fewer'
		);
	});

	it('counts characters, not UTF-16 units', () => {
		// 7 emoji are 14 UTF-16 units but only 7 characters.
		expect(passwordLength('🦊🐢🐙🦉🐝🦋🐞')).toBe(7);
		expect(checkPasswordRules('🦊🐢🐙🦉🐝🦋🐞')).toBe('Password must be 8 characters or more');
		expect(checkPasswordRules('🦊🐢🐙🦉🐝🦋🐞🐌')).toBeNull();
		expect(checkPasswordRules('🦊'.repeat(128))).toBeNull();
		expect(checkPasswordRules('🦊'.repeat(129))).toBe('Password must be 128 characters or fewer');
	});

	it('accepts any characters, with no rules about mixing them', () => {
		expect(checkPasswordRules('purple elephants dance')).toBeNull();
		expect(checkPasswordRules('Łódź jest piękna')).toBeNull();
		expect(checkPasswordRules('ありがとうございます')).toBeNull();
	});

	it('refuses commonly used passwords whatever their case', () => {
		for (const pw of [
			'password',
			'PASSWORD',
			'Password1',
			'12345678',
			'qwertyuiop',
			'iloveyou1',
			'football',
			'LetMeIn123',
			'liverpool'
		]) {
			expect(checkPasswordRules(pw), pw).toMatch(/too easy to guess/);
		}
		expect(isCommonPassword('letmein')).toBe(true);
		expect(isCommonPassword('purple elephants dance')).toBe(false);
	});

	it('ships a list of about a thousand common passwords', async () => {
		const { COMMON_PASSWORDS_TEXT } = await import('./common-passwords');
		const entries = COMMON_PASSWORDS_TEXT.split('\n').filter(Boolean);
		expect(entries.length).toBeGreaterThanOrEqual(1000);
		expect(entries.every((e) => e === e.toLowerCase())).toBe(true);
	});

	it('refuses the email address or name as the password', () => {
		const person = { email: 'jo.murphy@example.org', name: 'Jo Murphy Facilitator' };
		expect(checkPasswordRules('Jo.Murphy@example.org', person)).toBe(
			'Password must not be the same as your email address'
		);
		expect(checkPasswordRules('jo murphy facilitator', person)).toBe(
			'Password must not be the same as your name'
		);
		expect(checkPasswordRules('jo.murphy@example.org!', person)).toBeNull();
	});
});

describe('generateOneTimePassword', () => {
	it('is 4 groups of 4 from an alphabet without look-alike characters', () => {
		for (let i = 0; i < 50; i++) {
			const otp = generateOneTimePassword();
			expect(otp).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
			expect(otp).not.toMatch(/[01ilo]/);
		}
	});

	it('is different every time and passes the password rules', () => {
		const all = new Set(Array.from({ length: 200 }, generateOneTimePassword));
		expect(all.size).toBe(200);
		for (const otp of all) expect(checkPasswordRules(otp)).toBeNull();
	});

	it('has at least 64 bits of randomness', () => {
		expect(16 * Math.log2(31)).toBeGreaterThanOrEqual(64);
	});
});
