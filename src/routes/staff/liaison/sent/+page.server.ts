import { getDb } from '$lib/server/db';
import { listSentLetters } from '$lib/server/liaison';
import { formatDateTime } from '$lib/format';
import { requireLiaisonStaff } from '../liaison.server';

const KINDS = { questionnaire_link: 'Questionnaire link', outcome: 'Outcome letter' } as const;
const CHANNELS = { email: 'Email', letter: 'Letter' } as const;

export const load = async (event) => {
	const { actor } = requireLiaisonStaff(event);
	const page = Number(event.url.searchParams.get('page') ?? 1);
	const list = await listSentLetters(getDb(), actor, { page });
	return {
		page: list.page,
		pageCount: list.pageCount,
		total: list.total,
		items: list.items.map((l) => ({
			id: l.id,
			referralId: l.liaisonReferralId,
			when: formatDateTime(l.sentAt),
			child: l.childFirstName,
			meeting: `${l.groupName}, ${formatDateTime(l.meetsAt)}`,
			what: KINDS[l.kind],
			how: CHANNELS[l.channel],
			to: l.sentTo,
			by: l.sentByName ?? ''
		}))
	};
};
