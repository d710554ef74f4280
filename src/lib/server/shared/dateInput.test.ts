import { describe, expect, it } from 'vitest';
import { dateToParts, datePartsOf, parseDateParts } from './dateInput';

const label = 'the date the consultation opens';

describe('GOV.UK date input', () => {
	it('accepts a real date, with numbers or month names', () => {
		expect(parseDateParts({ day: '4', month: '6', year: '2026' }, label)).toEqual({
			ok: true,
			date: '2026-06-04'
		});
		expect(parseDateParts({ day: '04', month: 'June', year: '2026' }, label)).toEqual({
			ok: true,
			date: '2026-06-04'
		});
	});

	it('gives the Design System messages', () => {
		expect(parseDateParts({ day: '', month: '', year: '' }, label)).toEqual({
			ok: false,
			message: 'Enter the date the consultation opens'
		});
		expect(parseDateParts({ day: '4', month: '', year: '' }, label)).toEqual({
			ok: false,
			message: 'The date the consultation opens must include a month and year'
		});
		expect(parseDateParts({ day: '31', month: '2', year: '2026' }, label)).toEqual({
			ok: false,
			message: 'The date the consultation opens must be a real date'
		});
		expect(parseDateParts({ day: '1', month: '2', year: '26' }, label)).toEqual({
			ok: false,
			message: 'Year must include 4 numbers'
		});
		expect(parseDateParts({ day: 'x', month: '2', year: '2026' }, label).ok).toBe(false);
	});

	it('reads and writes the three boxes', () => {
		expect(
			datePartsOf({ 'opensOn-day': ' 4 ', 'opensOn-month': '6', 'opensOn-year': '2026' }, 'opensOn')
		).toEqual({
			day: '4',
			month: '6',
			year: '2026'
		});
		expect(dateToParts('2026-06-04')).toEqual({ day: '4', month: '6', year: '2026' });
		expect(dateToParts(null)).toEqual({ day: '', month: '', year: '' });
	});
});
