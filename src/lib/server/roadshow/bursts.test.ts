import { describe, expect, it } from 'vitest';
import { BURST_GAP_MS, findBookingBursts } from './bursts';

const T = Date.UTC(2026, 5, 1, 9);
let nextId = 1;
const row = (
	minutes: number,
	fields: {
		address?: string | null;
		email?: string;
		status?: 'confirmed' | 'waiting' | 'cancelled';
	} = {}
) => ({
	id: nextId++,
	status: fields.status ?? ('confirmed' as const),
	createdAt: new Date(T + minutes * 60_000),
	email: fields.email ?? `family${nextId}@example.com`,
	clientAddressHash: fields.address === undefined ? 'a1' : fields.address
});

describe('findBookingBursts', () => {
	it('finds three bookings from one address within minutes of each other', () => {
		const rows = [row(0), row(4), row(13), row(60, { address: 'b2' })];
		expect(findBookingBursts(rows)).toEqual([
			{
				by: 'address',
				bookingIds: rows.slice(0, 3).map((r) => r.id),
				first: rows[0].createdAt,
				last: rows[2].createdAt
			}
		]);
	});

	it('splits at a gap longer than the burst gap, and ignores two bookings alone', () => {
		const gap = BURST_GAP_MS / 60_000;
		const rows = [row(0), row(1), row(1 + gap + 1), row(2 + gap + 1)];
		expect(findBookingBursts(rows)).toEqual([]);
		const exactly = [row(0), row(gap), row(2 * gap)];
		expect(findBookingBursts(exactly).map((b) => b.bookingIds)).toEqual([exactly.map((r) => r.id)]);
	});

	it('finds one email used from several addresses, and lists one address-and-email burst once', () => {
		const email = 'same@example.com';
		const rows = [
			row(0, { email, address: 'x' }),
			row(1, { email, address: 'y' }),
			row(2, { email, address: null })
		];
		expect(findBookingBursts(rows).map((b) => b.by)).toEqual(['email']);
		const both = [row(0, { email }), row(1, { email }), row(2, { email })];
		expect(findBookingBursts(both).map((b) => b.by)).toEqual(['address']);
	});

	it('leaves out cancelled bookings and bookings with no address known', () => {
		const rows = [row(0), row(1, { status: 'cancelled' }), row(2), row(3, { address: null })];
		expect(findBookingBursts(rows)).toEqual([]);
		expect(findBookingBursts([row(0), row(1, { status: 'waiting' }), row(2)])).toHaveLength(1);
	});
});
