import { beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { type Db, firstRow } from '../db';
import {
	coreConsultation,
	emailOutbox,
	liaisonGroup,
	liaisonLetter,
	liaisonMeeting,
	liaisonMember,
	liaisonReferral,
	answer,
	response
} from '../db/schema';
import { coreResults, recentTerms } from '../coreConsultations';
import {
	nextQuestion,
	outcomeLetterPdf,
	parseAnswers,
	PROFESSIONS,
	referralStatus
} from '../liaison';
import { summarisePageFeedback, listPageComments } from '../pageFeedback';
import { demoPages } from './pageFeedback';
import { isEmpty, seedDemo } from './seed';
import { listPublicConsultations } from '../consultations';
import { listSessionsForConsultation } from '../roadshow/sessions';
import { ukToday } from '../../format';
import { listQuestionnaires } from '../questionnaires/versions';
import { openTestDatabase } from '../db/testDatabase';

describe('seedDemo', () => {
	it('seeds the open, upcoming and closed consultations, staff and the roadshow', async () => {
		const db = await openTestDatabase();
		expect(await isEmpty(db)).toBe(true);
		const now = new Date('2026-11-23T10:00:00Z');
		const logins = await seedDemo(db, { now, password: 'a demo password' });
		expect(logins.map((l) => l.role)).toEqual(['admin', 'lead', 'facilitator', 'liaison']);
		expect(await isEmpty(db)).toBe(false);

		const { open, upcoming, closed } = await listPublicConsultations(db, ukToday(now));
		expect(open.map((c) => c.slug)).toEqual(['send-partnership-strategy']);
		expect(open[0].closesOn).toBe('2027-01-04'); // six weeks from today
		expect(upcoming).toHaveLength(1);
		expect(closed).toHaveLength(1);

		const sessions = await listSessionsForConsultation(db, open[0].id);
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
		const questionnaires = await listQuestionnaires(db, open[0].id);
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
			const db = await openTestDatabase();
			await seedDemo(db, { now: new Date(at), password: 'a demo password' });
			return await db
				.select({
					audience: response.audience,
					channel: response.channel,
					value: answer.value,
					n: count()
				})
				.from(response)
				.innerJoin(answer, eq(answer.responseId, response.id))
				.groupBy(response.audience, response.channel, answer.value)
				.orderBy(response.audience, response.channel, answer.value);
		};
		const morning = await figures('2026-11-23T10:00:00Z');
		expect(morning.length).toBeGreaterThan(10);
		expect(await figures('2026-11-23T22:47:00Z')).toEqual(morning);
		expect(await figures('2026-11-24T03:15:00Z')).toEqual(morning);
	});
});

describe('the demo’s other services', () => {
	const now = new Date('2026-11-23T10:00:00Z');
	let db: Db;
	beforeAll(async () => {
		db = await openTestDatabase();
		await seedDemo(db, { now, password: 'a demo password' });
	});

	it('has a Breckland liaison group with a member of every profession on the seed page', async () => {
		const groups = await db.select().from(liaisonGroup);
		expect(groups).toHaveLength(1);
		const members = await db.select().from(liaisonMember);
		expect(members.map((m) => m.profession).sort()).toEqual([...PROFESSIONS].sort());
		expect(members.every((m) => m.name.trim().length > 0)).toBe(true);
	});

	it('has a meeting next month with one family answered, one part-way and one not started', async () => {
		const meetings = await db.select().from(liaisonMeeting).orderBy(asc(liaisonMeeting.meetsAt));
		expect(meetings).toHaveLength(2);
		const coming = meetings[1];
		expect(ukToday(coming.meetsAt).slice(0, 7)).toBe('2026-12');
		expect(coming.answersDueAt.getTime()).toBeGreaterThan(now.getTime());
		const referrals = await db
			.select()
			.from(liaisonReferral)
			.where(eq(liaisonReferral.liaisonMeetingId, coming.id))
			.orderBy(asc(liaisonReferral.id));
		expect(referrals.map((r) => referralStatus(r, coming, now))).toEqual([
			'answered',
			'started',
			'not_started'
		]);
		const [answered, partWay, notStarted] = referrals.map((r) => parseAnswers(r.answers));
		expect(nextQuestion(answered)).toBeNull();
		expect(answered.questions?.length).toBeGreaterThan(0);
		expect(nextQuestion(partWay)).toBe('questions');
		expect(notStarted).toEqual({});
		// Each family was emailed its link when referred.
		for (const r of referrals)
			expect(
				(
					await db.select().from(liaisonLetter).where(eq(liaisonLetter.liaisonReferralId, r.id))
				).map((l) => [l.kind, l.sentTo])
			).toEqual([['questionnaire_link', r.parentEmail]]);
	});

	it('has a past meeting whose outcome letters went by email, and by post to the family who asked', async () => {
		const held = firstRow(
			await db.select().from(liaisonMeeting).orderBy(asc(liaisonMeeting.meetsAt)).limit(1)
		)!;
		expect(held.meetsAt.getTime()).toBeLessThan(now.getTime());
		const referrals = await db
			.select()
			.from(liaisonReferral)
			.where(eq(liaisonReferral.liaisonMeetingId, held.id));
		expect(referrals.length).toBeGreaterThan(0);
		for (const r of referrals) {
			expect(referralStatus(r, held, now)).toBe('letter_sent');
			const questions = parseAnswers(r.answers).questions ?? [];
			expect(JSON.parse(r.replies!)).toHaveLength(questions.length);
		}
		const outcomes = (
			await db.select().from(liaisonLetter).where(eq(liaisonLetter.kind, 'outcome'))
		)
			.map((l) => l.channel)
			.sort();
		expect(outcomes).toEqual(['email', 'email', 'letter']);
		const emails = await db
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.template, 'liaison_outcome'));
		expect(emails).toHaveLength(referrals.length);
		expect(emails[0].textBody).toContain('Our answer:');
		const pdf = await outcomeLetterPdf(referrals[0], held, 'Norfolk County Council', 'x');
		expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
	});

	it('has a year of core consultations: every strand, over 200 schools reached, small cells hidden', async () => {
		const year = recentTerms(ukToday(now), 3);
		const results = await coreResults(db, year);
		expect(results.schoolsReached).toBeGreaterThan(200);
		// Registrations and meetings held shown for every strand over the year.
		for (const row of results.activity.body) for (const n of row) expect(n).toBeGreaterThan(0);
		const cells = results.usefulness.body.flat();
		expect(cells.filter((n) => n === null).length).toBeGreaterThan(0);
		expect(cells.filter((n) => n !== null && n >= 5).length).toBeGreaterThan(3);
		// Each term on its own still shows figures.
		for (const term of year) {
			const one = await coreResults(db, [term]);
			expect(one.activity.colTotals[0]).toBeGreaterThan(4);
		}
		const statuses = new Set(
			(await db.select({ s: coreConsultation.status }).from(coreConsultation)).map((r) => r.s)
		);
		expect([...statuses].sort()).toEqual(['allocated', 'cancelled', 'held', 'registered']);
	});

	it('has "Was this page helpful?" answers and comments on the main public pages', async () => {
		const summary = await summarisePageFeedback(db);
		for (const page of demoPages('send-partnership-strategy')) {
			const row = summary.find((r) => r.path === page.path);
			expect(row, page.path).toMatchObject({ yes: page.yes, no: page.no });
		}
		expect(summary.map((r) => r.path)).toContain('/');
		expect((await listPageComments(db)).length).toBeGreaterThan(5);
	});
});
