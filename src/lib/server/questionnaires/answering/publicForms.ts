// The public journey's own forms (besides the answers, which validation.ts checks): optional
// contact details on check your answers, and the email address for a resume link.
import { z } from 'zod';

export const EMAIL_FORMAT_MESSAGE =
	'Enter an email address in the correct format, like name@example.com';
const PHONE_MESSAGE =
	'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const isEmail = (v: string) => v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(v);
const isPhone = (v: string) => /^[+()\d\s.-]+$/.test(v) && /^\d{10,15}$/.test(v.replace(/\D/g, ''));

const optional = (max: number, tooLong: string, check?: [(v: string) => boolean, string]) =>
	z.preprocess(
		first,
		z
			.string()
			.trim()
			.max(max, tooLong)
			.optional()
			.transform((v) => v || null)
			.refine((v) => !v || !check || check[0](v), check?.[1] ?? '')
	);

/** All optional: an empty form leaves the response anonymous. */
export const contactDetailsSchema = z.object({
	contactName: optional(200, 'Your name must be 200 characters or fewer'),
	contactEmail: optional(254, 'Your email address must be 254 characters or fewer', [
		isEmail,
		EMAIL_FORMAT_MESSAGE
	]),
	contactPhone: optional(40, 'Your telephone number must be 40 characters or fewer', [
		isPhone,
		PHONE_MESSAGE
	])
});

export const resumeEmailSchema = z.object({
	email: z.preprocess(
		first,
		z
			.string({ error: 'Enter your email address' })
			.trim()
			.min(1, 'Enter your email address')
			.refine((v) => isEmail(v), EMAIL_FORMAT_MESSAGE)
	)
});
