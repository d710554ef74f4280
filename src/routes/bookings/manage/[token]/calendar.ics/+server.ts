import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getConfig } from '$lib/server/config';
import { findBookingByManageToken } from '$lib/server/roadshow/bookings';
import { bookingCalendarFile } from '$lib/server/roadshow/calendar';

export const GET = async ({ params }) => {
	const found = await findBookingByManageToken(getDb(), params.token, new Date());
	if (!found) error(404, 'This link does not work');
	const body = bookingCalendarFile(
		found.session,
		found.booking,
		getConfig().PUBLIC_URL,
		params.token
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="roadshow-${found.booking.reference}.ics"`,
			'cache-control': 'no-store',
			'referrer-policy': 'no-referrer'
		}
	});
};
