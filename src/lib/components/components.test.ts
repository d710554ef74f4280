import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Button from './Button.svelte';
import Checkboxes from './Checkboxes.svelte';
import DateInput from './DateInput.svelte';
import ErrorSummary from './ErrorSummary.svelte';
import Header from './Header.svelte';
import Pagination from './Pagination.svelte';
import PriorityFields from './PriorityFields.svelte';
import QuestionField from './QuestionField.svelte';
import Radios from './Radios.svelte';
import SummaryList from './SummaryList.svelte';
import Table from './Table.svelte';
import Tag from './Tag.svelte';
import TextInput from './TextInput.svelte';
import Textarea from './Textarea.svelte';

const html = (snippet: string) => createRawSnippet(() => ({ render: () => snippet }));
// Svelte's hydration markers are not part of the markup under test.
const body = (result: { body: string }) => result.body.replace(/<!--[^>]*-->/g, '');

describe('ErrorSummary', () => {
	it('renders nothing without errors', () => {
		expect(body(render(ErrorSummary, { props: { errors: {} } })).trim()).toBe('');
	});

	it('links each error to its field in page order', () => {
		const out = body(
			render(ErrorSummary, {
				props: { errors: { name: 'Enter your name', email: 'Enter your email address' } }
			})
		);
		expect(out).toContain('There is a problem');
		expect(out).toContain('tabindex="-1"');
		expect(out.indexOf('href="#name"')).toBeLessThan(out.indexOf('href="#email"'));
	});
});

describe('TextInput', () => {
	it('describes the input by its hint and error', () => {
		const out = body(
			render(TextInput, {
				props: {
					id: 'email',
					label: 'Email address',
					hint: 'We will send your booking here',
					error: 'Enter your email address',
					value: 'x',
					width: 'one-half'
				}
			})
		);
		expect(out).toContain('govuk-form-group--error');
		expect(out).toContain('aria-describedby="email-hint email-error"');
		expect(out).toContain('<span class="govuk-visually-hidden">Error:</span>');
		expect(out).toContain('name="email"');
		expect(out).toContain('govuk-!-width-one-half');
		expect(out).toContain('value="x"');
	});
});

describe('Textarea', () => {
	it('tells people the limit without JavaScript and never sets maxlength', () => {
		const out = body(
			render(Textarea, { props: { id: 'comments', label: 'Comments', maxLength: 500 } })
		);
		expect(out).toMatch(/You can enter up to 500\s+characters/);
		expect(out).toContain('aria-describedby="comments-info"');
		expect(out).not.toContain(' maxlength=');
	});
});

describe('Radios', () => {
	const items = [
		{ value: 'yes', text: 'Yes', conditional: html('<p>More</p>') },
		{ value: 'no', text: 'No' },
		{ divider: 'or' },
		{ value: 'unsure', text: 'I do not know', hint: 'That is fine' }
	];

	it('gives the first item the plain id and numbers the rest', () => {
		const out = body(
			render(Radios, { props: { name: 'attend', legend: 'Will you come?', items } })
		);
		expect(out).toContain('id="attend"');
		expect(out).toContain('id="attend-2"');
		expect(out).toContain('id="attend-4"');
		expect(out).toContain('govuk-radios__divider');
		expect(out).toContain('aria-describedby="attend-4-item-hint"');
	});

	it('shows the conditional reveal only for the chosen answer', () => {
		const hidden = body(render(Radios, { props: { name: 'attend', legend: 'Q', items } }));
		expect(hidden).toContain('govuk-radios__conditional govuk-radios__conditional--hidden');
		const shown = body(
			render(Radios, { props: { name: 'attend', legend: 'Q', items, value: 'yes' } })
		);
		expect(shown).not.toContain('govuk-radios__conditional--hidden');
		expect(shown).toMatch(/value="yes"[^>]*checked/);
	});

	it('renders the legend as the page heading', () => {
		const out = body(
			render(Radios, {
				props: { name: 'a', legend: 'Q', items, isPageHeading: true, error: 'Select an answer' }
			})
		);
		expect(out).toContain('govuk-fieldset__legend--l');
		expect(out).toContain('<h1 class="govuk-fieldset__heading">');
		expect(out).toContain('aria-describedby="a-error"');
	});
});

describe('Checkboxes', () => {
	it('checks the given values and marks the exclusive answer', () => {
		const out = body(
			render(Checkboxes, {
				props: {
					name: 'needs',
					legend: 'Needs',
					values: ['wheelchair'],
					items: [
						{ value: 'wheelchair', text: 'Wheelchair access' },
						{ divider: 'or' },
						{ value: 'none', text: 'None', exclusive: true }
					]
				}
			})
		);
		expect(out).toMatch(/value="wheelchair"[^>]*checked/);
		expect(out).toContain('data-behaviour="exclusive"');
		expect(out).toContain('id="needs-3"');
	});
});

describe('DateInput', () => {
	it('names the parts and links the first to the id', () => {
		const out = body(
			render(DateInput, {
				props: {
					id: 'date',
					legend: 'Date',
					value: { day: '4', month: '6', year: '2026' },
					error: 'Enter a real date',
					errorParts: ['month']
				}
			})
		);
		expect(out).toContain('id="date" name="date-day"');
		expect(out).toContain('name="date-month"');
		expect(out).toContain('name="date-year"');
		expect(out).toContain('role="group"');
		expect(out.match(/govuk-input--error/g)).toHaveLength(1);
	});
});

describe('Button', () => {
	it('renders a link styled as a button', () => {
		const out = body(
			render(Button, {
				props: { href: '/start', isStartButton: true, children: html('<span>Start now</span>') }
			})
		);
		expect(out).toContain('role="button"');
		expect(out).toContain('govuk-button--start');
	});

	it('renders a secondary submit button', () => {
		const out = body(
			render(Button, {
				props: {
					variant: 'secondary',
					name: 'action',
					value: 'save',
					children: html('<span>Save</span>')
				}
			})
		);
		expect(out).toContain('type="submit"');
		expect(out).toContain('govuk-button--secondary');
		expect(out).toContain('data-prevent-double-click="true"');
	});
});

describe('SummaryList', () => {
	it('adds hidden context to change links and pads rows without actions', () => {
		const out = body(
			render(SummaryList, {
				props: {
					rows: [
						{ key: 'Name', value: 'Sam', actions: [{ href: '/name', visuallyHiddenText: 'name' }] },
						{ key: 'Reference', value: 'ABC123' }
					]
				}
			})
		);
		expect(out).toContain('Change<span class="govuk-visually-hidden"> name</span>');
		expect(out).toContain('govuk-summary-list__row--no-actions');
	});
});

describe('Table and Tag', () => {
	it('marks numeric cells and row headers', () => {
		const out = body(
			render(Table, {
				props: {
					caption: 'Answers',
					head: [{ text: 'Answer' }, { text: 'Count', numeric: true }],
					rows: [[{ text: 'Agree' }, { text: 12, numeric: true }]],
					firstCellIsHeader: true
				}
			})
		);
		expect(out).toContain('<th scope="row" class="govuk-table__header">');
		expect(out).toContain('govuk-table__cell govuk-table__cell--numeric');
	});

	it('maps old tag colours to GOV.UK Frontend v6 names', () => {
		expect(body(render(Tag, { props: { text: 'Open', colour: 'turquoise' } }))).toContain(
			'govuk-tag--teal'
		);
		expect(body(render(Tag, { props: { text: 'Open', colour: 'blue' } }))).toContain(
			'class="govuk-tag"'
		);
	});
});

describe('Header', () => {
	it('uses the generic header and service navigation, with extra items at the end', () => {
		const out = body(
			render(Header, {
				props: {
					councilName: 'Liverpool City Council',
					serviceName: 'Have your say on SEND',
					navigation: [
						{ href: '/staff', text: 'Consultations', current: true },
						{ href: '/staff/outbox', text: 'Outbox' }
					],
					navigationEnd: html('<li class="govuk-service-navigation__item">Sign out</li>')
				}
			})
		);
		expect(out).toContain('govuk-generic-header__homepage-link">Liverpool City Council</a>');
		expect(out).toContain('govuk-service-navigation__service-name');
		expect(out).toContain('aria-current="page"');
		expect(out).toMatch(/Outbox<\/a>\s*<\/li>[\s\S]*Sign out/);
		// Without JavaScript the menu button stays hidden and the links are shown.
		expect(out).toMatch(/<button[^>]*hidden/);
		expect(out).not.toMatch(/<ul[^>]*hidden/);
		expect(out).not.toContain('crown');
	});
});

describe('Pagination', () => {
	const href = (n: number) => `/staff/audit?page=${n}`;

	it('renders nothing for a single page', () => {
		expect(body(render(Pagination, { props: { page: 1, pageCount: 1, href } })).trim()).toBe('');
	});

	it('links previous, next, the first, the last and the neighbours, with ellipses between', () => {
		const out = body(
			render(Pagination, { props: { page: 5, pageCount: 10, href, label: 'Audit log pages' } })
		);
		expect(out).toContain('aria-label="Audit log pages"');
		expect(out).toContain('href="/staff/audit?page=4" rel="prev"');
		expect(out).toContain('href="/staff/audit?page=6" rel="next"');
		const pages = [...out.matchAll(/aria-label="Page (\d+)"/g)].map((m) => Number(m[1]));
		expect(pages).toEqual([1, 4, 5, 6, 10]);
		expect(out.match(/govuk-pagination__item--ellipses/g)).toHaveLength(2);
		expect(out).toMatch(/aria-label="Page 5" aria-current="page"/);
	});

	it('has no previous link on the first page and no next link on the last', () => {
		expect(body(render(Pagination, { props: { page: 1, pageCount: 3, href } }))).not.toContain(
			'rel="prev"'
		);
		expect(body(render(Pagination, { props: { page: 3, pageCount: 3, href } }))).not.toContain(
			'rel="next"'
		);
	});
});

describe('QuestionField in Easy Read', () => {
	const links = (out: string) =>
		[...out.matchAll(/<a class="govuk-link" href="\/easy-read-words#([^"]+)">([^<]+)<\/a>/g)].map(
			([, id, word]) => [id, word]
		);
	const question = (kind: 'single' | 'multiple' | 'text') => ({
		key: 'q1',
		kind,
		caption: 'Priority 2: Help at school',
		text: 'Which SEND help at your mainstream school is best?',
		hint: 'Think about transition and each priority.',
		required: true,
		options: kind === 'text' ? [] : [{ value: 'a', label: 'More help' }]
	});

	it('links each hard word once, where it first appears, in every kind of question', () => {
		for (const kind of ['single', 'multiple', 'text'] as const) {
			const out = body(
				render(QuestionField, { props: { question: question(kind), easyRead: true } })
			);
			expect(links(out), kind).toEqual([
				['priority', 'Priority'],
				['send', 'SEND'],
				['mainstream', 'mainstream'],
				['transition', 'transition']
			]);
			// The question is still the legend or label, and the hint still describes the field.
			expect(out).toMatch(kind === 'text' ? /<label[^>]*>Which <a/ : /<legend[^>]*>Which <a/);
			expect(out).toContain('id="q1-hint"');
		}
	});

	it('links nothing outside Easy Read', () => {
		const out = body(render(QuestionField, { props: { question: question('single') } }));
		expect(links(out)).toEqual([]);
		expect(out).toContain('Which SEND help at your mainstream school is best?');
	});
});

describe('PriorityFields', () => {
	it('shows the same fields, kept answers and errors when adding and changing a priority', () => {
		const values = { title: 'More short breaks', easyReadTitle: '', description: 'Holiday clubs' };
		const errors = { easyReadTitle: 'Enter an Easy Read title of 15 words or fewer' };
		const adding = body(render(PriorityFields, { props: { values, errors, adding: true } }));
		const changing = body(render(PriorityFields, { props: { values, errors } }));
		for (const out of [adding, changing]) {
			expect([...out.matchAll(/name="([^"]+)"/g)].map((m) => m[1])).toEqual([
				'title',
				'easyReadTitle',
				'description'
			]);
			expect(out).toContain('value="More short breaks"');
			expect(out).toContain('Holiday clubs</textarea>');
			expect(out).toContain('id="easyReadTitle-error"');
		}
		// Examples help when adding; a priority being changed already has its words.
		expect(adding).toContain('For example, Identify additional needs');
		expect(changing).not.toContain('For example, Identify additional needs');
	});
});
