import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { renameTheme, setThemeKeywords } from '$lib/server/insights/coding';
import { themeOf } from './theme.server';

export const load = async ({ locals, params }) => {
	const { consultation: c, theme, others } = await themeOf(locals, params);
	return {
		consultation: { id: c.id, title: c.title },
		theme,
		others: others.map((t) => ({ id: t.id, name: t.name }))
	};
};

const nameSchema = z.object({ name: z.string().default('') });
const keywordsSchema = z.object({ keywords: z.string().default('') });
const mergeSchema = z.object({
	into: z.string().regex(/^[1-9]\d{0,9}$/, 'Select the theme to merge into')
});

export const actions = {
	rename: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation, theme } = await themeOf(locals, params);
		const parsed = parseForm(await request.formData(), nameSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await renameTheme(getDb(), consultation.id, theme.id, parsed.data.name, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!result.ok)
			return invalid(parsed.values, 'errors' in result ? result.errors : { name: result.message });
		redirect(303, `/staff/consultations/${consultation.id}/themes?done=renamed`);
	},
	keywords: async ({ locals, params, request }) => {
		const { consultation, theme } = await themeOf(locals, params);
		const parsed = parseForm(await request.formData(), keywordsSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await setThemeKeywords(getDb(), consultation.id, theme.id, parsed.data.keywords);
		if (!result.ok)
			return invalid(
				parsed.values,
				'errors' in result ? result.errors : { keywords: result.message }
			);
		redirect(303, `/staff/consultations/${consultation.id}/themes?done=keywords`);
	},
	// Merging asks for confirmation on its own page first.
	merge: async ({ locals, params, request }) => {
		const { consultation, theme, others } = await themeOf(locals, params);
		const parsed = parseForm(await request.formData(), mergeSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		if (!others.some((t) => t.id === Number(parsed.data.into)))
			return invalid(parsed.values, { into: 'Select the theme to merge into' });
		redirect(
			303,
			`/staff/consultations/${consultation.id}/themes/${theme.id}/merge?into=${parsed.data.into}`
		);
	}
};
