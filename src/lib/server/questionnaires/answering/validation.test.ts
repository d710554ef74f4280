import { describe, expect, it } from 'vitest';
import { agreementOptions } from '../../../agreement';
import { normalisePostcodeDistrict, validateAnswer, wordCount } from './validation';

const base = { required: false, maxChars: null, maxWords: null, textFormat: null } as const;
const agreement = { ...base, kind: 'agreement', required: true } as const;
const single = { ...base, kind: 'single', required: true } as const;
const multiple = { ...base, kind: 'multiple' } as const;
const text = { ...base, kind: 'text' } as const;
const colours = [
	{ value: 'red', label: 'Red', exclusive: false },
	{ value: 'blue', label: 'Blue', exclusive: false },
	{ value: 'none', label: 'None', exclusive: true }
];

describe('agreement questions', () => {
	const options = agreementOptions(false);
	it('accepts a point on the scale, including "Don\'t know"', () => {
		expect(validateAnswer(agreement, options, 'agree')).toEqual({
			ok: true,
			answers: [{ value: 'agree', textValue: null }]
		});
		expect(validateAnswer(agreement, options, 'dont_know').ok).toBe(true);
	});
	it('asks for an answer when required and refuses anything off the scale', () => {
		const message = 'Select how much you agree or disagree';
		expect(validateAnswer(agreement, options, undefined)).toEqual({ ok: false, message });
		expect(validateAnswer(agreement, options, 'totally')).toEqual({ ok: false, message });
		expect(validateAnswer(agreement, options, ['agree', 'disagree'])).toEqual({
			ok: false,
			message
		});
	});
	it('lets an optional one be skipped', () => {
		expect(validateAnswer({ ...agreement, required: false }, options, '')).toEqual({
			ok: true,
			answers: []
		});
	});
	it('uses Easy Read wording for young people', () => {
		expect(agreementOptions(true).map((o) => o.label)).toEqual([
			'I really agree',
			'I agree',
			"I'm not sure",
			"I don't agree",
			"I really don't agree",
			"I don't know"
		]);
	});
});

describe('single choice questions', () => {
	it('accepts one option from the list', () => {
		expect(validateAnswer(single, colours, 'blue')).toEqual({
			ok: true,
			answers: [{ value: 'blue', textValue: null }]
		});
	});
	it('refuses a missing answer, a choice not on the list, and two choices', () => {
		const refused = { ok: false, message: 'Select an option from the list' };
		expect(validateAnswer(single, colours, '')).toEqual(refused);
		expect(validateAnswer(single, colours, 'green')).toEqual(refused);
		expect(validateAnswer(single, colours, ['red', 'blue'])).toEqual(refused);
	});
});

describe('multiple choice questions', () => {
	it('stores one answer per chosen option, in the order of the list', () => {
		expect(validateAnswer(multiple, colours, ['blue', 'red', 'blue'])).toEqual({
			ok: true,
			answers: [
				{ value: 'red', textValue: null },
				{ value: 'blue', textValue: null }
			]
		});
	});
	it('refuses the exclusive option with others', () => {
		expect(validateAnswer(multiple, colours, ['red', 'none'])).toEqual({
			ok: false,
			message: "Select 'None' or the options that apply, not both"
		});
		expect(validateAnswer(multiple, colours, ['none']).ok).toBe(true);
	});
	it('refuses a choice not on the list, and asks for one when required', () => {
		expect(validateAnswer(multiple, colours, ['red', 'green'])).toEqual({
			ok: false,
			message: 'Select an option from the list'
		});
		expect(validateAnswer({ ...multiple, required: true }, colours, [])).toEqual({
			ok: false,
			message: 'Select at least one option'
		});
		expect(validateAnswer(multiple, colours, [])).toEqual({ ok: true, answers: [] });
	});
});

describe('free text questions', () => {
	it('keeps the text as typed, with line breaks', () => {
		expect(validateAnswer(text, [], '  <b>Hi</b>\r\nthere ')).toEqual({
			ok: true,
			answers: [{ value: null, textValue: '  <b>Hi</b>\nthere ' }]
		});
	});
	it('asks for required text and treats spaces alone as no answer', () => {
		expect(validateAnswer({ ...text, required: true }, [], '   ')).toEqual({
			ok: false,
			message: 'Enter your answer'
		});
		expect(validateAnswer(text, [], '   ')).toEqual({ ok: true, answers: [] });
	});
	it('enforces a character limit, counting a line break once', () => {
		const q = { ...text, maxChars: 1200 };
		expect(validateAnswer(q, [], 'a'.repeat(1200)).ok).toBe(true);
		expect(validateAnswer(q, [], 'a'.repeat(1199) + '\r\n').ok).toBe(true);
		expect(validateAnswer(q, [], 'a'.repeat(1201))).toEqual({
			ok: false,
			message: 'Your answer must be 1,200 characters or fewer'
		});
	});
	it('enforces a word limit', () => {
		const q = { ...text, maxWords: 3 };
		expect(wordCount('  one two\nthree ')).toBe(3);
		expect(validateAnswer(q, [], 'one two three').ok).toBe(true);
		expect(validateAnswer(q, [], 'one two three four')).toEqual({
			ok: false,
			message: 'Your answer must be 3 words or fewer'
		});
	});
	it('caps text without a limit of its own', () => {
		expect(validateAnswer(text, [], 'a'.repeat(10_001))).toEqual({
			ok: false,
			message: 'Your answer must be 10,000 characters or fewer'
		});
	});
});

describe('profile questions', () => {
	const postcode = { ...text, textFormat: 'postcode_district' } as const;
	it('stores a postcode district as a code that can be grouped', () => {
		expect(validateAnswer(postcode, [], ' l8 ')).toEqual({
			ok: true,
			answers: [{ value: 'L8', textValue: null }]
		});
		expect(validateAnswer(postcode, [], 'ch41').ok).toBe(true);
		expect(normalisePostcodeDistrict('SW1A')).toBe('SW1A');
	});
	it('refuses anything that is not the first part of a postcode', () => {
		for (const bad of ['L8 0TF', 'Liverpool', '8L', 'ABC1']) {
			expect(validateAnswer(postcode, [], bad)).toEqual({
				ok: false,
				message: 'Enter the first part of the postcode in the correct format, like L8 or CH41'
			});
		}
	});
	it('can be skipped', () => {
		expect(validateAnswer(postcode, [], '')).toEqual({ ok: true, answers: [] });
		expect(validateAnswer({ ...single, required: false }, colours, undefined)).toEqual({
			ok: true,
			answers: []
		});
	});
});
