import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid } from '$lib/server/shared/forms';
import { mergeThemes } from '$lib/server/insights/coding';
import { themeOf } from '../theme.server';

function target(others: { id: number; name: string; tagCount: number }[], raw: string | null) {
	const into =
		raw && /^[1-9]\d{0,9}$/.test(raw) ? others.find((t) => t.id === Number(raw)) : undefined;
	if (!into) error(404, 'Page not found');
	return into;
}

export const load = async ({ locals, params, url }) => {
	const { consultation: c, theme, others } = await themeOf(locals, params);
	const into = target(others, url.searchParams.get('into'));
	return { consultation: { id: c.id, title: c.title }, theme, into };
};

export const actions = {
	default: async ({ locals, params, url, getClientAddress }) => {
		const { user, consultation, theme, others } = await themeOf(locals, params);
		const into = target(others, url.searchParams.get('into'));
		const result = await mergeThemes(getDb(), consultation.id, theme.id, into.id, {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (!result.ok) return invalid({}, { form: result.message });
		redirect(303, `/staff/consultations/${consultation.id}/themes?done=merged`);
	}
};
