import { manageConsultation } from '$lib/server/consultations/guard';
import { publishProblems, statusLabels } from '$lib/server/consultations';

const doneMessages: Record<string, string> = {
	created: 'Consultation created as a draft',
	updated: 'Consultation details saved',
	published: 'Consultation published',
	closed: 'Consultation closed',
	reopened: 'Consultation reopened'
};

export const load = ({ locals, params, url }) => {
	const { consultation: c, priorities } = manageConsultation(locals, params.id);
	const problems = publishProblems(c, priorities.length);
	return {
		consultation: {
			id: c.id,
			title: c.title,
			slug: c.slug,
			opensOn: c.opensOn,
			closesOn: c.closesOn,
			status: c.status,
			statusLabel: statusLabels[c.status],
			hasStrategy: c.strategyMarkdown.trim() !== ''
		},
		priorityCount: priorities.length,
		readyToPublish: Object.keys(problems).length === 0,
		done: doneMessages[url.searchParams.get('done') ?? ''] ?? null
	};
};
