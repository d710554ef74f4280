import { describe, expect, it } from 'vitest';
import { contactDetailsSchema, resumeEmailSchema } from './publicForms';

describe('contact details form', () => {
	it('is all optional, trims, and turns blanks into null', () => {
		expect(
			contactDetailsSchema.parse({ contactName: '  ', contactEmail: '', contactPhone: undefined })
		).toEqual({
			contactName: null,
			contactEmail: null,
			contactPhone: null
		});
		expect(
			contactDetailsSchema.parse({
				contactName: ' Sam ',
				contactEmail: 'sam@example.com',
				contactPhone: '07700 900 982'
			})
		).toEqual({
			contactName: 'Sam',
			contactEmail: 'sam@example.com',
			contactPhone: '07700 900 982'
		});
	});

	it('gives GOV.UK messages for a badly formed email or phone number', () => {
		const result = contactDetailsSchema.safeParse({
			contactEmail: 'sam@',
			contactPhone: 'call me'
		});
		expect(result.success).toBe(false);
		const messages = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
		expect(messages).toEqual([
			['contactEmail', 'Enter an email address in the correct format, like name@example.com'],
			[
				'contactPhone',
				'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'
			]
		]);
	});
});

describe('resume link email form', () => {
	it('needs an email address in the correct format', () => {
		expect(resumeEmailSchema.safeParse({ email: '' }).error?.issues[0].message).toBe(
			'Enter your email address'
		);
		expect(resumeEmailSchema.safeParse({ email: 'nope' }).error?.issues[0].message).toMatch(
			/correct format/
		);
		expect(resumeEmailSchema.parse({ email: ' sam@example.com ' })).toEqual({
			email: 'sam@example.com'
		});
	});
});
