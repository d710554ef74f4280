// Spotting fake bookings: several live bookings of one session made from one client address, or
// with one email address, within a few minutes of each other. Staff see them together on the
// register and decide (a school booking for several families looks the same, and is fine).
import type { Booking } from '../db/schema';

/** Bookings this close together (each within this long of the one before) count as one burst. */
export const BURST_GAP_MS = 10 * 60 * 1000;
/** The fewest bookings that make a burst. */
export const BURST_LEAST = 3;

export type BookingBurst = {
	/** What the bookings share. */
	by: 'address' | 'email';
	bookingIds: number[];
	first: Date;
	last: Date;
};

type Row = Pick<Booking, 'id' | 'status' | 'createdAt' | 'email' | 'clientAddressHash'>;

function burstsBy(rows: Row[], by: BookingBurst['by'], keyOf: (r: Row) => string | null) {
	const groups = new Map<string, Row[]>();
	for (const r of rows) {
		const key = keyOf(r);
		if (!key) continue;
		const group = groups.get(key) ?? [];
		group.push(r);
		groups.set(key, group);
	}
	const bursts: BookingBurst[] = [];
	for (const group of groups.values()) {
		group.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
		let run: Row[] = [];
		const close = () => {
			if (run.length >= BURST_LEAST)
				bursts.push({
					by,
					bookingIds: run.map((r) => r.id),
					first: run[0].createdAt,
					last: run[run.length - 1].createdAt
				});
			run = [];
		};
		for (const r of group) {
			const previous = run[run.length - 1];
			if (previous && r.createdAt.getTime() - previous.createdAt.getTime() > BURST_GAP_MS) close();
			run.push(r);
		}
		close();
	}
	return bursts;
}

/**
 * The live bookings of one session made in bursts, earliest burst first. Bookings from one address
 * with one email appear once, as made from one address.
 */
export function findBookingBursts(rows: Row[]): BookingBurst[] {
	const live = rows.filter((r) => r.status !== 'cancelled');
	const byAddress = burstsBy(live, 'address', (r) => r.clientAddressHash);
	const seen = new Set(byAddress.map((b) => b.bookingIds.join(',')));
	const byEmail = burstsBy(live, 'email', (r) => r.email.trim().toLowerCase() || null).filter(
		(b) => !seen.has(b.bookingIds.join(','))
	);
	return [...byAddress, ...byEmail].sort((a, b) => a.first.getTime() - b.first.getTime());
}
