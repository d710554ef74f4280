import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/shared/forms';
import { requireConsultationFeedback } from '$lib/server/consultations/guard';
import { createTheme, listThemes } from '$lib/server/insights/coding';

const doneMessages: Record<string, string> = {
	added: 'Theme added',
	renamed: 'Theme renamed',
	keywords: 'Keywords saved',
	merged: 'Themes merged'
};

export const load = async ({ locals, params, url }) => {
	const { consultation: c } = await requireConsultationFeedback(locals, params.id);
	return {
		consultation: { id: c.id, title: c.title },
		themes: await listThemes(getDb(), c.id),
		done: doneMessages[url.searchParams.get('done') ?? ''] ?? null
	};
};

const themeSchema = z.object({
	name: z.string().default(''),
	description: z.string().default(''),
	keywords: z.string().default('')
});

export const actions = {
	add: async ({ locals, params, request, getClientAddress }) => {
		const { user, consultation } = await requireConsultationFeedback(locals, params.id);
		const parsed = parseForm(await request.formData(), themeSchema);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const made = await createTheme(getDb(), consultation.id, parsed.data, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!made.ok) return invalid(parsed.values, made.errors);
		redirect(303, `/staff/consultations/${consultation.id}/themes?done=added`);
	}
};
