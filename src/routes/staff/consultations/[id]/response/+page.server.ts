import { getDb } from '$lib/server/db';
import { requireConsultationToManage } from '$lib/server/consultations/guard';
import { getResponseDraft, responsePublishProblems } from '$lib/server/insights/saidDid';

const doneMessages: Record<string, string> = {
	saved: '“You said, we did” saved',
	text: 'Introduction and Easy Read summary saved',
	published: 'Response published'
};

export const load = async ({ locals, params, url }) => {
	const { consultation: c } = await requireConsultationToManage(locals, params.id);
	const db = getDb();
	const draft = await getResponseDraft(db, c.id);
	return {
		consultation: { id: c.id, title: c.title, slug: c.slug, status: c.status },
		draft: {
			hasIntroduction: draft.introduction !== '',
			hasEasyRead: draft.easyReadSummary !== '',
			priorities: draft.priorities.map((p) => ({
				id: p.priorityId,
				position: p.position,
				title: p.title,
				youSaid: p.youSaid !== '',
				weDid: p.weDid !== ''
			}))
		},
		ready: (await responsePublishProblems(db, c.id)).length === 0,
		done: doneMessages[url.searchParams.get('done') ?? ''] ?? null
	};
};
