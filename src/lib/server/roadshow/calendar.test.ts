import { describe, expect, it } from 'vitest';
import { createBooking } from './bookings';
import { bookingCalendarFile, manageBookingUrl } from './calendar';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';
import { ukLocalToInstant } from '../../format';

async function bookedAt(
	startsAt: Date,
	endsAt: Date | null,
	mode: 'in_person' | 'online' = 'in_person'
) {
	const { db, consultationId } = await testDb();
	const session = await addSession(db, consultationId, {
		startsAt,
		endsAt,
		mode,
		joiningLink: mode === 'online' ? 'https://meet.example.org/abc' : null,
		bookingClosesAt: new Date(startsAt.getTime() - 86_400_000)
	});
	const result = await createBooking(db, bookingInput(session.id), NOW);
	if (result.kind !== 'booked') throw new Error(result.kind);
	return result;
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('calendar file', () => {
	it('writes a BST session (June) in UTC, one hour behind UK time', async () => {
		const { session, booking, manageToken } = await bookedAt(
			ukLocalToInstant('2026-06-10', '17:30'),
			ukLocalToInstant('2026-06-10', '18:30')
		);
		const ics = unfold(
			bookingCalendarFile(session, booking, 'https://coproduce.example/', manageToken)
		);
		expect(ics).toContain('DTSTART:20260610T163000Z');
		expect(ics).toContain('DTEND:20260610T173000Z');
		expect(ics).toContain(`UID:booking-${booking.reference}@coproduce`);
		expect(ics).toContain('SUMMARY:Parents and practitioners');
		expect(ics).toContain('LOCATION:Bridge Chapel\\, 1 Chapel Road\\, Liverpool\\, L1 1JD');
		expect(ics).toContain(manageBookingUrl('https://coproduce.example', manageToken!));
		expect(ics).toContain('STATUS:CONFIRMED');
	});

	it('writes a GMT session (December) in UTC, with a one-hour default length', async () => {
		const { session, booking } = await bookedAt(ukLocalToInstant('2026-12-03', '15:30'), null);
		const ics = unfold(bookingCalendarFile(session, booking, 'https://coproduce.example'));
		expect(ics).toContain('DTSTART:20261203T153000Z');
		expect(ics).toContain('DTEND:20261203T163000Z');
		expect(ics).not.toContain('/bookings/manage/');
	});

	it('keeps the same UID each time, and gives online sessions their joining link', async () => {
		const { session, booking } = await bookedAt(
			ukLocalToInstant('2026-06-10', '10:00'),
			null,
			'online'
		);
		const a = unfold(bookingCalendarFile(session, booking, 'https://x.example'));
		const b = unfold(bookingCalendarFile(session, booking, 'https://x.example'));
		const uid = (s: string) => /UID:(.*)\r\n/.exec(s)?.[1];
		expect(uid(a)).toBe(uid(b));
		expect(a).toContain('LOCATION:Online');
		expect(a).toContain('Joining link: https://meet.example.org/abc');
	});
});
