// Turns a posted form into typed data or GOV.UK-style field errors, using zod schemas.
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';

/** Field id → message, in the order the fields appear on the page. */
export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type FormFailure = ActionFailure<{ values: FormValues; errors: FieldErrors }>;

/** Every posted value as a string (or string[] for repeated names such as checkboxes). */
export function formValues(form: FormData): FormValues {
	const values: FormValues = {};
	for (const key of new Set(form.keys())) {
		if (key.startsWith('$')) continue;
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		values[key] = all.length > 1 ? all : (all[0] ?? '');
	}
	return values;
}

/** The first message zod gives for each field, keyed by the field's id (its dotted path). */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.join('.') || 'form';
		errors[key] ??= issue.message;
	}
	return errors;
}

export type Parsed<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; values: FormValues; errors: FieldErrors };

/** Validates posted values against a schema; on failure the values come back to re-show the page. */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): Parsed<z.infer<S>> {
	const values = formValues(form);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	return { ok: false, values, errors: fieldErrors(result.error) };
}

/** The 400 response that re-shows a form with its answers and errors. */
export function invalid(values: FormValues, errors: FieldErrors): FormFailure {
	// Never echo secrets back into the page.
	const safe = Object.fromEntries(
		Object.entries(values).filter(([k]) => !/password|token/i.test(k))
	);
	return fail(400, { values: safe, errors });
}

/** What someone whose form could not be read is told. */
export const FORM_NOT_READ = 'Your form could not be read. Go back and try again.';

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/** A post whose body request.formData() reads (and the only kind it reads). */
export const isFormPost = (request: Request) =>
	request.method === 'POST' && FORM_TYPES.test(request.headers.get('content-type') ?? '');

/**
 * True for a posted form whose body cannot be read (a bogus multipart boundary, a cut-off body):
 * the hook answers it with 400 (the /form-not-read error page) before any action runs, so no action
 * meets a body it cannot parse.
 * A readable body is parsed here once for the whole request: the request's own formData() then
 * answers with that form, so the rate limiter and the action (SvelteKit's actions call
 * request.formData()) never parse it again.
 */
export async function isMalformedForm(request: Request): Promise<boolean> {
	if (!isFormPost(request)) return false;
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return true;
	}
	Object.defineProperty(request, 'formData', { value: () => Promise.resolve(form) });
	return false;
}
