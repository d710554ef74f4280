import { describe, expect, it } from 'vitest';
import {
	answersByKey,
	isQuestionShown,
	nextQuestion,
	previousQuestion,
	questionNumber,
	visibleQuestions
} from './skipLogic';

const q = (
	key: string,
	showIfQuestionKey: string | null = null,
	showIfValues: string[] | null = null
) => ({ key, showIfQuestionKey, showIfValues });
const questions = [
	q('agree'),
	q('why', 'agree', ['agree', 'strongly_agree']),
	q('disagree-why', 'agree', ['disagree']),
	q('role'),
	q('role-other', 'role', ['other']),
	q('role-other-detail', 'role-other', ['x']),
	q('end')
];

describe('skip logic', () => {
	it('shows a follow-up only when the earlier answer has one of its values', () => {
		expect(isQuestionShown(questions[1], {})).toBe(false);
		expect(isQuestionShown(questions[1], { agree: ['agree'] })).toBe(true);
		expect(isQuestionShown(questions[1], { agree: ['disagree'] })).toBe(false);
		expect(isQuestionShown(questions[0], {})).toBe(true);
	});

	it('matches any one of several chosen options', () => {
		expect(isQuestionShown(q('x', 'needs', ['semh']), { needs: ['cognition', 'semh'] })).toBe(true);
	});

	it('hides questions that depend on a hidden question, even if answered earlier', () => {
		const shown = visibleQuestions(questions, { role: ['teacher'], 'role-other': ['x'] }).map(
			(x) => x.key
		);
		expect(shown).toEqual(['agree', 'role', 'end']);
	});

	it('numbers questions by what the respondent has seen, with no total that moves', () => {
		expect(questionNumber(questions, {}, 'agree')).toEqual({ number: 1 });
		expect(questionNumber(questions, { agree: ['disagree'] }, 'disagree-why')).toEqual({
			number: 2
		});
		// A later answer never renumbers an earlier question.
		expect(questionNumber(questions, { agree: ['disagree'], role: ['other'] }, 'role')).toEqual({
			number: 3
		});
		expect(questionNumber(questions, { agree: ['agree'], role: ['other'] }, 'end')).toEqual({
			number: 5
		});
		expect(questionNumber(questions, { agree: ['agree'] }, 'disagree-why')).toBeNull();
	});

	it('finds the next and previous visible questions', () => {
		const answers = { agree: ['disagree'] };
		expect(nextQuestion(questions, answers, 'agree')?.key).toBe('disagree-why');
		expect(nextQuestion(questions, answers, 'disagree-why')?.key).toBe('role');
		expect(previousQuestion(questions, answers, 'role')?.key).toBe('disagree-why');
		expect(previousQuestion(questions, answers, 'agree')).toBeNull();
		expect(nextQuestion(questions, answers, 'end')).toBeNull();
	});

	it('turns stored rows into answers by key, with text answers present but empty', () => {
		const qs = [
			{ id: 1, key: 'needs' },
			{ id: 2, key: 'why' }
		];
		const rows = [
			{ questionId: 1, value: 'a' },
			{ questionId: 1, value: 'b' },
			{ questionId: 2, value: null }
		];
		expect(answersByKey(qs, rows)).toEqual({ needs: ['a', 'b'], why: [] });
	});
});
