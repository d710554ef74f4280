// Booking-journey answers: zod schemas with GOV.UK error messages, keyed by field id.
// Each question page has its own schema; bookingDetailsSchema checks every answer again on
// "Confirm booking", because hidden fields and cookies can be tampered with.
import { z } from 'zod';
import { accessNeedCodes, type AccessNeed } from '../db/schema';
import { getConfig } from '../config';
import { normaliseUkMobile } from '../shared/mobile';
import { partyProblem, partyProblemMessage, type PartyRules } from './party';

export const ACCESS_NEED_LABELS: Record<AccessNeed, string> = {
	bsl: 'British Sign Language (BSL) interpreter',
	wheelchair: 'Wheelchair access',
	hearing_loop: 'Hearing loop',
	quiet_space: 'Quiet space',
	reading_help: 'Help with reading',
	other: 'Other',
	none: 'None'
};

/** The needs offered as checkboxes, in this order; "None" comes apart, as the exclusive answer. */
export const accessNeedChoices = (
	['bsl', 'wheelchair', 'hearing_loop', 'quiet_space', 'reading_help', 'other'] as const
).map((value) => ({ value, text: ACCESS_NEED_LABELS[value] }));

export const EMAIL_FORMAT_MESSAGE =
	'Enter an email address in the correct format, like name@example.com';
const PHONE_MESSAGE =
	'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192';
const NONE_AND_NEEDS_MESSAGE = "Select 'None' or the access needs you have, not both";
const NO_NEEDS_MESSAGE = "Select the access needs you have, or select 'None'";

type Ctx = z.core.$RefinementCtx;
/** Cross-field checks run even when another field already failed, so every error shows at once. */
const always = { when: () => true };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

function requiredText(required: string, max: number, tooLong: string) {
	return z.preprocess(
		first,
		z.string({ error: required }).trim().min(1, required).max(max, tooLong)
	);
}

function optionalText(max: number, tooLong: string) {
	return z.preprocess(
		first,
		z
			.string()
			.trim()
			.max(max, tooLong)
			.optional()
			.transform((v) => v || null)
	);
}

const isEmail = (v: string) => v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(v);
const isPhone = (v: string) => /^[+()\d\s.-]+$/.test(v) && /^\d{10,15}$/.test(v.replace(/\D/g, ''));

function requiredEmail(required: string) {
	return z.preprocess(
		first,
		z
			.string({ error: required })
			.trim()
			.min(1, required)
			.refine((v) => !v || isEmail(v), EMAIL_FORMAT_MESSAGE)
	);
}

function optionalEmail() {
	return z.preprocess(
		first,
		z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null)
			.refine((v) => !v || isEmail(v), EMAIL_FORMAT_MESSAGE)
	);
}

function phone() {
	return z.preprocess(
		first,
		z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null)
			.refine((v) => !v || isPhone(v), PHONE_MESSAGE)
	);
}

// --- Who is booking -------------------------------------------------------------------------

const whoShape = {
	bookedBy: z.preprocess(
		first,
		z.enum(['family', 'on_behalf'], { error: 'Select who you are booking for' })
	),
	organisationName: optionalText(
		200,
		'Name of your school, setting or organisation must be 200 characters or less'
	),
	organisationRole: optionalText(200, 'Your role must be 200 characters or less')
};

function checkWho(v: Record<string, unknown>, ctx: Ctx) {
	if (v.bookedBy !== 'on_behalf') return;
	if (!v.organisationName)
		ctx.addIssue({
			code: 'custom',
			path: ['organisationName'],
			message: 'Enter the name of your school, setting or organisation'
		});
	if (!v.organisationRole)
		ctx.addIssue({ code: 'custom', path: ['organisationRole'], message: 'Enter your role' });
}

type Who = {
	bookedBy: 'family' | 'on_behalf';
	organisationName: string | null;
	organisationRole: string | null;
};
function cleanWho<T extends Who>(v: T): T {
	return v.bookedBy === 'family' ? { ...v, organisationName: null, organisationRole: null } : v;
}

export const whoSchema = z.object(whoShape).superRefine(checkWho, always).transform(cleanWho);

// --- How many places --------------------------------------------------------------------------

function placeCount(maxParty: number, empty: string | null, notWhole: string) {
	const range = `Enter the number of places, up to ${maxParty}`;
	return z.preprocess(
		first,
		z
			.string()
			.trim()
			.optional()
			.transform((v, ctx) => {
				if (!v) {
					if (empty) ctx.addIssue({ code: 'custom', message: empty });
					return 0;
				}
				if (!/^-?\d+$/.test(v)) {
					ctx.addIssue({ code: 'custom', message: notWhole });
					return 0;
				}
				const n = Number(v);
				if (n < 0 || n > maxParty) ctx.addIssue({ code: 'custom', message: range });
				return n;
			})
	);
}

function placesShape(maxParty: number) {
	return {
		adults: placeCount(
			maxParty,
			'Enter how many adults are coming',
			'Enter the number of adults as a whole number, like 2'
		),
		// Blank means none.
		children: placeCount(
			maxParty,
			null,
			'Enter the number of children and young people as a whole number, like 2'
		)
	};
}

function checkPlaces(rules: PartyRules) {
	return (v: Record<string, unknown>, ctx: Ctx) => {
		if (typeof v.adults !== 'number' || typeof v.children !== 'number') return;
		// A count already out of range has its own message.
		const { maxParty } = rules;
		if (v.adults < 0 || v.children < 0 || v.adults > maxParty || v.children > maxParty) return;
		const problem = partyProblem({ adults: v.adults, children: v.children }, rules);
		if (!problem) return;
		const { field, message } = partyProblemMessage(problem, maxParty);
		ctx.addIssue({ code: 'custom', path: [field], message });
	};
}

/** The places question; pass the session's rules so an adults-only session refuses children here. */
export function placesSchema(rules: Partial<PartyRules> = {}) {
	const full: PartyRules = {
		maxParty: getConfig().BOOKING_MAX_PARTY,
		childrenWelcome: true,
		...rules
	};
	return z.object(placesShape(full.maxParty)).superRefine(checkPlaces(full), always);
}

// --- Contact details --------------------------------------------------------------------------

const contactShape = {
	contactName: requiredText(
		'Enter your full name',
		200,
		'Full name must be 200 characters or less'
	),
	email: requiredEmail('Enter your email address'),
	phone: phone(),
	familyName: optionalText(200, 'Name must be 200 characters or less'),
	familyEmail: optionalEmail(),
	familyPhone: phone()
};

type Contact = {
	familyName: string | null;
	familyEmail: string | null;
	familyPhone: string | null;
};
/** Family contact details belong only to on-behalf bookings. */
function cleanFamily<T extends Contact & { bookedBy: string }>(v: T): T {
	return v.bookedBy === 'on_behalf'
		? v
		: { ...v, familyName: null, familyEmail: null, familyPhone: null };
}

// Text messages: a tick and a UK mobile number, kept normalised (+447...). Without the tick the
// number is not kept, so no one gets texts they did not ask for.
export const MOBILE_REQUIRED_MESSAGE = 'Enter a UK mobile number to get text messages';
export const MOBILE_FORMAT_MESSAGE = 'Enter a UK mobile number, like 07700 900 982';

const textShape = {
	textMessages: z.preprocess(first, z.string().optional()).transform((v) => v === 'yes'),
	mobile: z.preprocess(
		first,
		z
			.string()
			.trim()
			.max(40, MOBILE_FORMAT_MESSAGE)
			.optional()
			.transform((v) => v || null)
	)
};

function checkMobile(v: Record<string, unknown>, ctx: Ctx) {
	if (v.textMessages !== true) return;
	if (typeof v.mobile !== 'string')
		ctx.addIssue({ code: 'custom', path: ['mobile'], message: MOBILE_REQUIRED_MESSAGE });
	else if (!normaliseUkMobile(v.mobile))
		ctx.addIssue({ code: 'custom', path: ['mobile'], message: MOBILE_FORMAT_MESSAGE });
}

type Texts = { textMessages: boolean; mobile: string | null };
function cleanMobile<T extends Texts>(v: T): T {
	const mobile = v.textMessages && v.mobile ? normaliseUkMobile(v.mobile) : null;
	return { ...v, mobile, textMessages: mobile !== null };
}

export const contactSchema = z
	.object({ ...contactShape, ...textShape })
	.superRefine(checkMobile, always)
	.transform(cleanMobile);

// --- Access needs -----------------------------------------------------------------------------

const isAccessNeed = (v: string): v is AccessNeed =>
	(accessNeedCodes as readonly string[]).includes(v);

const accessShape = {
	accessNeeds: z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
		z
			.array(z.string(), { error: NO_NEEDS_MESSAGE })
			.refine((list) => list.every(isAccessNeed), NO_NEEDS_MESSAGE)
			.transform((list) => list.filter(isAccessNeed))
	),
	accessNeedsOther: optionalText(500, 'Other access needs must be 500 characters or less')
};

function checkAccess(v: Record<string, unknown>, ctx: Ctx) {
	if (!Array.isArray(v.accessNeeds)) return;
	const needs = v.accessNeeds as string[];
	if (needs.length === 0)
		ctx.addIssue({ code: 'custom', path: ['accessNeeds'], message: NO_NEEDS_MESSAGE });
	else if (needs.includes('none') && needs.length > 1)
		ctx.addIssue({ code: 'custom', path: ['accessNeeds'], message: NONE_AND_NEEDS_MESSAGE });
	if (needs.includes('other') && !v.accessNeedsOther)
		ctx.addIssue({
			code: 'custom',
			path: ['accessNeedsOther'],
			message: 'Tell us what other access needs you have'
		});
}

type Access = { accessNeeds: AccessNeed[]; accessNeedsOther: string | null };
function cleanAccess<T extends Access>(v: T): T {
	const accessNeeds = [...new Set(v.accessNeeds)];
	return {
		...v,
		accessNeeds,
		accessNeedsOther: accessNeeds.includes('other') ? v.accessNeedsOther : null
	};
}

export const accessNeedsSchema = z
	.object(accessShape)
	.superRefine(checkAccess, always)
	.transform(cleanAccess);

const onBehalfAccessMessages: Record<string, string> = {
	[NO_NEEDS_MESSAGE]: "Select the family's access needs, or select 'None'",
	[NONE_AND_NEEDS_MESSAGE]: "Select 'None' or the family's access needs, not both",
	'Tell us what other access needs you have': 'Tell us what other access needs the family has'
};

/** The access-needs messages for someone booking for a family: about the family, not "you". */
export function accessErrorsForBooker(
	errors: Record<string, string>,
	bookedBy: 'family' | 'on_behalf' | undefined
): Record<string, string> {
	if (bookedBy !== 'on_behalf') return errors;
	return Object.fromEntries(
		Object.entries(errors).map(([k, m]) => [k, onBehalfAccessMessages[m] ?? m])
	);
}

// --- Consent ----------------------------------------------------------------------------------

const consentShape = {
	consentToContact: z.preprocess(first, z.string().optional()).transform((v) => v === 'yes')
};

/** The consent question page: yes or no must be chosen (never pre-selected). */
export const consentQuestionSchema = z.object({
	consentToContact: z.preprocess(
		first,
		z.enum(['yes', 'no'], { error: 'Select yes if we can contact you about this session' })
	)
});

// --- Everything, on "Confirm booking" ---------------------------------------------------------

const detailsSchemas = new Map<number, ReturnType<typeof buildDetailsSchema>>();

/** Built once per party limit: "Confirm booking" is a hot path. */
export function bookingDetailsSchema(maxParty = getConfig().BOOKING_MAX_PARTY) {
	let schema = detailsSchemas.get(maxParty);
	if (!schema) detailsSchemas.set(maxParty, (schema = buildDetailsSchema(maxParty)));
	return schema;
}

function buildDetailsSchema(maxParty: number) {
	return z
		.object({
			...whoShape,
			...placesShape(maxParty),
			...contactShape,
			...textShape,
			...accessShape,
			...consentShape
		})
		.superRefine((v, ctx) => {
			checkWho(v, ctx);
			// Whether children are welcome is the session's rule: confirmBookingDraft checks it.
			checkPlaces({ maxParty, childrenWelcome: true })(v, ctx);
			checkMobile(v, ctx);
			checkAccess(v, ctx);
		}, always)
		.transform((v) => cleanMobile(cleanAccess(cleanFamily(cleanWho(v)))));
}

export type BookingDetails = z.output<ReturnType<typeof bookingDetailsSchema>>;
export type { Places } from './party';

/** "I've lost my link": only the email address is asked. */
export const resendLinkSchema = z.object({ email: requiredEmail('Enter your email address') });
