// Checks one posted answer against the question it answers, with GOV.UK error wording.
// Choice answers must be codes on the question's list; free text is kept as typed.
import type { Question, QuestionOption } from '../../db/schema';
import type { AnswerValue } from '../types';
import { isAgreementValue } from '../../../agreement';

export type RawAnswer = string | readonly string[] | null | undefined;
export type ValidatedAnswer = { ok: true; answers: AnswerValue[] } | { ok: false; message: string };

type ValidatedQuestion = Pick<
	Question,
	'kind' | 'required' | 'maxChars' | 'maxWords' | 'textFormat'
>;
type OptionLike = Pick<QuestionOption, 'value' | 'label' | 'exclusive'>;

/** No free-text answer may be longer than this, whatever the question says. */
export const TEXT_CEILING = 10_000;

const number = new Intl.NumberFormat('en-GB');

function asList(raw: RawAnswer): string[] {
	if (raw === null || raw === undefined) return [];
	return (typeof raw === 'string' ? [raw] : [...raw]).filter((v) => v !== '');
}

/** Counts a typed line break as one character, as the character count component does. */
export function characterCount(text: string): number {
	return text.replace(/\r\n/g, '\n').length;
}

export function wordCount(text: string): number {
	return text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
}

/** "l8 " → "L8", "ch41" → "CH41"; null when it cannot be the first half of a UK postcode. */
export function normalisePostcodeDistrict(raw: string): string | null {
	const district = raw.replace(/\s+/g, '').toUpperCase();
	return /^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(district) ? district : null;
}

export function validateAnswer(
	question: ValidatedQuestion,
	options: readonly OptionLike[],
	raw: RawAnswer
): ValidatedAnswer {
	const given = asList(raw);
	switch (question.kind) {
		case 'agreement': {
			const message = 'Select how much you agree or disagree';
			if (given.length === 0)
				return question.required ? { ok: false, message } : { ok: true, answers: [] };
			if (
				given.length > 1 ||
				!isAgreementValue(given[0]) ||
				!options.some((o) => o.value === given[0])
			)
				return { ok: false, message };
			return { ok: true, answers: [{ value: given[0], textValue: null }] };
		}
		case 'single': {
			const message = 'Select an option from the list';
			if (given.length === 0)
				return question.required ? { ok: false, message } : { ok: true, answers: [] };
			if (given.length > 1 || !options.some((o) => o.value === given[0]))
				return { ok: false, message };
			return { ok: true, answers: [{ value: given[0], textValue: null }] };
		}
		case 'multiple':
			return validateMultiple(question, options, [...new Set(given)]);
		case 'text':
			return validateText(question, typeof raw === 'string' ? raw : (given[0] ?? ''));
	}
}

function validateMultiple(
	question: ValidatedQuestion,
	options: readonly OptionLike[],
	given: string[]
): ValidatedAnswer {
	if (given.length === 0) {
		return question.required
			? { ok: false, message: 'Select at least one option' }
			: { ok: true, answers: [] };
	}
	const chosen = given.map((v) => options.find((o) => o.value === v));
	if (chosen.some((o) => o === undefined))
		return { ok: false, message: 'Select an option from the list' };
	const exclusive = chosen.find((o) => o!.exclusive);
	if (exclusive && chosen.length > 1) {
		return {
			ok: false,
			message: `Select '${exclusive.label}' or the options that apply, not both`
		};
	}
	// Stored in the list's order, whatever order the browser sent.
	const ordered = options.filter((o) => given.includes(o.value));
	return { ok: true, answers: ordered.map((o) => ({ value: o.value, textValue: null })) };
}

function validateText(question: ValidatedQuestion, typed: string): ValidatedAnswer {
	const text = typed.replace(/\r\n/g, '\n');
	if (text.trim() === '') {
		return question.required
			? { ok: false, message: 'Enter your answer' }
			: { ok: true, answers: [] };
	}
	if (question.textFormat === 'postcode_district') {
		const district = normalisePostcodeDistrict(text);
		if (!district)
			return {
				ok: false,
				message: 'Enter the first part of the postcode in the correct format, like L8 or CH41'
			};
		return { ok: true, answers: [{ value: district, textValue: null }] };
	}
	const maxChars = Math.min(question.maxChars ?? TEXT_CEILING, TEXT_CEILING);
	if (characterCount(text) > maxChars) {
		return {
			ok: false,
			message: `Your answer must be ${number.format(maxChars)} characters or fewer`
		};
	}
	if (question.maxWords && wordCount(text) > question.maxWords) {
		return {
			ok: false,
			message: `Your answer must be ${number.format(question.maxWords)} words or fewer`
		};
	}
	return { ok: true, answers: [{ value: null, textValue: text }] };
}
