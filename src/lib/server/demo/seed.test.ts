import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { isEmpty, seedDemo } from './seed';
import { listPublicConsultations } from '../consultations';
import { listSessionsForConsultation } from '../roadshow/sessions';
import { ukToday } from '../../format';
import { listQuestionnaires } from '../questionnaires/versions';

describe('seedDemo', () => {
	it('seeds the open, upcoming and closed consultations, staff and the roadshow', async () => {
		const db = openDatabase(':memory:');
		expect(isEmpty(db)).toBe(true);
		const now = new Date('2026-11-23T10:00:00Z');
		const logins = await seedDemo(db, { now, password: 'a demo password' });
		expect(logins.map((l) => l.role)).toEqual(['admin', 'lead', 'facilitator', 'liaison']);
		expect(isEmpty(db)).toBe(false);

		const { open, upcoming, closed } = listPublicConsultations(db, ukToday(now));
		expect(open.map((c) => c.slug)).toEqual(['send-partnership-strategy']);
		expect(open[0].closesOn).toBe('2027-01-04'); // six weeks from today
		expect(upcoming).toHaveLength(1);
		expect(closed).toHaveLength(1);

		const sessions = listSessionsForConsultation(db, open[0].id);
		const toCome = sessions.filter((s) => s.startsAt > now);
		const held = sessions.filter((s) => s.startsAt <= now);
		// The seven Liverpool sessions are still to come; one launch drop-in has been held.
		expect(toCome).toHaveLength(7);
		expect(held.map((s) => s.title)).toEqual(['Launch drop-in at Central Library']);
		for (const s of sessions) {
			expect(s.capacity).toBeGreaterThanOrEqual(15);
			expect(s.capacity).toBeLessThanOrEqual(60);
			expect(s.confirmedPlaces).toBeLessThanOrEqual(s.capacity);
		}
		for (const s of toCome) expect(s.bookingClosesAt.getTime()).toBeGreaterThan(now.getTime());
		expect(held[0].confirmedPlaces).toBeGreaterThan(0);
		const full = sessions.filter((s) => s.confirmedPlaces === s.capacity);
		expect(full).toHaveLength(1);
		expect(full[0].waitingCount).toBeGreaterThan(0);
		const questionnaires = listQuestionnaires(db, open[0].id);
		expect(questionnaires.map((q) => q.audience).sort()).toEqual([
			'parents_carers',
			'practitioners',
			'young_people'
		]);
		expect(questionnaires.every((q) => q.published !== null)).toBe(true);
		expect(
			sessions.some((s) => s.confirmedPlaces < s.capacity && s.confirmedPlaces / s.capacity >= 0.8)
		).toBe(true);
	});

	it('gives the same figures whatever the time of day it is seeded', async () => {
		// The browser tests read demo figures, and CI runs at any hour.
		const figures = async (at: string) => {
			const db = openDatabase(':memory:');
			await seedDemo(db, { now: new Date(at), password: 'a demo password' });
			return db.$client
				.prepare(
					`select r.audience, r.channel, a.value, count(*) as n from response r
					 join answer a on a.response_id = r.id group by 1, 2, 3 order by 1, 2, 3`
				)
				.all();
		};
		const morning = await figures('2026-11-23T10:00:00Z');
		expect(morning.length).toBeGreaterThan(10);
		expect(await figures('2026-11-23T22:47:00Z')).toEqual(morning);
		expect(await figures('2026-11-24T03:15:00Z')).toEqual(morning);
	});
});
