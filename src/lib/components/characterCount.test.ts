import { describe, expect, it } from 'vitest';
import { countMessage, countText } from './characterCount';

describe('countText', () => {
	it('counts characters by length and words by runs of non-spaces', () => {
		expect(countText('  two words ', 'characters')).toBe(12);
		expect(countText('  two words ', 'words')).toBe(2);
		expect(countText('', 'words')).toBe(0);
	});
});

describe('countMessage', () => {
	it('uses GOV.UK wording', () => {
		expect(countMessage(12, 'characters')).toBe('You have 12 characters remaining');
		expect(countMessage(1, 'characters')).toBe('You have 1 character remaining');
		expect(countMessage(0, 'words')).toBe('You have 0 words remaining');
		expect(countMessage(-3, 'characters')).toBe('You have 3 characters too many');
		expect(countMessage(-1, 'words')).toBe('You have 1 word too many');
	});
});
