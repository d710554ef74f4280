import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatUkMobile, normaliseUkMobile } from './mobile';

describe('normaliseUkMobile', () => {
	it('accepts the ways people write a UK mobile number', () => {
		for (const input of [
			'07700900982',
			'07700 900 982',
			'07700-900-982',
			' 07700 900982 ',
			'+447700900982',
			'+44 7700 900982',
			'+44 (0)7700 900982',
			'447700900982',
			'(07700) 900982',
			'07624 123456'
		])
			expect(normaliseUkMobile(input), input).toMatch(/^\+447\d{9}$/);
		expect(normaliseUkMobile('07700 900 982')).toBe('+447700900982');
	});

	it('refuses landlines, short or long numbers, other countries and anything not a number', () => {
		for (const input of [
			'',
			'01632 960 001',
			'0808 157 0192',
			'0770090098',
			'077009009821',
			'+33 6 12 34 56 78',
			'+1 202 555 0143',
			'07000 000000',
			'07600 123456',
			'07700 900 98a',
			'07700900982; DROP TABLE',
			'7700900982',
			'+',
			'++447700900982'
		])
			expect(normaliseUkMobile(input), input).toBeNull();
	});

	it('gives the same number whichever way it was written, and that number is stable', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^7[1-57-9]\d{8}$/), (rest) => {
				const n = normaliseUkMobile(`0${rest}`)!;
				expect(n).toBe(`+44${rest}`);
				expect(normaliseUkMobile(`+44 ${rest}`)).toBe(n);
				expect(normaliseUkMobile(formatUkMobile(n))).toBe(n);
				expect(normaliseUkMobile(n)).toBe(n);
			})
		);
	});
});
