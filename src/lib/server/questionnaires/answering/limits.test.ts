// The length limits on answers and contact details: the limit is accepted, one more refused.
// (A question's own character limit is in validation.test.ts.)
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../shared/forms';
import { contactDetailsSchema } from './publicForms';
import { TEXT_CEILING, validateAnswer } from './validation';

const errorsOf = (values: Record<string, string>) => {
	const result = contactDetailsSchema.safeParse(values);
	return result.success ? {} : fieldErrors(result.error);
};

describe('answer limits', () => {
	const text = {
		kind: 'text',
		required: false,
		maxChars: null,
		maxWords: null,
		textFormat: null
	} as const;

	it('text without a limit of its own: 10,000 characters accepted, 10,001 refused', () => {
		expect(TEXT_CEILING).toBe(10_000);
		expect(validateAnswer(text, [], 'a'.repeat(10_000)).ok).toBe(true);
		expect(validateAnswer(text, [], 'a'.repeat(10_001)).ok).toBe(false);
	});

	it('a question limit above the ceiling is held to the ceiling', () => {
		const generous = { ...text, maxChars: 20_000 };
		expect(validateAnswer(generous, [], 'a'.repeat(10_000)).ok).toBe(true);
		expect(validateAnswer(generous, [], 'a'.repeat(10_001))).toEqual({
			ok: false,
			message: 'Your answer must be 10,000 characters or fewer'
		});
	});

	it('a word limit: that many words accepted, one more refused', () => {
		const q = { ...text, maxWords: 100 };
		const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
		expect(validateAnswer(q, [], words(100)).ok).toBe(true);
		expect(validateAnswer(q, [], words(101))).toEqual({
			ok: false,
			message: 'Your answer must be 100 words or fewer'
		});
	});
});

describe('contact detail limits', () => {
	it('name: 200 characters accepted, 201 refused', () => {
		expect(errorsOf({ contactName: 'n'.repeat(200) })).toEqual({});
		expect(errorsOf({ contactName: 'n'.repeat(201) })).toEqual({
			contactName: 'Your name must be 200 characters or fewer'
		});
	});

	it('email address: 254 characters accepted, 255 refused', () => {
		const email = (n: number) => `${'a'.repeat(n - '@example.org'.length)}@example.org`;
		expect(errorsOf({ contactEmail: email(254) })).toEqual({});
		expect(errorsOf({ contactEmail: email(255) })).toEqual({
			contactEmail: 'Your email address must be 254 characters or fewer'
		});
	});

	it('telephone: 40 characters accepted, 41 refused; 10 to 15 digits', () => {
		// Digits with hyphens between, as people type them.
		const phone = (n: number) => `0770090098${'-'.repeat(n - 11)}2`;
		expect(errorsOf({ contactPhone: phone(40) })).toEqual({});
		expect(errorsOf({ contactPhone: phone(41) })).toEqual({
			contactPhone: 'Your telephone number must be 40 characters or fewer'
		});
		const digits = (n: number) => `0${'7'.repeat(n - 1)}`;
		expect(errorsOf({ contactPhone: digits(10) })).toEqual({});
		expect(errorsOf({ contactPhone: digits(15) })).toEqual({});
		expect(Object.keys(errorsOf({ contactPhone: digits(9) }))).toEqual(['contactPhone']);
		expect(Object.keys(errorsOf({ contactPhone: digits(16) }))).toEqual(['contactPhone']);
	});
});
