import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findPublicConsultation, isClosedStatus } from '$lib/server/consultations';
import { listPublicSessions } from '$lib/server/roadshow/public';
import { audienceSlug } from '$lib/server/questionnaires/audiences';
import { publishedAudiences } from '$lib/server/questionnaires/answering';
import { ukToday } from '$lib/format';

export const load = async ({ params, url }) => {
	const now = new Date();
	const db = getDb();
	const found = await findPublicConsultation(db, params.slug, ukToday(now));
	if (!found) error(404, 'Page not found');
	const { consultation: c, priorities } = found;
	const filters = {
		audience: url.searchParams.get('audience') || null,
		area: url.searchParams.get('area') || null
	};
	return {
		consultation: {
			slug: c.slug,
			title: c.title,
			summary: c.summary,
			contactEmail: c.contactEmail,
			opensOn: c.opensOn,
			closingDate: c.closingDate,
			status: c.status
		},
		priorities: priorities.map((p) => ({
			position: p.position,
			title: p.title,
			description: p.description
		})),
		roadshow: {
			...(await listPublicSessions(
				db,
				{ id: c.id, closed: isClosedStatus(c.status) },
				now,
				filters
			)),
			filters
		},
		questionnaires:
			c.status === 'open'
				? (await publishedAudiences(db, c.id)).map((a) => ({
						audience: a,
						href: `/consultations/${c.slug}/questionnaires/${audienceSlug(a)}`
					}))
				: []
	};
};
