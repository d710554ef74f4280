import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findPublicConsultation } from '$lib/server/consultations';
import { findPublishedResponse } from '$lib/server/insights/saidDid';
import { responsePageContent } from '$lib/server/insights/saidDidPage';
import { ukToday } from '$lib/format';

export const load = async ({ params }) => {
	const db = getDb();
	const found = await findPublicConsultation(db, params.slug, ukToday());
	const published = found && (await findPublishedResponse(db, found.consultation.id));
	if (!found || !published) error(404, 'Page not found');
	const c = found.consultation;
	const { content } = await responsePageContent(db, c.id, published);
	return { consultation: { slug: c.slug, title: c.title }, ...content };
};
