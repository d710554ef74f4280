import { describe, expect, it } from 'vitest';
import { firstRow } from '../db';
import { coreConsultation, emailOutbox, staffUser } from '../db/schema';
import { queueEmails } from '../notify';
import { eq } from 'drizzle-orm';
import {
	allocateMeeting,
	cancelCoreConsultation,
	evaluateMeeting,
	findByManageToken,
	markHeld,
	registerSchool
} from './registrations';
import { registrationSchema } from './validation';
import { coreCalendarFile } from './calendar';
import { coreResults } from './results';
import { coreEmail } from './emails';
import { upcomingTerms, termOf, schoolKey } from './labels';
import { openTestDatabase } from '../db/testDatabase';

const NOW = new Date('2026-10-01T09:00:00Z');
const actor = { staffUserId: 1 };
const terms = upcomingTerms('2026-10-01');
const input = (over: Record<string, unknown> = {}) =>
	registrationSchema(terms).parse({
		schoolName: 'Dereham Junior School',
		schoolType: 'junior',
		contactName: 'Jane Holmes',
		contactRole: 'SENCo',
		contactEmail: 'senco@dereham.example.org',
		strand: 'core',
		term: '2026-autumn',
		themes: ['semh', 'learning'],
		...over
	});

async function db() {
	const d = await openTestDatabase();
	await d.insert(staffUser).values({
		email: 'a@x.org',
		name: 'A',
		role: 'admin',
		passwordHash: 'x',
		createdAt: new Date(0),
		updatedAt: new Date(0)
	});
	return d;
}

describe('terms', () => {
	it('follow the school year', () => {
		expect(termOf('2026-09-01')).toBe('2026-autumn');
		expect(termOf('2027-01-05')).toBe('2027-spring');
		expect(termOf('2027-05-05')).toBe('2027-summer');
		expect(terms).toEqual(['2026-autumn', '2027-spring', '2027-summer']);
		expect(schoolKey('The Dereham  Junior School.')).toBe(schoolKey('dereham junior school'));
	});
});

describe('registration', () => {
	it('refuses a child’s details field, an unoffered term and no themes with clear messages', () => {
		const r = registrationSchema(terms).safeParse({ ...input(), term: '2025-autumn', themes: [] });
		expect(r.success).toBe(false);
		const messages = r.success ? [] : r.error.issues.map((i) => i.message);
		expect(messages).toContain('Select the term you would like the meeting in');
		expect(messages).toContain('Select at least one theme you want to talk about');
	});

	it('tells a school already registered for the term, however the name is typed; another term is fine', async () => {
		const d = await db();
		const first = await registerSchool(d, input(), NOW);
		expect(first.ok).toBe(true);
		const again = await registerSchool(d, input({ schoolName: 'the dereham junior school' }), NOW);
		expect(again).toMatchObject({ ok: false, reason: 'already_registered' });
		expect((await registerSchool(d, input({ term: '2027-spring' }), NOW)).ok).toBe(true);
		// The database itself refuses a second live row, whatever the code path.
		const row = firstRow(await d.select().from(coreConsultation).limit(1))!;
		const refused = await d
			.insert(coreConsultation)
			.values({ ...row, id: undefined, reference: 'CC-XXXX-XXXX', manageTokenHash: 'h' })
			.then(
				() => null,
				(error: Error) => error
			);
		// SQLite says UNIQUE; PostgreSQL's refusal is the cause of drizzle's error.
		expect(`${refused?.message} ${String(refused?.cause)}`).toMatch(/UNIQUE|duplicate key/);
		// Once cancelled, the school may register again for that term.
		if (!first.ok) throw new Error();
		await cancelCoreConsultation(d, first.registration.id, 'school', null, NOW);
		expect((await registerSchool(d, input(), NOW)).ok).toBe(true);
	});

	it('goes registered → allocated → held → evaluated, once each, with fresh links', async () => {
		const d = await db();
		const reg = await registerSchool(d, input(), NOW);
		if (!reg.ok) throw new Error();
		const id = reg.registration.id;
		expect((await findByManageToken(d, reg.manageToken))?.id).toBe(id);
		expect(await markHeld(d, id, actor, NOW)).toEqual({ ok: false, reason: 'not_allocated' });

		const meetingAt = new Date('2026-11-10T10:00:00Z');
		const booked = await allocateMeeting(
			d,
			id,
			{ specialistName: 'Dr Cole', meetingAt, meetingPlace: 'Online' },
			actor,
			NOW
		);
		if (!booked.ok) throw new Error();
		expect(booked.registration.status).toBe('allocated');
		// The old link stops working; the email carries the new one.
		expect(await findByManageToken(d, reg.manageToken)).toBeUndefined();
		expect((await findByManageToken(d, booked.manageToken!))?.id).toBe(id);
		expect(
			coreEmail('allocated', booked.registration, booked.manageToken!, 'https://x.example').text
		).toContain(`https://x.example/core-consultations/manage/${booked.manageToken}`);
		// The same booking again (double click) changes nothing.
		expect(
			await allocateMeeting(
				d,
				id,
				{ specialistName: 'Dr Cole', meetingAt, meetingPlace: 'Online' },
				actor,
				NOW
			)
		).toMatchObject({ changed: false });
		const moved = await allocateMeeting(
			d,
			id,
			{
				specialistName: 'Dr Cole',
				meetingAt: new Date('2026-11-12T10:00:00Z'),
				meetingPlace: 'Online'
			},
			actor,
			NOW
		);
		if (!moved.ok) throw new Error();
		expect(moved.registration.calendarSequence).toBe(1);
		const ics = coreCalendarFile(moved.registration)!;
		expect(ics).toContain('SEQUENCE:1');
		expect(ics).toContain('DTSTART:20261112T100000Z');

		expect(await markHeld(d, id, actor, NOW)).toEqual({ ok: false, reason: 'not_yet' });
		const after = new Date('2026-11-13T10:00:00Z');
		expect(await markHeld(d, id, actor, after)).toMatchObject({ ok: true, changed: true });
		expect(await cancelCoreConsultation(d, id, 'staff', actor, after)).toEqual({
			ok: false,
			reason: 'held'
		});
		const evaluation = {
			usefulness: 'very_useful',
			whatWillChange: 'Visual timetables',
			whatElseNeeded: null
		} as const;
		expect((await evaluateMeeting(d, id, evaluation, after)).ok).toBe(true);
		expect(await evaluateMeeting(d, id, evaluation, after)).toEqual({
			ok: false,
			reason: 'already_evaluated'
		});
		expect(
			firstRow(await d.select().from(coreConsultation).where(eq(coreConsultation.id, id)).limit(1))!
				.status
		).toBe('held');
	});

	it('reports results with small numbers hidden, schools reached counted once each', async () => {
		const d = await db();
		const meetingAt = new Date('2026-09-20T10:00:00Z');
		for (let i = 0; i < 7; i++) {
			const r = await registerSchool(
				d,
				input({ schoolName: `School ${i}`, strand: i < 6 ? 'core' : 'plus' }),
				NOW
			);
			if (!r.ok) throw new Error();
			await allocateMeeting(
				d,
				r.registration.id,
				{ specialistName: 'S', meetingAt, meetingPlace: 'Online' },
				actor,
				new Date('2026-09-01T00:00:00Z')
			);
			await markHeld(d, r.registration.id, actor, NOW);
			await evaluateMeeting(
				d,
				r.registration.id,
				{ usefulness: i < 5 ? 'very_useful' : 'useful', whatWillChange: 'x', whatElseNeeded: null },
				NOW
			);
		}
		const results = await coreResults(d, ['2026-autumn']);
		expect(results.schoolsReached).toBe(7);
		// core: 6 registrations, plus: 1 (hidden), special: 0; the total 7 would give plus back, so core is hidden too.
		expect(results.activity.body[1][0]).toBeNull();
		expect(results.activity.body[0][0]).toBeNull();
		expect(results.activity.body[2][0]).toBe(0);
		// core: 5 very useful, 1 useful (hidden); so the 5 goes too.
		expect(results.usefulness.body[0][1]).toBeNull();
		expect(results.usefulness.body[0][0]).toBeNull();
		expect(results.usefulness.rowTotals![1]).toBeNull();
		expect(results.usefulness.grand).toBe(7);
	});
});

describe('emails to schools', () => {
	it('attach the calendar file when a meeting is booked, and cap registration emails per address', async () => {
		const d = await db();
		const reg = await registerSchool(d, input(), NOW);
		if (!reg.ok) throw new Error();
		const registered = coreEmail(
			'registered',
			reg.registration,
			reg.manageToken,
			'https://x.example'
		);
		expect(registered.capped).toBe(true);
		expect(registered.calendar).toBeNull();

		const booked = await allocateMeeting(
			d,
			reg.registration.id,
			{
				specialistName: 'Dr Cole',
				meetingAt: new Date('2026-11-03T09:30:00Z'),
				meetingPlace: 'Online'
			},
			actor,
			NOW
		);
		if (!booked.ok) throw new Error();
		const allocated = coreEmail('allocated', booked.registration, booked.manageToken!, 'https://x');
		// Staff send it: not capped, so a school always hears about its meeting.
		expect(allocated.capped).toBe(false);
		const ics = typeof allocated.calendar === 'function' ? allocated.calendar() : null;
		expect(ics).toContain('BEGIN:VEVENT');
		expect(ics).not.toContain(booked.manageToken!);

		// Anyone can register any school with someone's address: the fourth email in the hour goes
		// nowhere, however the address is typed (the page says "received" either way).
		const ids: number[] = [];
		for (const i of [0, 1, 2, 3])
			ids.push(
				...(await queueEmails(
					d,
					[{ ...registered, to: i % 2 ? 'SENCO@dereham.example.org ' : registered.to }],
					new Date(NOW.getTime() + i * 60_000),
					'outbox',
					3
				))
			);
		expect(ids).toHaveLength(3);
		expect(await d.select().from(emailOutbox)).toHaveLength(3);
	});
});
