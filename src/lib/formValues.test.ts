import { describe, expect, it } from 'vitest';
import { fieldDate, fieldText, firstValue } from './formValues';

describe('form values', () => {
	it('reads a field as text and a date as its three boxes', () => {
		const values = {
			title: 'SEND',
			twice: ['a', 'b'],
			'opensOn-day': '4',
			'opensOn-month': '6',
			'opensOn-year': '2026'
		};
		expect(fieldText(values, 'title')).toBe('SEND');
		expect(fieldText(values, 'twice')).toBe('a');
		expect(fieldText(values, 'missing')).toBe('');
		expect(fieldDate(values, 'opensOn')).toEqual({ day: '4', month: '6', year: '2026' });
		expect(fieldDate(values, 'closesOn')).toEqual({ day: '', month: '', year: '' });
	});
});

describe('firstValue', () => {
	it('takes the first of a repeated field and treats a missing one as blank', () => {
		expect(firstValue(['a', 'b'])).toBe('a');
		expect(firstValue('x')).toBe('x');
		expect(firstValue(undefined)).toBe('');
		expect(firstValue([])).toBe('');
	});
});
