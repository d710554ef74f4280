// Pages for the holder of a manage link. The token in the address is the only key: no account,
// no cookie. An unknown or forged token gets the "This link does not work" page.
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getManageView } from '$lib/server/roadshow/manage';
import { answerRows } from '$lib/server/roadshow/summary';
import { placesText } from '$lib/server/roadshow/emailTemplates';
import { formatUkMobile } from '$lib/server/shared/mobile';

export const load = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const view = await getManageView(getDb(), params.token, new Date());
	if (!view) error(404, 'This link does not work');
	const { booking: b, session: s } = view;
	return {
		base: `/bookings/manage/${params.token}`,
		consultation: view.consultation,
		state: view.state,
		canChange: view.canChange,
		canCancel: view.canCancel,
		mostPlaces: view.mostPlaces,
		booking: {
			reference: b.reference,
			status: b.status,
			adults: b.adults,
			children: b.children,
			places: placesText(b),
			bookedBy: b.bookedBy,
			// The details as form answers, for the pages that change them.
			answers: {
				contactName: b.contactName,
				email: b.email,
				phone: b.phone ?? '',
				familyName: b.familyName ?? '',
				familyEmail: b.familyEmail ?? '',
				familyPhone: b.familyPhone ?? '',
				textMessages: b.textMessages ? 'yes' : '',
				mobile: b.mobile ? formatUkMobile(b.mobile) : '',
				accessNeeds: b.accessNeeds,
				accessNeedsOther: b.accessNeedsOther ?? ''
			},
			rows: answerRows(b).filter((row) => row.step !== 'places')
		},
		session: {
			title: s.title,
			audienceLabel: s.audienceLabel,
			venueName: s.venueName,
			address: s.address,
			postcode: s.postcode,
			mode: s.mode,
			startsAt: s.startsAt,
			endsAt: s.endsAt,
			bookingClosesAt: s.bookingClosesAt,
			childrenWelcome: s.childrenWelcome,
			cancellationReason: s.cancellationReason,
			// Only people with a confirmed place get the joining link.
			joiningLink:
				s.mode === 'online' && b.status === 'confirmed' && !s.cancelledAt ? s.joiningLink : null
		}
	};
};
