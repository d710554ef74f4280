// The length limits on staff accounts and sign-in: the limit is accepted, one more refused.
// (Password lengths are in password.test.ts; failure counts in throttle.test.ts.)
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from '../shared/forms';
import { signInSchema } from './signIn';
import { createStaffSchema, updateStaffSchema } from './users';

const errorsOf = (schema: z.ZodType, values: Record<string, unknown>) => {
	const result = schema.safeParse(values);
	return result.success ? {} : fieldErrors(result.error);
};
const email = (n: number) => `${'a'.repeat(n - '@council.gov.uk'.length)}@council.gov.uk`;

describe('staff account limits', () => {
	const staff = { name: 'Jo Bloggs', email: 'jo@council.gov.uk', role: 'lead' };

	it('full name: 100 characters accepted, 101 refused, on creating and on changing', () => {
		for (const schema of [createStaffSchema, updateStaffSchema]) {
			expect(errorsOf(schema, { ...staff, name: 'n'.repeat(100) })).toEqual({});
			expect(errorsOf(schema, { ...staff, name: 'n'.repeat(101) })).toEqual({
				name: 'Full name must be 100 characters or fewer'
			});
		}
	});

	it('email address: 254 characters accepted, 255 refused', () => {
		expect(errorsOf(createStaffSchema, { ...staff, email: email(254) })).toEqual({});
		expect(errorsOf(createStaffSchema, { ...staff, email: email(255) })).toEqual({
			email: 'Email address must be 254 characters or fewer'
		});
	});
});

describe('sign-in limits', () => {
	it('email address: 254 characters accepted, 255 refused', () => {
		expect(errorsOf(signInSchema, { email: email(254), password: 'secret' })).toEqual({});
		expect(errorsOf(signInSchema, { email: email(255), password: 'secret' })).toEqual({
			email: 'Email address must be 254 characters or fewer'
		});
	});
});
