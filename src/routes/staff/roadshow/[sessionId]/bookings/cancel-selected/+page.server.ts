// Cancelling several bookings at once (fake bookings spotted on the register): the register's
// checkboxes bring the selection here to be confirmed; the post cancels them all or none.
import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireSessionToRun } from '$lib/server/roadshow/guard';
import { cancelBookingsByStaff } from '$lib/server/roadshow/bookings';
import { getLiveBooking } from '$lib/server/roadshow/register';
import { registerEntry } from '$lib/server/roadshow/registerView';
import { notifySelectedCancelled } from '$lib/server/roadshow/emails';
import { formatSessionWhen } from '$lib/format';

const idsOf = (values: FormDataEntryValue[]) =>
	values.flatMap((v) => (typeof v === 'string' && /^[1-9]\d{0,9}$/.test(v) ? [Number(v)] : []));

export const load = async ({ locals, params, url }) => {
	const { session } = await requireSessionToRun(locals, params.sessionId);
	if (session.cancelledAt) redirect(303, `/staff/roadshow/${session.id}`);
	const db = getDb();
	const bookings = [];
	for (const id of new Set(idsOf(url.searchParams.getAll('booking')))) {
		const b = await getLiveBooking(db, session.id, id);
		if (b) bookings.push({ ...registerEntry(b), waiting: b.status === 'waiting' });
	}
	return {
		session: {
			id: session.id,
			title: session.title,
			when: formatSessionWhen(session.startsAt, session.endsAt)
		},
		bookings
	};
};

export const actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const { user, session } = await requireSessionToRun(locals, params.sessionId);
		const db = getDb();
		const ids = idsOf((await request.formData()).getAll('booking'));
		const result = await cancelBookingsByStaff(db, session.id, ids, new Date(), {
			staffUserId: user.id,
			ip: getClientAddress()
		});
		if (result.kind === 'session_cancelled') redirect(303, `/staff/roadshow/${session.id}`);
		if (result.kind === 'not_live')
			return fail(409, {
				error:
					'Some of these bookings have changed since you chose them (cancelled already, perhaps in another tab). Nothing was cancelled. Go back to the register and choose again.'
			});
		// After the commit: each person cancelled, and anyone given their places, are emailed.
		await notifySelectedCancelled(db, result);
		const promoted = result.promoted.length ? `&promoted=${result.promoted.length}` : '';
		redirect(
			303,
			`/staff/roadshow/${session.id}?done=bookings-cancelled&count=${result.cancelled.length}${promoted}`
		);
	}
};
