import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findPublicConsultation } from '$lib/server/consultations';
import { findPublishedResponse } from '$lib/server/insights/saidDid';
import { displayFigures, responseFigures } from '$lib/server/insights/responseFigures';
import { ukToday } from '$lib/format';

const paragraphs = (text: string) =>
	text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);

export const load = ({ params }) => {
	const db = getDb();
	const found = findPublicConsultation(db, params.slug, ukToday());
	const published = found && findPublishedResponse(db, found.consultation.id);
	if (!found || !published) error(404, 'Page not found');
	const c = found.consultation;
	const figures = responseFigures(
		db,
		c.id,
		published.priorities.map((p) => p.priorityId)
	);
	return {
		consultation: { slug: c.slug, title: c.title },
		publishedAt: published.publishedAt,
		introduction: paragraphs(published.introduction),
		easyRead: published.easyReadSummary
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean),
		priorities: published.priorities.map((p) => ({
			position: p.position,
			title: p.title,
			easyReadTitle: p.easyReadTitle || p.title,
			youSaid: paragraphs(p.youSaid),
			weDid: paragraphs(p.weDid),
			figures: displayFigures(figures.get(p.priorityId)!)
		}))
	};
};
