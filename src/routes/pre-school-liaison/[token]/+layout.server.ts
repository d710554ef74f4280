import { formatDate, formatDeadline, formatTime } from '$lib/format';
import { requireFamilyLink } from '../family.server';

export const load = async ({ params, setHeaders }) => {
	// The page holds the family's answers and its address holds their secret: never cached.
	setHeaders({ 'cache-control': 'no-store' });
	const link = await requireFamilyLink(params.token);
	const { referral, meeting } = link;
	return {
		token: params.token,
		closed: link.state === 'closed',
		child: referral.childFirstName,
		referrer: { name: referral.referrerName, profession: referral.referrerProfession },
		meeting: {
			day: formatDate(meeting.meetsAt),
			time: formatTime(meeting.meetsAt),
			due: formatDeadline(meeting.answersDueAt)
		}
	};
};
