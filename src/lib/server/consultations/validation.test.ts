import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../shared/forms';
import { priorityFields, slugify, validateConsultation } from './validation';

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

describe('validateConsultation', () => {
	it('accepts a complete consultation and makes a web address from the title', () => {
		const result = validateConsultation(good);
		expect(result).toEqual({
			ok: true,
			data: expect.objectContaining({
				slug: 'send-partnership-strategy',
				opensOn: '2026-06-01',
				closesOn: '2026-06-30'
			})
		});
	});

	it('refuses a close date on or before the open date', () => {
		const result = validateConsultation({ ...good, 'closesOn-day': '1' });
		expect(result).toEqual({
			ok: false,
			errors: { closesOn: 'The date the consultation closes must be after the date it opens' }
		});
	});

	it('names every missing or bad field, in page order', () => {
		const result = validateConsultation({
			...good,
			title: ' ',
			slug: 'Bad Slug!',
			contactEmail: 'nope',
			'opensOn-day': ''
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors)).toEqual(['title', 'slug', 'contactEmail', 'opensOn']);
		expect(result.errors.title).toBe('Enter a title');
		expect(result.errors.contactEmail).toMatch(/correct format/);
		expect(result.errors.opensOn).toBe('The date the consultation opens must include a day');
	});

	it('refuses over-long text', () => {
		const result = validateConsultation({
			...good,
			title: 'x'.repeat(151),
			summary: 'y'.repeat(601)
		});
		expect(result).toEqual({
			ok: false,
			errors: {
				title: 'Title must be 150 characters or fewer',
				summary: 'Summary must be 600 characters or fewer'
			}
		});
	});
});

describe('slugify', () => {
	it('keeps letters and numbers only', () => {
		expect(slugify('SEND Strategy 2026: Have Your Say!')).toBe('send-strategy-2026-have-your-say');
		expect(slugify('Café & Co')).toBe('cafe-and-co');
	});
});

// Every length limit: the limit is accepted, one more refused.
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

describe('priority Easy Read title', () => {
	it('is optional, and at most 15 words as an Easy Read sentence should be', () => {
		expect(priorityFields.parse({ title: 'Identify needs early' }).easyReadTitle).toBe('');
		expect(
			priorityFields.parse({
				title: 'Identify needs early',
				easyReadTitle: '  Find out early if children need extra help '
			}).easyReadTitle
		).toBe('Find out early if children need extra help');
		const long = priorityFields.safeParse({
			title: 'x',
			easyReadTitle:
				'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen'
		});
		expect(long.success).toBe(false);
		expect(long.error?.issues[0].message).toBe('Easy Read title must be 15 words or fewer');
	});
});
