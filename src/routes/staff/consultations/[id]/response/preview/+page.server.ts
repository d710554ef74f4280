import { getDb } from '$lib/server/db';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import { getResponseDraft, responsePublishProblems } from '$lib/server/insights/saidDid';
import { responsePageContent } from '$lib/server/insights/saidDidPage';

export const load = async ({ locals, params }) => {
	const { consultation: c } = await requireConsultationToManage(locals, params.id);
	const db = getDb();
	const { content, warnings } = await responsePageContent(
		db,
		c.id,
		await getResponseDraft(db, c.id)
	);
	return {
		consultation: { id: c.id, title: c.title, slug: c.slug, status: c.status },
		content,
		warnings,
		problems: await responsePublishProblems(db, c.id)
	};
};
