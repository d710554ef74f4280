import { describe, expect, it } from 'vitest';
import { audienceCodes } from '../../db/schema';
import { buildStarterQuestions } from './starter';
import { checkQuestionInput, easyReadFlags, prepareOptions } from './checks';
import type { FullQuestion } from '../types';

const priorities = [
	{ id: 11, position: 2, title: 'Strengthen co-production' },
	{ id: 10, position: 1, title: 'Identify needs early' }
];

describe('starter question sets', () => {
	it('asks about each priority in order, linking the agreement and comment questions to it', () => {
		const qs = buildStarterQuestions('parents_carers', priorities);
		const first = qs.filter((q) => q.priorityIds?.includes(10));
		expect(first.map((q) => q.key)).toEqual([
			'priority-1-agree',
			'priority-1-why',
			'priority-1-disagree-why'
		]);
		expect(first[0]).toMatchObject({
			kind: 'agreement',
			required: true,
			caption: 'Priority 1: Identify needs early',
			text: 'To what extent do you agree or disagree that this should be a priority?'
		});
		expect(qs[3].key).toBe('priority-2-agree');
	});

	it('gives adults one comment box per priority, worded by whether they disagree', () => {
		const qs = buildStarterQuestions('parents_carers', priorities);
		const why = qs.find((q) => q.key === 'priority-1-why')!;
		const disagree = qs.find((q) => q.key === 'priority-1-disagree-why')!;
		expect(why).toMatchObject({
			text: 'Why do you say that?',
			maxChars: 1200,
			showIfQuestionKey: 'priority-1-agree'
		});
		expect(why.required ?? false).toBe(false);
		expect(disagree.showIfValues).toEqual(['disagree', 'strongly_disagree']);
		expect([...why.showIfValues!, ...disagree.showIfValues!].sort()).toEqual([
			'agree',
			'disagree',
			'dont_know',
			'neither',
			'strongly_agree',
			'strongly_disagree'
		]);
	});

	it("captions young people's questions with the priority's Easy Read title", () => {
		const easy = [
			{ ...priorities[1], easyReadTitle: 'Find out early if children need extra help' },
			{ ...priorities[0], easyReadTitle: '' }
		];
		const young = buildStarterQuestions('young_people', easy);
		expect(young.find((q) => q.key === 'priority-1-agree')?.caption).toBe(
			'Priority 1: Find out early if children need extra help'
		);
		// No Easy Read title written yet: the official one stands in.
		expect(young.find((q) => q.key === 'priority-2-agree')?.caption).toBe(
			'Priority 2: Strengthen co-production'
		);
		// Adults always see the official title.
		expect(
			buildStarterQuestions('parents_carers', easy).find((q) => q.key === 'priority-1-agree')
				?.caption
		).toBe('Priority 1: Identify needs early');
	});

	it('flags Easy Read questions with long sentences or long words before publishing', () => {
		const q = (id: number, text: string, hint: string | null = null) => ({
			id,
			text,
			hint,
			caption: null,
			options: [{ label: 'I agree' }]
		});
		const flags = easyReadFlags([
			q(1, 'Do you agree that we should work on this?'),
			q(
				2,
				'To what extent do you agree or disagree that this should be a priority for the council this year?',
				'Think about accessibility.'
			)
		] as never);
		expect(flags).toHaveLength(1);
		expect(flags[0].id).toBe(2);
		expect(flags[0].number).toBe(2);
		expect(flags[0].problems).toEqual([
			expect.stringContaining('has 19 words'),
			'Long words are hard to read: accessibility. Use a shorter word or explain it'
		]);
	});

	it('asks the optional "about you" questions last', () => {
		const qs = buildStarterQuestions('parents_carers', priorities);
		const profile = qs.filter((q) => q.isProfile);
		expect(profile.map((q) => q.key)).toEqual([
			'responding-as',
			'responding-as-other',
			'age-band',
			'type-of-need',
			'support-level',
			'setting',
			'postcode-district'
		]);
		expect(profile.every((q) => !(q.required ?? false))).toBe(true);
		expect(qs.slice(-profile.length)).toEqual(profile);
		const need = profile.find((q) => q.key === 'type-of-need')!;
		expect(need.options!.filter((o) => o.exclusive).map((o) => o.label)).toEqual([
			'Prefer not to say'
		]);
		expect(profile.find((q) => q.key === 'age-band')!.options!.map((o) => o.value)).toEqual([
			'0-3',
			'4-6',
			'7-9',
			'10-12',
			'13-15',
			'16-18',
			'19-25',
			'prefer_not_to_say'
		]);
	});

	it("asks practitioners about their role and organisation instead of a child's age", () => {
		const keys = buildStarterQuestions('practitioners', priorities).map((q) => q.key);
		expect(keys).toContain('role');
		expect(keys).toContain('organisation');
		expect(keys).not.toContain('age-band');
	});

	it("writes the young people's set in Easy Read: no acronyms, no name or email, asks who helped", () => {
		const qs = buildStarterQuestions('young_people', priorities);
		const words = qs
			.flatMap((q) => [q.text, q.hint ?? '', ...(q.options ?? []).map((o) => o.label)])
			.join(' ');
		expect(words).not.toMatch(/\b(SEND|SEN|EHC|EHCP|SENCO|SENDCo)\b/);
		expect(words).not.toMatch(/name|email/i);
		expect(qs.some((q) => q.showIfQuestionKey)).toBe(false);
		const helped = qs.find((q) => q.key === 'helped-by')!;
		expect(helped.text).toBe('Did someone help you answer?');
		expect(helped.options!).toHaveLength(3);
		expect(qs.map((q) => q.key)).not.toContain('postcode-district');
	});

	it('produces questions that pass the authoring checks', () => {
		for (const audience of audienceCodes) {
			const done: FullQuestion[] = [];
			for (const input of buildStarterQuestions(audience, priorities)) {
				expect(checkQuestionInput(input, done, done, [10, 11])).toEqual({});
				const options = prepareOptions(input, audience === 'young_people').map((o, i) => ({
					...o,
					id: i,
					questionId: 0,
					position: i + 1
				}));
				done.push({ ...(input as unknown as FullQuestion), options, priorityIds: [] });
			}
		}
	});
});
