import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import QuestionField from './QuestionField.svelte';
import { agreementOptions } from '../agreement';

const question = {
	key: 'priority-1-agree',
	kind: 'agreement' as const,
	text: 'Do you agree that we should work on this?',
	required: true,
	// The Easy Read agreement scale as the young people's questionnaire offers it.
	options: agreementOptions(true)
};

const attr = (html: string, name: string) => html.match(new RegExp(`${name}="([^"]*)"`))?.[1];

/** Each Easy Read option's words with the face drawn beside them, read from the rendered HTML. */
function faces() {
	const html = render(QuestionField, { props: { question, easyRead: true } }).body.replace(
		/<!--[^>]*-->/g,
		''
	);
	return [...html.matchAll(/<label[^>]*app-faces__label[^>]*>([\s\S]*?)<\/label>/g)].map(
		([, label]) => {
			const svg = label.match(/<svg[^>]*>/)![0];
			const circle = label.match(/<circle[^>]*>/)![0];
			const mouthTag = label.match(/<path[^>]*app-faces__mouth[^>]*>/)?.[0] ?? '';
			const d = attr(mouthTag, 'd') ?? '';
			// "M x1 y1 Q cx cy x2 y2": a control point below the ends is a smile, above is a frown.
			const [, y1, cy] = d.match(/^M\s*\S+\s+(\S+)\s+Q\s*\S+\s+(\S+)/) ?? [];
			return {
				words: label
					.replace(/<svg[\s\S]*<\/svg>/, '')
					.replace(/<[^>]+>/g, '')
					.trim(),
				shape: attr(svg, 'data-face'),
				hidden: attr(svg, 'aria-hidden'),
				fill: attr(circle, 'fill'),
				curve: d ? Number(cy) - Number(y1) : null,
				openMouth: !!mouthTag && attr(mouthTag, 'fill') !== 'none',
				happyEyes: /d="M13 20 Q17 14/.test(label),
				brows: (label.match(/app-faces__brow/g) ?? []).length
			};
		}
	);
}

describe('Easy Read faces', () => {
	it('match the words: big smile, smile, straight, frown, big frown', () => {
		const drawn = faces();
		expect(drawn.map((f) => [f.words, f.shape])).toEqual([
			['I really agree', 'big-smile'],
			['I agree', 'smile'],
			["I'm not sure", 'straight'],
			["I don't agree", 'frown'],
			["I really don't agree", 'big-frown'],
			["I don't know", 'question']
		]);
		const [bigSmile, smile, straight, frown, bigFrown, unsure] = drawn;
		expect(bigSmile.curve).toBeGreaterThan(smile.curve!);
		expect(smile.curve).toBeGreaterThan(0);
		expect(straight.curve).toBe(0);
		expect(frown.curve).toBeLessThan(0);
		expect(bigFrown.curve).toBeLessThan(frown.curve!);
		expect(unsure.curve).toBeNull();
	});

	it('differ in shape as well as colour, so colour is never needed to tell them apart', () => {
		const [bigSmile, smile, straight, frown, bigFrown] = faces();
		expect(bigSmile.openMouth && bigSmile.happyEyes).toBe(true);
		expect([smile, straight, frown, bigFrown].some((f) => f.openMouth || f.happyEyes)).toBe(false);
		expect(bigFrown.brows).toBe(1);
		expect([bigSmile, smile, straight, frown].every((f) => f.brows === 0)).toBe(true);
		expect(new Set(faces().map((f) => f.fill)).size).toBe(6);
	});

	it('are pictures beside the words, hidden from screen readers, which read the words', () => {
		expect(faces().every((f) => f.hidden === 'true' && f.words !== '')).toBe(true);
	});
});
