import { describe, expect, it } from 'vitest';
import {
	easyReadProblems,
	glossaryLinked,
	glossaryLinkedBefore,
	glossarySegments,
	sentences
} from './easyRead';

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

	it('link each word once on a page: words linked earlier are not linked again', () => {
		const caption = 'Priority 1: Find out early if children need extra help';
		const linked = glossaryLinked(caption);
		expect(linked).toEqual(['priority']);
		expect(glossarySegments('Is this priority right for SEND?', linked)).toEqual([
			{ text: 'Is this priority right for ' },
			{ text: 'SEND', glossaryId: 'send' },
			{ text: '?' }
		]);
		expect(glossaryLinked('Is this priority right for SEND?', linked)).toEqual([
			'priority',
			'send'
		]);
	});

	it('carry what is linked from one text to the next down a page', () => {
		expect(
			glossaryLinkedBefore(['We asked about SEND.', 'Our strategy has a priority.', 'SEND again.'])
		).toEqual([[], ['send'], ['send', 'strategy', 'priority']]);
	});
});
