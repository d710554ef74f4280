import { describe, expect, it } from 'vitest';
import { csvSafe } from './csv';

describe('csvSafe', () => {
	it('neutralises cells a spreadsheet would run as a formula', () => {
		for (const bad of ['=1+1', '+44 1234', '-2', '@SUM(A1)', '\t=x', '\r=x'])
			expect(csvSafe(bad)).toBe(`'${bad}`);
		expect(csvSafe('Sam = Parent')).toBe('Sam = Parent');
		expect(csvSafe('')).toBe('');
	});
});
