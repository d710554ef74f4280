import { describe, expect, it } from 'vitest';
import { easyReadProblems, glossarySegments, sentences } from './easyRead';

describe('Easy Read checks', () => {
	it('pass short sentences of everyday words', () => {
		expect(easyReadProblems('Do you agree that we should work on this?')).toEqual([]);
		expect(easyReadProblems('We want to know what you think. Tell us.')).toEqual([]);
	});

	it('flag a sentence over 15 words', () => {
		const long =
			'Strengthen co-production arrangements so parents and carers work closely with senior leaders on the SEND agenda';
		const [problem] = easyReadProblems(long);
		expect(problem).toContain('has 16 words');
	});

	it('flag long words, unless the glossary explains them', () => {
		expect(easyReadProblems('We will improve arrangements.')).toEqual([
			'Long words are hard to read: arrangements. Use a shorter word or explain it'
		]);
		expect(easyReadProblems('Tell us about your transition.')).toEqual([]);
	});

	it('split text into sentences', () => {
		expect(sentences('One. Two? Three!\nFour')).toEqual(['One.', 'Two?', 'Three!', 'Four']);
	});
});

describe('glossary links', () => {
	it('link the first use of each hard word', () => {
		expect(glossarySegments('A priority is important. Priorities come first.')).toEqual([
			{ text: 'A ' },
			{ text: 'priority', glossaryId: 'priority' },
			{ text: ' is important. Priorities come first.' }
		]);
		expect(glossarySegments('Nothing hard here')).toEqual([{ text: 'Nothing hard here' }]);
	});
});
