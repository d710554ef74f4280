import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findPublicConsultation } from '$lib/server/consultations';
import { renderMarkdown } from '$lib/server/markdown';
import { ukToday } from '$lib/format';

export const load = async ({ params }) => {
	const found = await findPublicConsultation(getDb(), params.slug, ukToday());
	if (!found) error(404, 'Page not found');
	const { consultation: c } = found;
	return {
		consultation: { slug: c.slug, title: c.title, contactEmail: c.contactEmail },
		highlightsHtml: renderMarkdown(c.highlightsMarkdown),
		strategyHtml: renderMarkdown(c.strategyMarkdown)
	};
};
