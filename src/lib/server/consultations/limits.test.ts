// Every length limit on a consultation and its priorities: the limit is accepted, one more refused.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../shared/forms';
import { priorityFields, validateConsultation } from './validation';

const good = {
	title: 'SEND Partnership Strategy',
	slug: '',
	summary: 'Tell us what you think of our draft strategy.',
	strategyMarkdown: '## Our vision',
	highlightsMarkdown: '',
	contactEmail: 'send@council.gov.uk',
	'opensOn-day': '1',
	'opensOn-month': '6',
	'opensOn-year': '2026',
	'closesOn-day': '30',
	'closesOn-month': '6',
	'closesOn-year': '2026'
};

const email = (length: number) => `${'a'.repeat(length - '@council.gov.uk'.length)}@council.gov.uk`;

const errorFor = (field: string, value: string) => {
	const result = validateConsultation({ ...good, [field]: value });
	return result.ok ? undefined : result.errors[field];
};

describe('consultation limits', () => {
	it.each([
		['title', 150, (n: number) => 'x'.repeat(n), 'Title must be 150 characters or fewer'],
		['slug', 80, (n: number) => 'a'.repeat(n), 'Web address must be 80 characters or fewer'],
		['summary', 600, (n: number) => 'y'.repeat(n), 'Summary must be 600 characters or fewer'],
		[
			'strategyMarkdown',
			50_000,
			(n: number) => 's'.repeat(n),
			'Draft strategy must be 50,000 characters or fewer'
		],
		[
			'highlightsMarkdown',
			10_000,
			(n: number) => 'h'.repeat(n),
			'Highlights must be 10,000 characters or fewer'
		],
		['contactEmail', 254, email, 'Contact email address must be 254 characters or fewer']
	])('%s: %i characters accepted, one more refused', (field, limit, make, message) => {
		expect(make(limit)).toHaveLength(limit);
		expect(errorFor(field, make(limit))).toBeUndefined();
		expect(errorFor(field, make(limit + 1))).toBe(message);
	});
});

describe('priority limits', () => {
	const errorsOf = (values: { title: string; description?: string }) => {
		const result = priorityFields.safeParse(values);
		return result.success ? {} : fieldErrors(result.error);
	};

	it('title: 200 characters accepted, 201 refused', () => {
		expect(errorsOf({ title: 'p'.repeat(200) })).toEqual({});
		expect(errorsOf({ title: 'p'.repeat(201) })).toEqual({
			title: 'Priority must be 200 characters or fewer'
		});
	});

	it('description: 1,000 characters accepted, 1,001 refused', () => {
		expect(errorsOf({ title: 'Early help', description: 'd'.repeat(1000) })).toEqual({});
		expect(errorsOf({ title: 'Early help', description: 'd'.repeat(1001) })).toEqual({
			description: 'Description must be 1,000 characters or fewer'
		});
	});
});
