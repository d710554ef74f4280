// Every length and count limit on booking answers and session forms: the limit is accepted, one
// more refused. (The party size and roadshow note lengths are tested with the booking rules.)
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../shared/forms';
import { cancelSessionSchema, sessionFormSchema } from './sessionValidation';
import { accessNeedsSchema, contactSchema, EMAIL_FORMAT_MESSAGE, whoSchema } from './validation';
import type { z } from 'zod';

const errorsOf = (schema: z.ZodType, values: Record<string, unknown>) => {
	const result = schema.safeParse(values);
	return result.success ? {} : fieldErrors(result.error);
};

const text = (n: number) => 'x'.repeat(n);
const email = (n: number) => `${'a'.repeat(n - '@example.org'.length)}@example.org`;

describe('booking answer limits', () => {
	const onBehalf = {
		bookedBy: 'on_behalf',
		organisationName: 'Park School',
		organisationRole: 'SENCO'
	};
	const contact = { contactName: 'Sam Jones', email: 'sam@example.org' };

	it.each([
		[
			whoSchema,
			onBehalf,
			'organisationName',
			200,
			text,
			'Name of your school, setting or organisation must be 200 characters or less'
		],
		[
			whoSchema,
			onBehalf,
			'organisationRole',
			200,
			text,
			'Your role must be 200 characters or less'
		],
		[contactSchema, contact, 'contactName', 200, text, 'Full name must be 200 characters or less'],
		[contactSchema, contact, 'familyName', 200, text, 'Name must be 200 characters or less'],
		[contactSchema, contact, 'email', 254, email, EMAIL_FORMAT_MESSAGE],
		[contactSchema, contact, 'familyEmail', 254, email, EMAIL_FORMAT_MESSAGE],
		[
			accessNeedsSchema,
			{ accessNeeds: ['other'] },
			'accessNeedsOther',
			500,
			text,
			'Other access needs must be 500 characters or less'
		]
	] as const)(
		'%#: %s %s accepts %i characters and refuses one more',
		(schema, base, field, limit, make, message) => {
			expect(make(limit)).toHaveLength(limit);
			expect(errorsOf(schema, { ...base, [field]: make(limit) })).toEqual({});
			expect(errorsOf(schema, { ...base, [field]: make(limit + 1) })).toEqual({ [field]: message });
		}
	);

	it('a telephone number has 10 to 15 digits', () => {
		const phone = (digits: number) => `0${'7'.repeat(digits - 1)}`;
		for (const field of ['phone', 'familyPhone']) {
			expect(errorsOf(contactSchema, { ...contact, [field]: phone(10) })).toEqual({});
			expect(errorsOf(contactSchema, { ...contact, [field]: phone(15) })).toEqual({});
			expect(Object.keys(errorsOf(contactSchema, { ...contact, [field]: phone(9) }))).toEqual([
				field
			]);
			expect(Object.keys(errorsOf(contactSchema, { ...contact, [field]: phone(16) }))).toEqual([
				field
			]);
		}
	});
});

describe('session form limits', () => {
	const inPerson = {
		title: 'Parents and carers',
		audienceLabel: 'Parents/Carers',
		mode: 'in_person',
		venueName: 'Bridge Chapel',
		address: '1 Chapel Road',
		postcode: 'L1 1JD',
		'date-day': '13',
		'date-month': '6',
		'date-year': '2026',
		startTime: '6:30pm',
		endTime: '8pm',
		capacity: '40'
	};
	const online = { ...inPerson, mode: 'online', joiningLink: 'https://meet.example.org/send' };
	const link = (n: number) =>
		`https://meet.example.org/${'l'.repeat(n - 'https://meet.example.org/'.length)}`;

	it.each([
		[inPerson, 'title', 200, text, 'Title must be 200 characters or less'],
		[inPerson, 'audienceLabel', 100, text, 'Who the session is for must be 100 characters or less'],
		[inPerson, 'venueName', 200, text, 'Venue name must be 200 characters or less'],
		[inPerson, 'address', 500, text, 'Address must be 500 characters or less'],
		[inPerson, 'area', 100, text, 'Area must be 100 characters or less'],
		[online, 'joiningLink', 500, link, 'Joining link must be 500 characters or less'],
		[inPerson, 'parking', 500, text, 'Parking must be 500 characters or less'],
		[
			inPerson,
			'accessibilityNotes',
			2000,
			text,
			'Accessibility information must be 2000 characters or less'
		]
	] as const)(
		'%#: %s accepts %i characters and refuses one more',
		(base, field, limit, make, message) => {
			expect(make(limit)).toHaveLength(limit);
			expect(errorsOf(sessionFormSchema, { ...base, [field]: make(limit) })).toEqual({});
			expect(errorsOf(sessionFormSchema, { ...base, [field]: make(limit + 1) })).toEqual({
				[field]: message
			});
		}
	);

	it('places: 1 and 1000 accepted, 0 and 1001 refused', () => {
		const message = 'Number of places must be between 1 and 1000';
		expect(errorsOf(sessionFormSchema, { ...inPerson, capacity: '1' })).toEqual({});
		expect(errorsOf(sessionFormSchema, { ...inPerson, capacity: '1000' })).toEqual({});
		expect(errorsOf(sessionFormSchema, { ...inPerson, capacity: '0' })).toEqual({
			capacity: message
		});
		expect(errorsOf(sessionFormSchema, { ...inPerson, capacity: '1001' })).toEqual({
			capacity: message
		});
	});

	it('a cancellation reason: 500 characters accepted, 501 refused', () => {
		expect(errorsOf(cancelSessionSchema, { reason: text(500) })).toEqual({});
		expect(errorsOf(cancelSessionSchema, { reason: text(501) })).toEqual({
			reason: 'Reason must be 500 characters or less'
		});
	});
});
