import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findPublicConsultation } from '$lib/server/consultations';
import { ukToday } from '$lib/format';

export const load = ({ params }) => {
	const found = findPublicConsultation(getDb(), params.slug, ukToday());
	if (!found) error(404, 'Page not found');
	const { consultation: c, priorities } = found;
	return {
		consultation: {
			slug: c.slug,
			title: c.title,
			summary: c.summary,
			contactEmail: c.contactEmail,
			opensOn: c.opensOn,
			closesOn: c.closesOn,
			status: c.status
		},
		priorities: priorities.map((p) => ({ position: p.position, title: p.title, description: p.description }))
	};
};
