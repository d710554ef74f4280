// The family's pre-meeting questionnaire: one question per page, in the families' own words.
import { z } from 'zod';

export const PROFESSIONS = [
	'Senior occupational therapist',
	'Community paediatrician',
	'Psychologist',
	'Senior paediatric physiotherapist',
	'Sensory support practitioner',
	'Specialist health visitor',
	'Speech and language therapist',
	'Portage practitioner',
	'Disability coordinator',
	'Children’s community nurse'
] as const;

export const CONCERNS = {
	talking: 'Talking and understanding',
	moving: 'Moving about',
	eating: 'Eating and drinking',
	sleeping: 'Sleeping',
	seeing_hearing: 'Seeing or hearing',
	behaviour: 'Behaviour',
	play: 'Playing',
	health: 'Health'
} as const;
export type Concern = keyof typeof CONCERNS;

export const QUESTION_KEYS = ['going-well', 'concerns', 'questions', 'support', 'reply'] as const;
export type QuestionKey = (typeof QUESTION_KEYS)[number];

export type LiaisonAnswers = {
	goingWell?: string;
	concerns?: Concern[];
	concernsOther?: string | null;
	questions?: string[];
	support?: string;
	reply?: 'email' | 'letter';
	replyAddress?: string | null;
};

const MAX = 2000;
const long = (missing: string, label: string) =>
	z
		.string({ error: missing })
		.trim()
		.min(1, missing)
		.max(MAX, `${label} must be ${MAX} characters or fewer`);
const optional = (label: string) =>
	z
		.string()
		.trim()
		.max(MAX, `${label} must be ${MAX} characters or fewer`)
		.optional()
		.transform((v) => v || null);
const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const CONCERNS_MISSING = 'Select the areas you are worried about, or tell us about something else';

/** Each page's schema; its output is merged into the saved answers. */
export const QUESTION_SCHEMAS = {
	'going-well': z.object({
		goingWell: long('Tell us what is going well for your child', 'What is going well')
	}),
	// A box ticked, or something else written in the family's own words.
	concerns: z
		.object({
			concerns: z.preprocess(
				list,
				z.array(
					z.enum(Object.keys(CONCERNS) as [Concern, ...Concern[]], { error: CONCERNS_MISSING })
				)
			),
			concernsOther: optional('Something else')
		})
		.superRefine((v, ctx) => {
			if (v.concerns.length === 0 && !v.concernsOther)
				ctx.addIssue({ code: 'custom', path: ['concerns'], message: CONCERNS_MISSING });
		}),
	questions: z
		.object({
			question1: optional('Question 1'),
			question2: optional('Question 2'),
			question3: optional('Question 3')
		})
		.transform((v) => ({
			questions: [v.question1, v.question2, v.question3].filter((q): q is string => !!q)
		})),
	support: z.object({
		support: long(
			'Tell us who else supports your child and family, or write “No one”',
			'Who else supports you'
		)
	}),
	reply: z
		.object({
			reply: z.enum(['email', 'letter'], { error: 'Select how you would like us to reply' }),
			replyAddress: optional('Postal address')
		})
		.superRefine((v, ctx) => {
			if (v.reply === 'letter' && !v.replyAddress)
				ctx.addIssue({
					code: 'custom',
					path: ['replyAddress'],
					message: 'Enter the address we should post the letter to'
				});
		})
} as const;

/** The first page still to answer, or null when every page has an answer. */
export function nextQuestion(answers: LiaisonAnswers): QuestionKey | null {
	if (!answers.goingWell) return 'going-well';
	if (!answers.concerns?.length && !answers.concernsOther) return 'concerns';
	if (!answers.questions) return 'questions';
	if (!answers.support) return 'support';
	if (!answers.reply) return 'reply';
	return null;
}

export function parseAnswers(json: string): LiaisonAnswers {
	try {
		const v: unknown = JSON.parse(json);
		return v && typeof v === 'object' ? (v as LiaisonAnswers) : {};
	} catch {
		return {};
	}
}
