// What schools and staff may post, with GOV.UK error wording.
import { z } from 'zod';
import { CORE_STRANDS, SCHOOL_TYPES, USEFULNESS } from '../db/schema';
import { THEMES, type Theme } from './labels';
// The one reader of typed times ("9:30am", "14:00"), shared with roadshow sessions.
import { parseTimeOfDay } from '../roadshow/schedule';

const text = (max: number, missing: string, label: string) =>
	z
		.string({ error: missing })
		.trim()
		.min(1, missing)
		.max(max, `${label} must be ${max} characters or fewer`);

const optionalText = (max: number, label: string) =>
	z
		.string()
		.trim()
		.max(max, `${label} must be ${max} characters or fewer`)
		.optional()
		.transform((v) => v || null);

const themeCodes = Object.keys(THEMES) as [Theme, ...Theme[]];
/** Checkboxes post nothing, one value or several. */
const themes = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(z.enum(themeCodes, { error: 'Select the themes you want to talk about' })).min(1, {
		error: 'Select at least one theme you want to talk about'
	})
);

const contact = {
	contactName: text(100, 'Enter the name of the person we should contact', 'Name'),
	contactRole: text(100, 'Enter their role, for example SENCo', 'Role'),
	contactEmail: z
		.string({ error: 'Enter an email address' })
		.trim()
		.min(1, 'Enter an email address')
		.max(200, 'Email address must be 200 characters or fewer')
		.pipe(
			z.email({ error: 'Enter an email address in the correct format, like name@example.org' })
		),
	contactPhone: optionalText(30, 'Phone number').refine(
		(v) => v === null || /^[+\d][\d\s()-]{5,}$/.test(v),
		'Enter a phone number, like 01603 222 222'
	)
};

export function registrationSchema(terms: string[]) {
	return z.object({
		schoolName: text(150, 'Enter the name of your school', 'School name'),
		schoolType: z.enum(SCHOOL_TYPES, { error: 'Select the type of school' }),
		...contact,
		strand: z.enum(CORE_STRANDS, { error: 'Select the kind of core consultation you want' }),
		term: z
			.string({ error: 'Select the term you would like the meeting in' })
			.refine((t) => terms.includes(t), 'Select the term you would like the meeting in'),
		themes,
		themesOther: optionalText(500, 'Other themes')
	});
}
export type RegistrationInput = z.infer<ReturnType<typeof registrationSchema>>;

/** What a school may change after registering. */
export const schoolChangeSchema = z.object({
	...contact,
	themes,
	themesOther: optionalText(500, 'Other themes')
});
export type SchoolChangeInput = z.infer<typeof schoolChangeSchema>;

export const allocationSchema = z.object({
	specialistName: text(100, 'Enter the name of the specialist', 'Specialist name'),
	meetingPlace: text(200, 'Enter where the meeting will be, or “Online”', 'Where'),
	time: z
		.string({ error: 'Enter the start time' })
		.trim()
		.min(1, 'Enter the start time')
		.transform((v, ctx) => {
			const time = parseTimeOfDay(v);
			if (!time) {
				ctx.addIssue({
					code: 'custom',
					message: 'Enter the start time in the correct format, like 9:30am or 14:00'
				});
				return z.NEVER;
			}
			return time;
		})
});

export const evaluationSchema = z.object({
	usefulness: z.enum(USEFULNESS, { error: 'Select how useful the meeting was' }),
	whatWillChange: text(
		1000,
		'Enter what you will do differently after the meeting',
		'What will change'
	),
	whatElseNeeded: optionalText(1000, 'What else you need')
});
export type EvaluationInput = z.infer<typeof evaluationSchema>;

export const cancelSchema = z.object({
	confirm: z.enum(['yes', 'no'], { error: 'Select yes if you want to cancel, or no to keep it' })
});
