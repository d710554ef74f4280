import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, suppress, suppressedPercent } from './suppress';

describe('suppress', () => {
	it('hides counts of 1 to 4 and shows 0 and 5 or more', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 1000].map(suppress)).toEqual([
			0,
			null,
			null,
			null,
			null,
			5,
			6,
			1000
		]);
	});

	it('formats counts, with "fewer than 5" for a hidden one', () => {
		expect(formatCount(null)).toBe('fewer than 5');
		expect(formatCount(0)).toBe('0');
		expect(formatCount(12345)).toBe('12,345');
	});

	it('withholds a percentage that would reveal a small group', () => {
		expect(suppressedPercent(17, 23)).toBe(74);
		expect(suppressedPercent(3, 4)).toBeNull(); // base under 5
		expect(suppressedPercent(3, 20)).toBeNull(); // 3 agreed
		expect(suppressedPercent(19, 20)).toBeNull(); // 1 did not
		expect(suppressedPercent(20, 20)).toBe(100);
		expect(suppressedPercent(0, 20)).toBe(0);
		expect(formatPercent(null)).toBe('not shown');
		expect(formatPercent(74)).toBe('74%');
	});
});
