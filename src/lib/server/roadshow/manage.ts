// What the holder of a manage link may do with their booking now: the rules of bookings.ts
// (changeBookingPlaces, cancelBooking), worked out in advance so the page offers only what will work.
import { eq } from 'drizzle-orm';
import { type Db, firstRow } from '../db';
import { consultation, type Booking, type RoadshowSession } from '../db/schema';
import { getConfig } from '../config';
import { canChangePlaces, findBookingByManageToken } from './bookings';
import { isBookingClosed, mostPlacesForBooking } from './capacity';
import { countConfirmedPlaces } from './queries';

export type ManageState = 'open' | 'closed' | 'booking_cancelled' | 'session_cancelled';

export type ManageView = {
	booking: Booking;
	session: RoadshowSession;
	consultation: { slug: string; title: string; contactEmail: string };
	state: ManageState;
	canChange: boolean;
	canCancel: boolean;
	/** The largest party this booking could have now. */
	mostPlaces: number;
};

export async function getManageView(
	db: Db,
	token: string,
	now: Date
): Promise<ManageView | undefined> {
	const found = await findBookingByManageToken(db, token, now);
	if (!found) return undefined;
	const { booking, session } = found;
	const c = firstRow(
		await db
			.select({
				slug: consultation.slug,
				title: consultation.title,
				contactEmail: consultation.contactEmail
			})
			.from(consultation)
			.where(eq(consultation.id, session.consultationId))
			.limit(1)
	)!;
	const state: ManageState =
		booking.status === 'cancelled'
			? 'booking_cancelled'
			: session.cancelledAt
				? 'session_cancelled'
				: !(await canChangePlaces(db, session, now))
					? 'closed'
					: 'open';
	const mostPlaces = mostPlacesForBooking(
		booking,
		session.capacity,
		await countConfirmedPlaces(db, session.id),
		getConfig().BOOKING_MAX_PARTY
	);
	return {
		booking,
		session,
		consultation: c,
		state,
		canChange: state === 'open',
		// Leaving the waiting list is allowed after booking closes; a confirmed place until the booking window ends.
		canCancel:
			state === 'open' ||
			(state === 'closed' && (booking.status === 'waiting' || !isBookingClosed(session, now))),
		mostPlaces
	};
}
