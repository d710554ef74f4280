import { getDb } from '$lib/server/db';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import { getResponseDraft, responsePublishProblems } from '$lib/server/insights/saidDid';
import { responsePageContent } from '$lib/server/insights/saidDidPage';

export const load = ({ locals, params }) => {
	const { consultation: c } = requireConsultationToManage(locals, params.id);
	const db = getDb();
	const { content, warnings } = responsePageContent(db, c.id, getResponseDraft(db, c.id));
	return {
		consultation: { id: c.id, title: c.title, slug: c.slug, status: c.status },
		content,
		warnings,
		problems: responsePublishProblems(db, c.id)
	};
};
