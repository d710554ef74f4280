import { describe, expect, it } from 'vitest';
import { sessionMoveBetween } from './sessionChanges';

const base = {
	startsAt: new Date('2026-06-10T16:30:00Z'),
	endsAt: new Date('2026-06-10T17:30:00Z'),
	mode: 'in_person' as const,
	venueName: 'Bridge Chapel',
	address: '1 Chapel Road\nLiverpool',
	postcode: 'L1 1JD',
	joiningLink: null
};

describe('sessionMoveBetween', () => {
	it('is null when nothing that moves plans changed, even with new Date objects', () => {
		expect(
			sessionMoveBetween(base, {
				...base,
				startsAt: new Date(base.startsAt.getTime()),
				venueName: ' Bridge Chapel '
			})
		).toBeNull();
	});

	it('sees a new date, start or end time as a change of when', () => {
		const day = 86_400_000;
		expect(
			sessionMoveBetween(base, {
				...base,
				startsAt: new Date(base.startsAt.getTime() + day),
				endsAt: new Date(base.endsAt.getTime() + day)
			})
		).toEqual({ when: true, where: false });
		expect(
			sessionMoveBetween(base, { ...base, endsAt: new Date(base.endsAt.getTime() + 60_000) })
		).toEqual({ when: true, where: false });
		expect(sessionMoveBetween(base, { ...base, endsAt: null })).toEqual({
			when: true,
			where: false
		});
	});

	it('sees a new venue, address, postcode, mode or joining link as a change of where', () => {
		for (const change of [
			{ venueName: 'Toxteth Library' },
			{ address: '2 Chapel Road\nLiverpool' },
			{ postcode: 'L8 2TQ' },
			{ mode: 'online' as const, joiningLink: 'https://meet.example.org/a' }
		])
			expect(sessionMoveBetween(base, { ...base, ...change }), JSON.stringify(change)).toEqual({
				when: false,
				where: true
			});
		const online = { ...base, mode: 'online' as const, joiningLink: 'https://meet.example.org/a' };
		expect(
			sessionMoveBetween(online, { ...online, joiningLink: 'https://meet.example.org/b' })
		).toEqual({ when: false, where: true });
		// An online session's leftover venue fields are not shown to anyone.
		expect(sessionMoveBetween(online, { ...online, venueName: 'Old hall' })).toBeNull();
	});

	it('sees both at once', () => {
		expect(
			sessionMoveBetween(base, {
				...base,
				startsAt: new Date('2026-06-11T16:30:00Z'),
				postcode: 'L8 2TQ'
			})
		).toEqual({ when: true, where: true });
	});
});
