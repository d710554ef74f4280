import { describe, expect, it } from 'vitest';
import { parseKeywords, stem, suggestThemes } from './suggestions';

const themes = [
	{ id: 1, keywords: 'waiting list, wait' },
	{ id: 2, keywords: 'bus, taxi, transport' },
	{ id: 3, keywords: 'EHCP, plan' },
	{ id: 4, keywords: '' }
];

describe('parseKeywords', () => {
	it('splits on commas and new lines, trims, lower-cases and drops repeats and blanks', () => {
		expect(parseKeywords(' Waiting  List,wait\nWAIT, ,;')).toEqual(['waiting list', 'wait']);
	});
});

describe('stem', () => {
	it('turns common plurals into singulars', () => {
		expect(
			[
				'buses',
				'taxis',
				'parties',
				'classes',
				'waits',
				"child's",
				'bus',
				'class',
				'box',
				'boxes'
			].map(stem)
		).toEqual(['bus', 'taxi', 'party', 'class', 'wait', 'child', 'bus', 'class', 'box', 'box']);
	});
});

describe('suggestThemes', () => {
	it('matches whole words, ignoring case, with the keyword that matched', () => {
		expect(suggestThemes('The BUS was late again', themes)).toEqual([
			{ themeId: 2, keyword: 'bus' }
		]);
	});

	it('matches plurals of a keyword, and a plural keyword matches the singular', () => {
		expect(suggestThemes('The taxis never come', themes)).toEqual([
			{ themeId: 2, keyword: 'taxi' }
		]);
		expect(suggestThemes('Long waits', [{ id: 9, keywords: 'waits' }])).toEqual([
			{ themeId: 9, keyword: 'waits' }
		]);
		expect(suggestThemes('one long wait', [{ id: 9, keywords: 'waits' }])).toEqual([
			{ themeId: 9, keyword: 'waits' }
		]);
	});

	it('does not match part of a word', () => {
		expect(suggestThemes('The business plan was explained', [{ id: 2, keywords: 'bus' }])).toEqual(
			[]
		);
		expect(suggestThemes('Planning was poor', [{ id: 3, keywords: 'plan' }])).toEqual([]);
	});

	it('matches phrases only as a run of words, across punctuation and spacing', () => {
		expect(suggestThemes('We are on the waiting-list. Again.', themes)).toEqual([
			{ themeId: 1, keyword: 'waiting list' }
		]);
		expect(
			suggestThemes('Waiting for a list of schools', [{ id: 1, keywords: 'waiting list' }])
		).toEqual([]);
	});

	it('suggests several themes in the order given, and nothing for a theme without keywords', () => {
		expect(
			suggestThemes('Still waiting for an EHCP and the bus', themes).map((s) => s.themeId)
		).toEqual([2, 3]);
		expect(suggestThemes('', themes)).toEqual([]);
	});
});
