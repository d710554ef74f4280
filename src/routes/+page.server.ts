import { getDb } from '$lib/server/db';
import { listPublicConsultations } from '$lib/server/consultations';
import { ukToday } from '$lib/format';

export const load = async () => {
	const { open, upcoming, closed } = await listPublicConsultations(getDb(), ukToday());
	const card = (c: (typeof open)[number]) => ({
		slug: c.slug,
		title: c.title,
		summary: c.summary,
		opensOn: c.opensOn,
		closingDate: c.closingDate,
		status: c.status
	});
	return { open: open.map(card), upcoming: upcoming.map(card), closed: closed.map(card) };
};
