// Simple skip logic: a question may be shown only when an earlier question's answer has one of
// the given values. A question whose controlling question is hidden or unanswered is hidden too.

/** The codes given so far, by question key. A key is present once the question is answered (text answers give []). */
export type AnswersByKey = Readonly<Record<string, readonly string[]>>;

export type SkipRule = {
	key: string;
	showIfQuestionKey: string | null;
	showIfValues: readonly string[] | null;
};

/** Shown when it has no condition, or when the controlling answer includes one of the values. */
export function isQuestionShown(question: SkipRule, answersSoFar: AnswersByKey): boolean {
	if (!question.showIfQuestionKey) return true;
	const given = answersSoFar[question.showIfQuestionKey];
	if (!given) return false;
	return given.some((v) => question.showIfValues?.includes(v) ?? false);
}

/** The questions a respondent sees, in order. Answers to hidden questions never open later ones. */
export function visibleQuestions<Q extends SkipRule>(
	questions: readonly Q[],
	answers: AnswersByKey
): Q[] {
	const counted: Record<string, readonly string[]> = {};
	const shown: Q[] = [];
	for (const q of questions) {
		if (!isQuestionShown(q, counted)) continue;
		shown.push(q);
		if (answers[q.key]) counted[q.key] = answers[q.key];
	}
	return shown;
}

/** "Question 3 of 12": null when the question is hidden. */
export function questionNumber(
	questions: readonly SkipRule[],
	answers: AnswersByKey,
	key: string
): { number: number } | null {
	// No total: GOV.UK advises against "3 of 12" on a branching form, where the total moves as the
	// branches unfold. A question's number depends only on the answers before it, so it stays put.
	const shown = visibleQuestions(questions, answers);
	const i = shown.findIndex((q) => q.key === key);
	return i < 0 ? null : { number: i + 1 };
}

/** The next visible question after `key` (null at the end: go to check your answers). */
export function nextQuestion<Q extends SkipRule>(
	questions: readonly Q[],
	answers: AnswersByKey,
	key: string
): Q | null {
	const all = questions.findIndex((q) => q.key === key);
	const shown = visibleQuestions(questions, answers);
	return shown.find((q) => questions.indexOf(q) > all) ?? null;
}

/** The visible question before `key`, for the back link (null on the first: back to the start page). */
export function previousQuestion<Q extends SkipRule>(
	questions: readonly Q[],
	answers: AnswersByKey,
	key: string
): Q | null {
	const all = questions.findIndex((q) => q.key === key);
	const shown = visibleQuestions(questions, answers);
	return shown.filter((q) => questions.indexOf(q) < all).at(-1) ?? null;
}

/** Stored answer rows as AnswersByKey. */
export function answersByKey(
	questions: readonly { id: number; key: string }[],
	rows: readonly { questionId: number; value: string | null }[]
): Record<string, string[]> {
	const keyOf = new Map(questions.map((q) => [q.id, q.key]));
	const out: Record<string, string[]> = {};
	for (const row of rows) {
		const key = keyOf.get(row.questionId);
		if (key === undefined) continue;
		out[key] ??= [];
		if (row.value !== null) out[key].push(row.value);
	}
	return out;
}
