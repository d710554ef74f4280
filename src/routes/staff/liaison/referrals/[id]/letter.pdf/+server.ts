// The outcome letter as a PDF, for staff to print and post to families who asked for a letter.
import { error } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { outcomeLetterPdf } from '$lib/server/liaison';
import { requireLiaisonStaff, requireReferral } from '../../../liaison.server';

export const GET = async (event) => {
	const { actor } = requireLiaisonStaff(event);
	const { referral, meeting, answers } = await requireReferral(
		event.params.id,
		actor,
		'outcome letter PDF'
	);
	if (!referral.letterSentAt || referral.removedAt)
		error(404, 'There is no outcome letter for this child');
	const pdf = await outcomeLetterPdf(
		referral,
		meeting,
		getConfig().COUNCIL_NAME,
		answers.replyAddress ?? referral.parentAddress
	);
	return new Response(Buffer.from(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="outcome-letter-${referral.id}.pdf"`,
			'cache-control': 'no-store'
		}
	});
};
