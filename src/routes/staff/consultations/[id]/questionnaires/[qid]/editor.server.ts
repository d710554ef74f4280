// Shared by the questionnaire editor's pages: the questionnaire, its versions and how to show a question.
import { getDb } from '$lib/server/db';
import { requireQuestionnaireForStaff } from '$lib/server/questionnaires/guard';
import { audienceLabels } from '$lib/server/questionnaires/audiences';
import { describeShowIf, getDraftVersion, kindLabels } from '$lib/server/questionnaires/authoring';
import { getPublishedVersion } from '$lib/server/questionnaires/versions';
import { type FullQuestion } from '$lib/server/questionnaires/types';

export async function editorContext(locals: App.Locals, params: { id: string; qid: string }) {
	const found = await requireQuestionnaireForStaff(
		locals,
		params.id,
		params.qid,
		'consultation:manage'
	);
	const db = getDb();
	const draft = await getDraftVersion(db, found.questionnaire.id);
	const published = await getPublishedVersion(db, found.questionnaire.id);
	const base = `/staff/consultations/${found.consultation.id}/questionnaires/${found.questionnaire.id}`;
	return { ...found, draft, published, base, label: audienceLabels[found.questionnaire.audience] };
}

/** A question as the editor lists it: the rules it follows, in words. */
export function questionSummary(
	q: FullQuestion,
	index: number,
	questions: readonly FullQuestion[],
	priorityNumbers: Map<number, number>
) {
	const numbers = q.priorityIds
		.map((id) => priorityNumbers.get(id))
		.filter((n): n is number => n !== undefined)
		.sort((a, b) => a - b);
	return {
		id: q.id,
		number: index + 1,
		key: q.key,
		text: q.text,
		caption: q.caption,
		hint: q.hint,
		kind: kindLabels[q.kind],
		required: q.required,
		isProfile: q.isProfile,
		options:
			q.kind === 'text'
				? []
				: q.options.map((o) => o.label + (o.exclusive ? ' (cannot be chosen with others)' : '')),
		limit: q.maxWords ? `${q.maxWords} words` : q.maxChars ? `${q.maxChars} characters` : null,
		priorities:
			numbers.length === 0
				? 'None'
				: `${numbers.length === 1 ? 'Priority' : 'Priorities'} ${numbers.join(', ')}`,
		condition: describeShowIf(q, questions)
	};
}

const kindHints: Record<keyof typeof kindLabels, string> = {
	agreement:
		"Strongly agree, Agree, Neither agree nor disagree, Disagree, Strongly disagree and Don't know",
	single: 'Radio buttons: people choose one',
	multiple: "Checkboxes, with an optional 'none of these' answer",
	text: 'A box to write in'
};

/** What the add and change question pages need besides the form's values. */
export function questionFormContext(
	ctx: Awaited<ReturnType<typeof editorContext>>,
	before: readonly FullQuestion[]
) {
	return {
		consultation: { id: ctx.consultation.id, title: ctx.consultation.title },
		questionnaire: {
			id: ctx.questionnaire.id,
			label: ctx.label,
			easyRead: ctx.questionnaire.easyRead
		},
		kinds: (Object.keys(kindLabels) as (keyof typeof kindLabels)[]).map((k) => ({
			value: k,
			text: kindLabels[k],
			hint: kindHints[k]
		})),
		priorities: ctx.priorities.map((p) => ({ id: p.id, position: p.position, title: p.title })),
		earlier: before
			.map((q, i) => ({
				key: q.key,
				number: i + 1,
				text: q.text,
				caption: q.caption,
				kind: q.kind,
				options: q.options.map((o) => ({ value: o.value, label: o.label }))
			}))
			.filter((q) => q.kind !== 'text')
	};
}

/** Domain errors keyed for the form's fields; a key problem is shown against the question. */
export function formErrors(errors: Record<string, string>): Record<string, string> {
	const { key, ...rest } = errors;
	return key && !rest.text ? { text: key, ...rest } : rest;
}
