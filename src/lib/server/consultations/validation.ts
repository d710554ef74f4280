// What a consultation and its priorities must look like, with GOV.UK error messages.
import { z } from 'zod';
import { datePartsOf, parseDateParts } from '../shared/dateInput';
import { EASY_READ_SENTENCE_WORDS } from '../../easyRead';
import { fieldErrors, type FieldErrors, type FormValues } from '../shared/forms';

const text = (max: number, empty: string, long: string) =>
	z.string().trim().min(1, empty).max(max, long);

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "SEND Partnership Strategy 2026!" → "send-partnership-strategy-2026" */
export function slugify(title: string): string {
	return title
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
}

const consultationFields = z.object({
	title: text(150, 'Enter a title', 'Title must be 150 characters or fewer'),
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.max(80, 'Web address must be 80 characters or fewer')
		.refine((s) => s === '' || slugPattern.test(s), {
			message:
				'Web address must only include lower case letters, numbers and hyphens, like send-strategy-2026'
		}),
	summary: text(600, 'Enter a summary', 'Summary must be 600 characters or fewer'),
	strategyMarkdown: z.string().max(50_000, 'Draft strategy must be 50,000 characters or fewer'),
	highlightsMarkdown: z.string().max(10_000, 'Highlights must be 10,000 characters or fewer'),
	contactEmail: z
		.string()
		.trim()
		.min(1, 'Enter a contact email address')
		.max(254, 'Contact email address must be 254 characters or fewer')
		.pipe(z.email('Enter a contact email address in the correct format, like send@council.gov.uk'))
});

export type ConsultationInput = z.infer<typeof consultationFields> & {
	opensOn: string;
	closesOn: string;
};

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

const fieldOrder = [
	'title',
	'slug',
	'summary',
	'strategyMarkdown',
	'highlightsMarkdown',
	'contactEmail',
	'opensOn',
	'closesOn'
];

/** Checks a posted consultation form; a blank web address is made from the title. */
export function validateConsultation(values: FormValues): Validated<ConsultationInput> {
	const errors: FieldErrors = {};
	const fields = consultationFields.safeParse({
		title: values.title ?? '',
		slug: values.slug ?? '',
		summary: values.summary ?? '',
		strategyMarkdown: values.strategyMarkdown ?? '',
		highlightsMarkdown: values.highlightsMarkdown ?? '',
		contactEmail: values.contactEmail ?? ''
	});
	if (!fields.success) Object.assign(errors, fieldErrors(fields.error));

	const opens = parseDateParts(datePartsOf(values, 'opensOn'), 'the date the consultation opens');
	const closes = parseDateParts(
		datePartsOf(values, 'closesOn'),
		'the date the consultation closes'
	);
	if (!opens.ok) errors.opensOn = opens.message;
	if (!closes.ok) errors.closesOn = closes.message;
	if (opens.ok && closes.ok && closes.date <= opens.date) {
		errors.closesOn = 'The date the consultation closes must be after the date it opens';
	}

	if (Object.keys(errors).length > 0 || !fields.success || !opens.ok || !closes.ok) {
		return { ok: false, errors: ordered(errors) };
	}
	const slug = fields.data.slug || slugify(fields.data.title);
	if (!slug) return { ok: false, errors: { slug: 'Enter a web address, like send-strategy-2026' } };
	return { ok: true, data: { ...fields.data, slug, opensOn: opens.date, closesOn: closes.date } };
}

function ordered(errors: FieldErrors): FieldErrors {
	const keys = Object.keys(errors).sort((a, b) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b));
	return Object.fromEntries(keys.map((k) => [k, errors[k]]));
}

export const priorityFields = z.object({
	title: text(200, 'Enter the priority', 'Priority must be 200 characters or fewer'),
	description: z
		.string()
		.trim()
		.max(1_000, 'Description must be 1,000 characters or fewer')
		.default(''),
	// Easy Read asks for short sentences: the title is one, of 15 words at most.
	easyReadTitle: z
		.string()
		.trim()
		.max(150, 'Easy Read title must be 150 characters or fewer')
		.refine(
			(t) => t.split(/\s+/).filter(Boolean).length <= EASY_READ_SENTENCE_WORDS,
			`Easy Read title must be ${EASY_READ_SENTENCE_WORDS} words or fewer`
		)
		.default('')
});

export type PriorityInput = z.infer<typeof priorityFields>;
