// The staff question editor's form: posted values to a QuestionInput (with the checks only the
// form can make) and a stored question back to the form's values.
import { questionKinds, type QuestionKind } from '../../db/schema';
import type { FieldErrors, FormValues } from '../../shared/forms';
import type { FullQuestion, OptionInput, QuestionInput } from '../types';

export const kindLabels: Record<QuestionKind, string> = {
	agreement: 'Agreement scale',
	single: 'One answer from a list',
	multiple: 'Any number of answers from a list',
	text: 'Written answer'
};

const one = (values: FormValues, name: string): string => {
	const v = values[name];
	return (Array.isArray(v) ? v[0] : v) ?? '';
};
const many = (values: FormValues, name: string): string[] => {
	const v = values[name];
	return v === undefined ? [] : Array.isArray(v) ? v : v === '' ? [] : [v];
};

/** The checkbox group of answers that show a question after the earlier question with this key. */
export const showIfValuesField = (key: string) => `showIfValues-${key}`;

function optionCode(label: string): string {
	return (
		label
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, ' ')
			.trim()
			.split(' ')
			.slice(0, 6)
			.join('_') || 'option'
	);
}

/**
 * Options from "one per line". Answers store option codes, so a changed question keeps the code of
 * an option whose label is unchanged, and a line whose label changed keeps the code of the option
 * that was on that line (a rename), so earlier answers and skip logic still match.
 */
export function optionsFromLines(
	lines: string,
	exclusiveLabel: string,
	previous: readonly { value: string; label: string }[] = []
): OptionInput[] {
	const labels = lines
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');
	const byLabel = new Map(previous.map((o) => [o.label, o.value]));
	const used = new Set<string>();
	const codes = labels.map((label) => {
		const same = byLabel.get(label);
		if (same !== undefined && !used.has(same)) return (used.add(same), same);
		return null;
	});
	const none = exclusiveLabel.trim();
	return labels.map((label, i) => {
		let value = codes[i];
		const renamed = previous[i];
		if (value === null && renamed && !labels.includes(renamed.label) && !used.has(renamed.value))
			value = renamed.value;
		if (value === null) {
			const base = optionCode(label);
			value = base;
			for (
				let n = 2;
				used.has(value) || previous.some((o) => o.value === value && o.label !== label);
				n++
			)
				value = `${base}_${n}`;
		}
		used.add(value);
		return { value, label, exclusive: none !== '' && label === none };
	});
}

function limit(raw: string): number | null | 'bad' {
	const t = raw.trim().replace(/,/g, '');
	if (t === '') return null;
	return /^\d+$/.test(t) && Number(t) >= 1 ? Number(t) : 'bad';
}

/**
 * The posted editor form as a QuestionInput. Errors are keyed by field id: kind, text, required,
 * options, exclusive, maxChars, maxWords, showIf. The domain adds its own checks afterwards.
 */
export function parseQuestionForm(
	values: FormValues,
	current?: Pick<FullQuestion, 'kind' | 'options' | 'textFormat'>
): { ok: true; input: QuestionInput } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const kind = one(values, 'kind') as QuestionKind;
	if (!questionKinds.includes(kind)) errors.kind = 'Select the type of question';
	const text = one(values, 'text').trim();
	if (text === '') errors.text = 'Enter the question';
	const required = one(values, 'required');
	if (required !== 'yes' && required !== 'no')
		errors.required = 'Select yes if people must answer this question';

	let options: OptionInput[] = [];
	if (kind === 'single' || kind === 'multiple') {
		const exclusive = kind === 'multiple' ? one(values, 'exclusive') : '';
		options = optionsFromLines(
			one(values, 'options'),
			exclusive,
			current && current.kind !== 'agreement' ? current.options : []
		);
		if (options.length < 2) errors.options = 'Enter at least 2 options, one on each line';
		else if (new Set(options.map((o) => o.label)).size !== options.length)
			errors.options = 'Each option must be different';
		if (exclusive.trim() !== '' && !options.some((o) => o.exclusive)) {
			errors.exclusive = "Enter the 'none' option exactly as it is written in the list of options";
		}
	}

	let maxChars: number | null = null;
	let maxWords: number | null = null;
	if (kind === 'text') {
		const chars = limit(one(values, 'maxChars'));
		const words = limit(one(values, 'maxWords'));
		if (chars === 'bad') errors.maxChars = 'Enter the character limit as a whole number, like 500';
		if (words === 'bad') errors.maxWords = 'Enter the word limit as a whole number, like 100';
		else if (words !== null && chars !== null)
			errors.maxWords = 'Enter a character limit or a word limit, not both';
		maxChars = chars === 'bad' ? null : chars;
		maxWords = words === 'bad' ? null : words;
	}

	const showIfQuestionKey = one(values, 'showIf') || null;
	const showIfValues = showIfQuestionKey
		? many(values, showIfValuesField(showIfQuestionKey))
		: null;

	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		input: {
			kind,
			text,
			hint: one(values, 'hint').trim() || null,
			caption: one(values, 'caption').trim() || null,
			required: required === 'yes',
			isProfile: one(values, 'isProfile') === 'yes',
			options,
			maxChars,
			maxWords,
			// Only starter questions have a text format (the postcode district); keep it while the question stays text.
			textFormat: kind === 'text' && current?.kind === 'text' ? current.textFormat : null,
			showIfQuestionKey,
			showIfValues,
			priorityIds: many(values, 'priorities')
				.map(Number)
				.filter((n) => Number.isInteger(n) && n > 0)
		}
	};
}

/** A stored question as the editor form's values. */
export function questionFormValues(q: FullQuestion): FormValues {
	const values: FormValues = {
		kind: q.kind,
		text: q.text,
		hint: q.hint ?? '',
		caption: q.caption ?? '',
		required: q.required ? 'yes' : 'no',
		isProfile: q.isProfile ? 'yes' : '',
		options: q.kind === 'agreement' ? '' : q.options.map((o) => o.label).join('\n'),
		exclusive: q.options.find((o) => o.exclusive)?.label ?? '',
		maxChars: q.maxChars?.toString() ?? '',
		maxWords: q.maxWords?.toString() ?? '',
		priorities: q.priorityIds.map(String),
		showIf: q.showIfQuestionKey ?? ''
	};
	if (q.showIfQuestionKey) values[showIfValuesField(q.showIfQuestionKey)] = q.showIfValues ?? [];
	return values;
}

function listInWords(items: string[]): string {
	return items.length <= 1
		? (items[0] ?? '')
		: `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** The skip-logic condition in words, e.g. "Shown only if the answer to question 1 is Disagree or Strongly disagree". */
export function describeShowIf(
	q: Pick<FullQuestion, 'showIfQuestionKey' | 'showIfValues'>,
	questions: readonly Pick<FullQuestion, 'key' | 'options'>[]
): string | null {
	if (!q.showIfQuestionKey) return null;
	const i = questions.findIndex((x) => x.key === q.showIfQuestionKey);
	if (i < 0) return 'Shown only after a question that is no longer in this questionnaire';
	const labels = (q.showIfValues ?? []).map(
		(v) => questions[i].options.find((o) => o.value === v)?.label ?? v
	);
	return `Shown only if the answer to question ${i + 1} is ${listInWords(labels.map((l) => `“${l}”`))}`;
}
