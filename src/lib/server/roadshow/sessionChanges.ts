// What a staff edit changed that the people booked must hear about: the session's time, or
// where it is (the venue, or the joining link of an online session). Titles, capacity and
// access notes do not move anyone's plans.
import type { RoadshowSession } from '../db/schema';

export type SessionMove = { when: boolean; where: boolean };

type Placed = Pick<
	RoadshowSession,
	'startsAt' | 'endsAt' | 'mode' | 'venueName' | 'address' | 'postcode' | 'joiningLink'
>;

const time = (d: Date | null) => d?.getTime() ?? null;

/** How the session moved between `before` and `after`, or null if nobody need be told. */
export function sessionMoveBetween(before: Placed, after: Placed): SessionMove | null {
	const when =
		time(before.startsAt) !== time(after.startsAt) || time(before.endsAt) !== time(after.endsAt);
	const where =
		before.mode !== after.mode ||
		(after.mode === 'online'
			? (before.joiningLink ?? '') !== (after.joiningLink ?? '')
			: before.venueName.trim() !== after.venueName.trim() ||
				before.address.trim() !== after.address.trim() ||
				before.postcode.trim() !== after.postcode.trim());
	return when || where ? { when, where } : null;
}
