import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
	consentQuestionSchema,
	accessNeedsSchema,
	accessErrorsForBooker,
	bookingDetailsSchema,
	contactSchema,
	placesSchema,
	resendLinkSchema,
	whoSchema
} from './validation';

function errorsOf(schema: z.ZodType, values: Record<string, unknown>): Record<string, string> {
	const result = schema.safeParse(values);
	const errors: Record<string, string> = {};
	if (!result.success) for (const i of result.error.issues) errors[i.path.join('.')] ??= i.message;
	return errors;
}

const complete = {
	bookedBy: 'family',
	adults: '2',
	children: '1',
	contactName: 'Sam Parent',
	email: 'sam@example.com',
	phone: '',
	accessNeeds: 'none'
};

describe('who is booking', () => {
	it('asks who the booking is for', () => {
		expect(errorsOf(whoSchema, {})).toEqual({ bookedBy: 'Select who you are booking for' });
	});

	it('needs the organisation and role for an on-behalf booking', () => {
		expect(errorsOf(whoSchema, { bookedBy: 'on_behalf', organisationName: ' ' })).toEqual({
			organisationName: 'Enter the name of your school, setting or organisation',
			organisationRole: 'Enter your role'
		});
		expect(
			whoSchema.parse({ bookedBy: 'family', organisationName: 'Ignored' }).organisationName
		).toBeNull();
	});
});

describe('how many places', () => {
	const places = placesSchema({ maxParty: 6 });

	it('reads counts, treating blank children as none', () => {
		expect(places.parse({ adults: '2', children: '' })).toEqual({ adults: 2, children: 0 });
	});

	it('refuses missing, empty, negative and huge parties with GOV.UK messages', () => {
		expect(errorsOf(places, { adults: '' })).toEqual({
			adults: 'Enter how many adults are coming'
		});
		expect(errorsOf(places, { adults: '0', children: '0' })).toEqual({
			adults: 'Enter at least 1 adult. Children and young people must come with an adult'
		});
		expect(errorsOf(places, { adults: '-1', children: '2' })).toEqual({
			adults: 'Enter the number of places, up to 6'
		});
		expect(errorsOf(places, { adults: '4', children: '3' })).toEqual({
			adults: 'Enter the number of places, up to 6'
		});
		expect(errorsOf(places, { adults: '99999999999999999999' })).toEqual({
			adults: 'Enter the number of places, up to 6'
		});
		expect(errorsOf(places, { adults: 'two' })).toEqual({
			adults: 'Enter the number of adults as a whole number, like 2'
		});
		expect(errorsOf(places, { adults: '1', children: '1.5' })).toEqual({
			children: 'Enter the number of children and young people as a whole number, like 2'
		});
	});

	it('uses the configured limit', () => {
		expect(errorsOf(placesSchema({ maxParty: 2 }), { adults: '3' })).toEqual({
			adults: 'Enter the number of places, up to 2'
		});
	});
});

describe('contact details', () => {
	it('needs a name and a valid email; phone is optional but checked', () => {
		expect(errorsOf(contactSchema, { email: '' })).toEqual({
			contactName: 'Enter your full name',
			email: 'Enter your email address'
		});
		expect(errorsOf(contactSchema, { contactName: 'Sam', email: 'sam@example' })).toEqual({
			email: 'Enter an email address in the correct format, like name@example.com'
		});
		expect(
			errorsOf(contactSchema, { contactName: 'Sam', email: 'sam@example.com', phone: 'abc' })
		).toEqual({
			phone: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'
		});
		expect(
			contactSchema.parse({
				contactName: ' Sam ',
				email: 'sam@example.com',
				phone: '07700 900 982'
			})
		).toMatchObject({
			contactName: 'Sam',
			phone: '07700 900 982',
			familyEmail: null
		});
	});

	it('asks only for the email address to re-send a lost link', () => {
		expect(errorsOf(resendLinkSchema, { email: '' })).toEqual({
			email: 'Enter your email address'
		});
		expect(resendLinkSchema.parse({ email: ' sam@example.com ' })).toEqual({
			email: 'sam@example.com'
		});
	});
});

describe('access needs', () => {
	it('takes one or many checkbox values', () => {
		expect(accessNeedsSchema.parse({ accessNeeds: 'bsl' }).accessNeeds).toEqual(['bsl']);
		expect(
			accessNeedsSchema.parse({ accessNeeds: ['bsl', 'wheelchair', 'bsl'] }).accessNeeds
		).toEqual(['bsl', 'wheelchair']);
	});

	it('needs an answer, and refuses None with other needs', () => {
		expect(errorsOf(accessNeedsSchema, {})).toEqual({
			accessNeeds: "Select the access needs you have, or select 'None'"
		});
		expect(errorsOf(accessNeedsSchema, { accessNeeds: ['none', 'bsl'] })).toEqual({
			accessNeeds: "Select 'None' or the access needs you have, not both"
		});
		expect(errorsOf(accessNeedsSchema, { accessNeeds: ['teleport'] })).toEqual({
			accessNeeds: "Select the access needs you have, or select 'None'"
		});
	});

	it('asks for details when Other is ticked, and drops them when it is not', () => {
		expect(errorsOf(accessNeedsSchema, { accessNeeds: 'other', accessNeedsOther: '  ' })).toEqual({
			accessNeedsOther: 'Tell us what other access needs you have'
		});
		expect(
			accessNeedsSchema.parse({ accessNeeds: 'bsl', accessNeedsOther: 'A ramp' }).accessNeedsOther
		).toBeNull();
		expect(
			accessNeedsSchema.parse({ accessNeeds: ['other'], accessNeedsOther: 'A ramp' })
				.accessNeedsOther
		).toBe('A ramp');
	});
});

describe('all the answers on "Confirm booking"', () => {
	const schema = bookingDetailsSchema(6);

	it('accepts a complete family booking', () => {
		expect(schema.parse(complete)).toMatchObject({
			bookedBy: 'family',
			adults: 2,
			children: 1,
			accessNeeds: ['none'],
			consentToContact: false,
			organisationName: null
		});
		expect(schema.parse({ ...complete, consentToContact: 'yes' }).consentToContact).toBe(true);
	});

	it('reports every problem at once', () => {
		expect(
			errorsOf(schema, {
				...complete,
				bookedBy: 'on_behalf',
				adults: '9',
				email: 'nope',
				accessNeeds: ['other']
			})
		).toEqual({
			adults: 'Enter the number of places, up to 6',
			email: 'Enter an email address in the correct format, like name@example.com',
			organisationName: 'Enter the name of your school, setting or organisation',
			organisationRole: 'Enter your role',
			accessNeedsOther: 'Tell us what other access needs you have'
		});
	});

	it('keeps family contact details only for on-behalf bookings', () => {
		const family = { familyName: 'The Smiths', familyPhone: '0151 000 0000' };
		expect(schema.parse({ ...complete, ...family }).familyName).toBeNull();
		expect(
			schema.parse({
				...complete,
				...family,
				bookedBy: 'on_behalf',
				organisationName: 'Hope School',
				organisationRole: 'SENCo'
			}).familyName
		).toBe('The Smiths');
	});
});

describe('consentQuestionSchema', () => {
	it('asks for yes or no', () => {
		expect(consentQuestionSchema.safeParse({ consentToContact: 'yes' }).success).toBe(true);
		expect(consentQuestionSchema.safeParse({ consentToContact: 'no' }).success).toBe(true);
		const result = consentQuestionSchema.safeParse({});
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].message).toBe(
			'Select yes if we can contact you about this session'
		);
	});
});

describe('accessErrorsForBooker', () => {
	const errors = accessNeedsSchema.safeParse({ accessNeeds: ['other'] });
	const messages = errors.success
		? {}
		: Object.fromEntries(errors.error.issues.map((i) => [String(i.path[0]), i.message]));

	it('asks someone booking for a family about the family’s needs', () => {
		expect(accessErrorsForBooker(messages, 'on_behalf')).toEqual({
			accessNeedsOther: 'Tell us what other access needs the family has'
		});
		expect(
			accessErrorsForBooker(
				{ accessNeeds: "Select the access needs you have, or select 'None'" },
				'on_behalf'
			)
		).toEqual({ accessNeeds: "Select the family's access needs, or select 'None'" });
	});

	it('leaves a family’s own messages, and any other message, as they are', () => {
		expect(accessErrorsForBooker(messages, 'family')).toEqual(messages);
		expect(accessErrorsForBooker({ form: 'Something else' }, 'on_behalf')).toEqual({
			form: 'Something else'
		});
	});
});

describe('places on an adults-only session', () => {
	it('refuses children at the places question, with the session’s message', () => {
		const adultsOnly = placesSchema({ maxParty: 6, childrenWelcome: false });
		expect(errorsOf(adultsOnly, { adults: '1', children: '2' })).toEqual({
			children: 'This session is for adults only. Enter 0 children, or choose another session'
		});
		expect(adultsOnly.parse({ adults: '2', children: '' })).toEqual({ adults: 2, children: 0 });
	});

	it('takes the limit and refuses the limit + 1', () => {
		expect(placesSchema({ maxParty: 6 }).parse({ adults: '3', children: '3' })).toEqual({
			adults: 3,
			children: 3
		});
		expect(errorsOf(placesSchema({ maxParty: 6 }), { adults: '3', children: '4' })).toEqual({
			adults: 'Enter the number of places, up to 6'
		});
	});

	it('refuses a party of children only', () => {
		expect(errorsOf(placesSchema({ maxParty: 6 }), { adults: '0', children: '3' })).toEqual({
			adults: 'Enter at least 1 adult. Children and young people must come with an adult'
		});
	});
});
