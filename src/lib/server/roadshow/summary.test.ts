import { describe, expect, it } from 'vitest';
import { accessNeedsText, answerRows } from './summary';

const family = {
	bookedBy: 'family' as const,
	organisationName: null,
	organisationRole: null,
	adults: 2,
	children: 1,
	contactName: 'Sam Parent',
	email: 'sam@example.com',
	phone: null,
	familyName: null,
	familyEmail: null,
	familyPhone: null,
	accessNeeds: ['wheelchair' as const, 'other' as const],
	accessNeedsOther: 'A ramp',
	consentToContact: true
};

describe('answerRows', () => {
	it('describes a family booking with each row’s question page', () => {
		const rows = answerRows(family);
		expect(rows.map((r) => [r.key, r.value, r.step])).toContainEqual([
			'Telephone number',
			'Not given',
			'contact'
		]);
		expect(rows.find((r) => r.key === 'Access needs')?.value).toBe(
			'Wheelchair access, Other: A ramp'
		);
		expect(rows.some((r) => r.key === 'Organisation')).toBe(false);
	});

	it('adds the organisation and the family’s details for an on-behalf booking', () => {
		const rows = answerRows({
			...family,
			bookedBy: 'on_behalf',
			organisationName: 'Abercromby School',
			organisationRole: 'SENCO',
			familyName: 'Jo Family'
		});
		expect(rows.map((r) => r.key)).toEqual(
			expect.arrayContaining(['Organisation', 'Your role', 'Family’s name', 'Your email address'])
		);
		expect(accessNeedsText(['none'], null)).toBe('None');
	});
});
