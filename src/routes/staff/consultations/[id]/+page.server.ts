import { requireConsultationToManage } from '$lib/server/consultations/guard';
import { publishProblems, statusLabels } from '$lib/server/consultations';
import { getDb } from '$lib/server/db';
import { listSessionsForConsultation } from '$lib/server/roadshow/sessions';
import { questionnaireSummaries } from '$lib/server/questionnaires/answering';

async function questionnaireCounts(db: ReturnType<typeof getDb>, consultationId: number) {
	const all = await questionnaireSummaries(db, consultationId);
	return {
		created: all.filter((q) => q.questionnaireId !== null).length,
		published: all.filter((q) => q.published !== null).length,
		drafts: all.filter((q) => q.draft !== null).length
	};
}

const doneMessages: Record<string, string> = {
	created: 'Consultation created as a draft',
	updated: 'Consultation details saved',
	published: 'Consultation published',
	closed: 'Consultation closed',
	reopened: 'Consultation reopened'
};

export const load = async ({ locals, params, url }) => {
	const { consultation: c, priorities } = await requireConsultationToManage(locals, params.id);
	const problems = publishProblems(c, priorities.length);
	return {
		consultation: {
			id: c.id,
			title: c.title,
			slug: c.slug,
			opensOn: c.opensOn,
			closesOn: c.closesOn,
			/** The UK date staff closed it early, or null. */
			closedEarlyOn: c.closedEarlyAt ? c.closingDate : null,
			status: c.status,
			statusLabel: statusLabels[c.status],
			// The task list and publishing share one definition of what is missing.
			hasStrategy: !problems.strategy
		},
		priorityCount: priorities.length,
		sessionCount: (await listSessionsForConsultation(getDb(), c.id)).filter((s) => !s.cancelledAt)
			.length,
		questionnaires: await questionnaireCounts(getDb(), c.id),
		hasPriorities: !problems.priorities,
		readyToPublish: Object.keys(problems).length === 0,
		done: doneMessages[url.searchParams.get('done') ?? ''] ?? null
	};
};
