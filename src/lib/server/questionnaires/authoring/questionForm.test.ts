import { describe, expect, it } from 'vitest';
import { NOW, testDb } from '../testFixtures';
import { addQuestion, createQuestionnaire, getDraftVersion } from './drafts';
import {
	describeShowIf,
	optionsFromLines,
	parseQuestionForm,
	questionFormValues
} from './questionForm';

describe('optionsFromLines', () => {
	it('makes codes from labels, skipping blank lines, and marks the none option', () => {
		expect(optionsFromLines('Yes\n\n  No \r\nNone of these', 'None of these')).toEqual([
			{ value: 'yes', label: 'Yes', exclusive: false },
			{ value: 'no', label: 'No', exclusive: false },
			{ value: 'none_of_these', label: 'None of these', exclusive: true }
		]);
	});

	it('keeps the codes of unchanged and renamed options so earlier answers still match', () => {
		const previous = [
			{ value: 'mainstream_school', label: 'Mainstream school' },
			{ value: 'special_school', label: 'Special school' }
		];
		const options = optionsFromLines('Special school\nMainstream school\nHome', '', previous);
		expect(options.map((o) => o.value)).toEqual(['special_school', 'mainstream_school', 'home']);
		const renamed = optionsFromLines('Mainstream schools\nSpecial school', '', previous);
		expect(renamed.map((o) => o.value)).toEqual(['mainstream_school', 'special_school']);
	});

	it('never gives a new option the code an earlier option used for something else', () => {
		const previous = [{ value: 'other', label: 'Something else' }];
		const options = optionsFromLines('Something else\nOther', '', previous);
		expect(options.map((o) => o.value)).toEqual(['other', 'other_2']);
		expect(optionsFromLines('A thing\nA-thing', '').map((o) => o.value)).toEqual([
			'a_thing',
			'a_thing_2'
		]);
	});
});

const base = {
	kind: 'single',
	text: 'Which best describes you?',
	required: 'no',
	options: 'Parent\nCarer'
};

describe('parseQuestionForm', () => {
	it('turns the posted form into a question', () => {
		const r = parseQuestionForm({
			...base,
			hint: ' ',
			caption: 'About you',
			isProfile: 'yes',
			priorities: ['2', 'x'],
			showIf: ''
		});
		expect(r).toEqual({
			ok: true,
			input: expect.objectContaining({
				kind: 'single',
				text: 'Which best describes you?',
				hint: null,
				caption: 'About you',
				required: false,
				isProfile: true,
				options: [
					{ value: 'parent', label: 'Parent', exclusive: false },
					{ value: 'carer', label: 'Carer', exclusive: false }
				],
				showIfQuestionKey: null,
				showIfValues: null,
				priorityIds: [2]
			})
		});
	});

	it('names each missing or wrong answer', () => {
		expect(parseQuestionForm({})).toEqual({
			ok: false,
			errors: {
				kind: 'Select the type of question',
				text: 'Enter the question',
				required: 'Select yes if people must answer this question'
			}
		});
		const r = parseQuestionForm({
			...base,
			kind: 'multiple',
			options: 'Only one',
			exclusive: 'None'
		});
		expect(r.ok || r.errors).toEqual({
			options: 'Enter at least 2 options, one on each line',
			exclusive: "Enter the 'none' option exactly as it is written in the list of options"
		});
		const dup = parseQuestionForm({ ...base, options: 'Yes\nYes' });
		expect(dup.ok || dup.errors).toEqual({ options: 'Each option must be different' });
	});

	it('checks text limits', () => {
		const text = { kind: 'text', text: 'Why?', required: 'no' };
		expect(parseQuestionForm({ ...text, maxChars: '1,200' })).toMatchObject({
			ok: true,
			input: { maxChars: 1200, maxWords: null, options: [] }
		});
		const bad = parseQuestionForm({ ...text, maxChars: 'lots', maxWords: '0' });
		expect(bad.ok || bad.errors).toEqual({
			maxChars: 'Enter the character limit as a whole number, like 500',
			maxWords: 'Enter the word limit as a whole number, like 100'
		});
		const both = parseQuestionForm({ ...text, maxChars: '10', maxWords: '10' });
		expect(both.ok || both.errors).toEqual({
			maxWords: 'Enter a character limit or a word limit, not both'
		});
	});

	it('reads the answers that show the question from the chosen question only', () => {
		const r = parseQuestionForm({
			...base,
			showIf: 'priority-1-agree',
			'showIfValues-priority-1-agree': ['disagree', 'strongly_disagree'],
			'showIfValues-other': 'x'
		});
		expect(r).toMatchObject({
			ok: true,
			input: {
				showIfQuestionKey: 'priority-1-agree',
				showIfValues: ['disagree', 'strongly_disagree']
			}
		});
	});

	it('keeps a postcode question’s format while it stays a written answer', () => {
		const current = {
			kind: 'text' as const,
			options: [],
			textFormat: 'postcode_district' as const
		};
		expect(
			parseQuestionForm({ kind: 'text', text: 'Postcode?', required: 'no' }, current)
		).toMatchObject({ ok: true, input: { textFormat: 'postcode_district' } });
		expect(parseQuestionForm({ ...base }, current)).toMatchObject({
			ok: true,
			input: { textFormat: null }
		});
	});
});

describe('questionFormValues and describeShowIf', () => {
	it('round-trips a starter question and describes its condition', async () => {
		const { db, consultationId } = await testDb();
		const created = await createQuestionnaire(db, consultationId, 'parents_carers', {
			useStarter: true,
			now: NOW
		});
		if (!created.ok) throw new Error('not created');
		const questions = (await getDraftVersion(db, created.questionnaireId))!.questions;
		const followUp = questions.find((q) => q.key === 'priority-1-disagree-why')!;
		const values = questionFormValues(followUp);
		expect(values).toMatchObject({
			kind: 'text',
			required: 'no',
			maxChars: '1200',
			showIf: 'priority-1-agree',
			'showIfValues-priority-1-agree': ['disagree', 'strongly_disagree']
		});
		const parsed = parseQuestionForm(values, followUp);
		expect(parsed).toMatchObject({
			ok: true,
			input: { showIfValues: ['disagree', 'strongly_disagree'], priorityIds: followUp.priorityIds }
		});
		expect(describeShowIf(followUp, questions)).toBe(
			'Shown only if the answer to question 1 is “Disagree” or “Strongly disagree”'
		);
		expect(describeShowIf(questions[0], questions)).toBeNull();

		const multiple = questions.find((q) => q.key === 'type-of-need')!;
		expect(questionFormValues(multiple)).toMatchObject({ exclusive: 'Prefer not to say' });
		const again = parseQuestionForm(questionFormValues(multiple), multiple);
		if (!again.ok) throw new Error(JSON.stringify(again.errors));
		expect(again.input.options).toEqual(
			multiple.options.map((o) => ({ value: o.value, label: o.label, exclusive: o.exclusive }))
		);
		expect(
			(await addQuestion(db, created.versionId, { ...again.input, key: 'type-of-need-2' })).ok
		).toBe(true);
	});
});
