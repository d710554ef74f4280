// Checks on a question as staff write it, before it joins a draft version.
import type { FieldErrors } from '../../shared/forms';
import { easyReadProblems } from '../../../easyRead';
import { agreementOptions } from '../../../agreement';
import type { FullQuestion, OptionInput, QuestionInput } from '../types';

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function slug(text: string, separator: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(' ')
		.slice(0, 6)
		.join(separator);
}

/** A new, unused key from the question's words, e.g. "what-would-make-the-biggest-difference". */
export function keyFromText(text: string, taken: readonly string[]): string {
	const base = slug(text, '-') || 'question';
	let key = base;
	for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
	return key;
}

/** The options to store: the scale for agreement questions; otherwise as given, with codes made from labels where missing. */
export function prepareOptions(input: QuestionInput, easyRead: boolean): Required<OptionInput>[] {
	if (input.kind === 'agreement') return agreementOptions(easyRead);
	return (input.options ?? []).map((o) => ({
		value: o.value.trim() || slug(o.label, '_'),
		label: o.label.trim(),
		exclusive: input.kind === 'multiple' && (o.exclusive ?? false)
	}));
}

/**
 * Errors keyed by field: text, key, options, maxChars, maxWords, showIf, priorities.
 * `earlier` are the questions before this one (skip logic may only look back); `others` all the rest.
 */
export function checkQuestionInput(
	input: QuestionInput & { key: string },
	earlier: readonly FullQuestion[],
	others: readonly { key: string }[],
	consultationPriorityIds: readonly number[]
): FieldErrors {
	const errors: FieldErrors = {};
	if (input.text.trim() === '') errors.text = 'Enter the question';
	if (!KEY.test(input.key))
		errors.key = 'The key must use lower-case letters, numbers and hyphens only';
	else if (others.some((q) => q.key === input.key))
		errors.key = 'Another question already uses this key';
	if (input.kind === 'single' || input.kind === 'multiple') {
		const options = prepareOptions(input, false);
		if (options.length < 2) errors.options = 'Add at least 2 options';
		else if (options.some((o) => o.label === '' || o.value === ''))
			errors.options = 'Enter a label for each option';
		else if (new Set(options.map((o) => o.value)).size !== options.length)
			errors.options = 'Each option must be different';
		else if (options.filter((o) => o.exclusive).length > 1)
			errors.options = "Only one option can be an 'or' option, like 'None'";
	}
	if (input.kind === 'text') {
		for (const field of ['maxChars', 'maxWords'] as const) {
			const n = input[field];
			if (n != null && (!Number.isInteger(n) || n < 1))
				errors[field] = 'The limit must be a whole number, 1 or more';
		}
	}
	if (input.showIfQuestionKey) {
		const controller = earlier.find((q) => q.key === input.showIfQuestionKey);
		const values = input.showIfValues ?? [];
		if (!controller || controller.kind === 'text')
			errors.showIf = 'Choose an earlier question with answers to choose from';
		else if (values.length === 0) errors.showIf = 'Select the answers that show this question';
		else if (!values.every((v) => controller.options.some((o) => o.value === v)))
			errors.showIf = 'Select answers from the earlier question';
	}
	if (!(input.priorityIds ?? []).every((id) => consultationPriorityIds.includes(id))) {
		errors.priorities = 'Select priorities from this consultation';
	}
	return errors;
}

/**
 * Easy Read problems in a draft, question by question, for staff to fix before publishing: long
 * sentences and long words in each question, its hint and caption and its answer labels. Shown
 * as a warning, not a block, because only a person can judge Easy Read.
 */
export function easyReadFlags(
	questions: readonly Pick<FullQuestion, 'id' | 'text' | 'hint' | 'caption' | 'options'>[]
): { id: number; number: number; problems: string[] }[] {
	return questions.flatMap((q, i) => {
		const parts = [q.caption, q.text, q.hint, ...q.options.map((o) => o.label)].filter(
			(t): t is string => !!t
		);
		const problems = [...new Set(parts.flatMap((t) => easyReadProblems(t)))];
		return problems.length ? [{ id: q.id, number: i + 1, problems }] : [];
	});
}
