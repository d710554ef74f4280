import { describe, expect, it } from 'vitest';
import { cancelSessionSchema, sessionFormSchema, sessionFormValues } from './sessionValidation';
import type { RoadshowSession } from '../db/schema';

const form = {
	title: 'Parents and carers',
	audienceLabel: 'Parents/Carers',
	mode: 'in_person',
	venueName: 'Bridge Chapel',
	address: '1 Chapel Road',
	postcode: 'l1 1jd',
	'date-day': '13',
	'date-month': '6',
	'date-year': '2026',
	startTime: '6:30pm',
	endTime: '8pm',
	capacity: '40',
	stepFreeAccess: 'yes'
};

function errorsOf(values: Record<string, unknown>) {
	const result = sessionFormSchema.safeParse(values);
	const errors: Record<string, string> = {};
	if (!result.success) for (const i of result.error.issues) errors[i.path.join('.')] ??= i.message;
	return errors;
}

describe('session form', () => {
	it('turns UK date and times into instants, with the default close time', () => {
		const session = sessionFormSchema.parse(form);
		expect(session).toMatchObject({
			postcode: 'L1 1JD',
			capacity: 40,
			stepFreeAccess: true,
			hearingLoop: false,
			bookingClosesAt: null,
			joiningLink: null
		});
		expect(session.startsAt.toISOString()).toBe('2026-06-13T17:30:00.000Z');
		expect(session.endsAt?.toISOString()).toBe('2026-06-13T19:00:00.000Z');
	});

	it('accepts a chosen close time before the start', () => {
		const session = sessionFormSchema.parse({
			...form,
			'closes-day': '12',
			'closes-month': '6',
			'closes-year': '2026',
			closesTime: '9am'
		});
		expect(session.bookingClosesAt?.toISOString()).toBe('2026-06-12T08:00:00.000Z');
		expect(
			errorsOf({
				...form,
				'closes-day': '14',
				'closes-month': '6',
				'closes-year': '2026',
				closesTime: '9am'
			})
		).toEqual({ 'closes-day': 'Booking must close before the session starts' });
	});

	it('explains each problem', () => {
		expect(errorsOf({ mode: 'in_person' })).toEqual({
			title: 'Enter a title for the session',
			audienceLabel: 'Enter who the session is for, like Parents/Carers',
			venueName: 'Enter the name of the venue',
			address: 'Enter the address of the venue',
			postcode: 'Enter the postcode of the venue',
			'date-day': 'Enter the date of the session',
			startTime: 'Enter the start time',
			capacity: 'Enter the number of places'
		});
		expect(
			errorsOf({
				...form,
				'date-day': '31',
				'date-month': '2',
				endTime: '5pm',
				capacity: '0',
				postcode: 'nowhere'
			})
		).toEqual({
			postcode: 'Enter a full UK postcode, like L1 1JD',
			'date-day': 'Date of the session must be a real date, like 4 6 2026',
			capacity: 'Number of places must be between 1 and 1000'
		});
		expect(errorsOf({ ...form, endTime: '5pm' })).toEqual({
			endTime: 'End time must be after the start time'
		});
		expect(errorsOf({ ...form, mode: '' })).toEqual({
			mode: 'Select whether the session is in person or online'
		});
	});

	it('needs an https joining link for online sessions and drops the address', () => {
		expect(errorsOf({ ...form, mode: 'online', joiningLink: 'http://x' })).toEqual({
			joiningLink: 'Enter a joining link that starts with https://'
		});
		expect(
			sessionFormSchema.parse({
				...form,
				mode: 'online',
				venueName: '',
				joiningLink: 'https://meet.example/x'
			})
		).toMatchObject({
			venueName: 'Online',
			address: '',
			postcode: '',
			joiningLink: 'https://meet.example/x'
		});
	});

	it('fills the form from a saved session, and saving it unchanged gives the same session', () => {
		const parsed = sessionFormSchema.parse({
			...form,
			childrenWelcome: 'yes',
			area: 'City centre'
		});
		const saved = {
			...parsed,
			bookingClosesAt: new Date('2026-06-12T17:00:00Z')
		} as unknown as RoadshowSession;
		const values = sessionFormValues(saved);
		expect(values).toMatchObject({
			'date-day': '13',
			'date-month': '6',
			'date-year': '2026',
			startTime: '6:30pm',
			endTime: '8pm',
			'closes-day': '',
			closesTime: '',
			stepFreeAccess: 'yes',
			hearingLoop: '',
			childrenWelcome: 'yes'
		});
		expect(sessionFormSchema.parse(values)).toEqual(parsed);

		const early = { ...saved, bookingClosesAt: new Date('2026-06-11T11:00:00Z') };
		const again = sessionFormSchema.parse(sessionFormValues(early));
		expect(again.bookingClosesAt?.toISOString()).toBe('2026-06-11T11:00:00.000Z');
		expect(sessionFormValues(early)).toMatchObject({
			'closes-day': '11',
			'closes-month': '6',
			closesTime: 'midday'
		});
	});
});

describe('cancelling a session', () => {
	it('needs a reason for the people booked', () => {
		expect(cancelSessionSchema.safeParse({}).error?.issues[0].message).toBe(
			'Enter why the session is cancelled'
		);
		expect(cancelSessionSchema.safeParse({ reason: '  ' }).error?.issues[0].message).toBe(
			'Enter why the session is cancelled'
		);
		expect(
			cancelSessionSchema.safeParse({ reason: 'x'.repeat(501) }).error?.issues[0].message
		).toBe('Reason must be 500 characters or less');
		expect(cancelSessionSchema.parse({ reason: ' The venue flooded ' })).toEqual({
			reason: 'The venue flooded'
		});
	});
});
