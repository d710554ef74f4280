import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/consultations/guard';
import { requireConsultationFeedback } from '$lib/server/consultations/guard';
import { listThemes } from '$lib/server/insights/coding';

/** A theme of this consultation's code frame, with the others (for merging), or a 404. */
export async function themeOf(locals: App.Locals, params: { id: string; themeId: string }) {
	const found = await requireConsultationFeedback(locals, params.id);
	const themeId = parseId(params.themeId);
	const themes = await listThemes(getDb(), found.consultation.id);
	const theme = themes.find((t) => t.id === themeId);
	if (!theme) error(404, 'Page not found');
	return { ...found, theme, others: themes.filter((t) => t.id !== themeId) };
}
