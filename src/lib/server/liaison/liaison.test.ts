import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { firstRow, onlyRow } from '../db';
import {
	auditEvent,
	emailOutbox,
	liaisonGroup,
	liaisonLetter,
	liaisonMeeting,
	liaisonReferral,
	staffUser
} from '../db/schema';
import {
	addReferral,
	applyLiaisonRetention,
	openFamilyLink,
	outcomeLetterPdf,
	recordOutcome,
	recordReferralView,
	referralSchema,
	saveAnswer,
	sendOutcomeLetter,
	submitAnswers
} from './index';
import { openTestDatabase } from '../db/testDatabase';

const NOW = new Date('2026-06-01T09:00:00Z');
const actor = { staffUserId: 1 };

async function setUp() {
	const db = await openTestDatabase();
	await db.insert(staffUser).values({
		email: 'l@x.org',
		name: 'L',
		role: 'liaison',
		passwordHash: 'x',
		createdAt: new Date(0),
		updatedAt: new Date(0)
	});
	const group = onlyRow(
		await db
			.insert(liaisonGroup)
			.values({ name: 'Breckland', area: 'Breckland', createdAt: NOW })
			.returning()
	);
	const meeting = onlyRow(
		await db
			.insert(liaisonMeeting)
			.values({
				liaisonGroupId: group.id,
				meetsAt: new Date('2026-06-20T09:30:00Z'),
				answersDueAt: new Date('2026-06-15T23:00:00Z'),
				venue: 'Dereham Children’s Centre',
				createdAt: NOW
			})
			.returning()
	);
	const input = referralSchema.parse({
		childFirstName: 'Maya',
		childAgeYears: '3',
		childAgeMonths: '4',
		referrerName: 'Ruth Gale',
		referrerProfession: 'Specialist health visitor',
		parentName: 'Sam Hill',
		parentEmail: 'sam@example.com',
		parentAddress: '4 Mill Lane\nDereham',
		parentAgreed: 'yes'
	});
	const added = await addReferral(db, meeting.id, input, actor, NOW, 'https://send.example.org');
	if (!added.ok) throw new Error(added.reason);
	const { referral, token } = added;
	return { db, meeting, referral, token, input };
}

describe('referral', () => {
	it('needs the parent’s agreement and a child aged 0 to 5', () => {
		const r = referralSchema.safeParse({
			childFirstName: 'A',
			childAgeYears: '7',
			childAgeMonths: '0',
			referrerName: 'R',
			referrerProfession: 'P',
			parentName: 'P',
			parentEmail: 'p@x.org'
		});
		expect(r.success).toBe(false);
		const messages = r.success ? [] : r.error.issues.map((i) => i.message);
		expect(messages).toContain('The parent or carer must agree to the referral before you add it');
		expect(messages).toContain('Age must be 0 to 5 years');
	});
});

describe('the family’s questionnaire', () => {
	it('saves as the family goes, sends once complete, and closes at the deadline', async () => {
		const { db, token, referral } = await setUp();
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(firstRow(await db.select().from(liaisonReferral).limit(1))!.linkTokenHash).not.toContain(
			token
		);
		expect((await openFamilyLink(db, 'x'.repeat(43), NOW)).state).toBe('unknown');

		expect(await saveAnswer(db, token, 'going-well', { goingWell: '' }, NOW)).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
		expect(
			await saveAnswer(db, token, 'going-well', { goingWell: 'She loves books' }, NOW)
		).toEqual({
			ok: true,
			next: 'concerns'
		});
		expect(await submitAnswers(db, token, NOW)).toMatchObject({
			ok: false,
			reason: 'incomplete',
			missing: 'concerns'
		});
		await saveAnswer(db, token, 'concerns', { concerns: ['talking', 'sleeping'] }, NOW);
		await saveAnswer(
			db,
			token,
			'questions',
			{ question1: 'Will she need speech therapy?', question2: '' },
			NOW
		);
		await saveAnswer(db, token, 'support', { support: 'Portage every fortnight' }, NOW);
		expect(await saveAnswer(db, token, 'reply', { reply: 'letter' }, NOW)).toMatchObject({
			ok: false,
			errors: { replyAddress: 'Enter the address we should post the letter to' }
		});
		expect(
			await saveAnswer(
				db,
				token,
				'reply',
				{ reply: 'letter', replyAddress: '4 Mill Lane\nDereham' },
				NOW
			)
		).toEqual({ ok: true, next: null });
		expect(await submitAnswers(db, token, NOW)).toEqual({ ok: true, repeat: false });
		expect(await submitAnswers(db, token, NOW)).toEqual({ ok: true, repeat: true });
		// Once sent, the answers cannot be changed through the link.
		expect(await saveAnswer(db, token, 'support', { support: 'x' }, NOW)).toEqual({
			ok: false,
			reason: 'sent'
		});
		expect((await openFamilyLink(db, token, NOW)).state).toBe('sent');
		expect(referral.id).toBeGreaterThan(0);
	});

	it('refuses answers after the deadline', async () => {
		const { db, token } = await setUp();
		const late = new Date('2026-06-16T00:00:00Z');
		expect((await openFamilyLink(db, token, late)).state).toBe('closed');
		expect(await saveAnswer(db, token, 'going-well', { goingWell: 'x' }, late)).toEqual({
			ok: false,
			reason: 'closed'
		});
	});
});

describe('outcome letter', () => {
	it('needs an answer to each question, is sent once by email and as a letter, and is a real PDF', async () => {
		const { db, token, meeting } = await setUp();
		await saveAnswer(db, token, 'going-well', { goingWell: 'Books' }, NOW);
		await saveAnswer(db, token, 'concerns', { concerns: ['talking'] }, NOW);
		await saveAnswer(db, token, 'questions', { question1: 'Will she need speech therapy?' }, NOW);
		await saveAnswer(db, token, 'support', { support: 'Portage' }, NOW);
		await saveAnswer(
			db,
			token,
			'reply',
			{ reply: 'letter', replyAddress: '4 Mill Lane\nDereham' },
			NOW
		);
		await submitAnswers(db, token, NOW);
		let referral = firstRow(await db.select().from(liaisonReferral).limit(1))!;
		expect(
			await sendOutcomeLetter(db, referral, meeting, 'Norfolk County Council', actor, NOW)
		).toEqual({
			ok: false,
			reason: 'no_outcome'
		});
		expect(
			await recordOutcome(
				db,
				referral,
				{ outcome: 'Speech and language therapy', replies: [] },
				actor,
				NOW
			)
		).toEqual({ ok: false, errors: { reply1: 'Enter the group’s answer to question 1' } });
		expect(
			await recordOutcome(
				db,
				referral,
				{
					outcome: 'Speech and language therapy will see Maya.',
					replies: ['Yes, weekly sessions from September.']
				},
				actor,
				NOW
			)
		).toEqual({ ok: true });
		referral = firstRow(await db.select().from(liaisonReferral).limit(1))!;
		expect(
			await sendOutcomeLetter(db, referral, meeting, 'Norfolk County Council', actor, NOW)
		).toEqual({
			ok: true,
			channels: ['email', 'letter']
		});
		expect(
			await sendOutcomeLetter(db, referral, meeting, 'Norfolk County Council', actor, NOW)
		).toEqual({
			ok: false,
			reason: 'already_sent'
		});
		const sent = await db.select().from(liaisonLetter).where(eq(liaisonLetter.kind, 'outcome'));
		expect(sent.map((l) => [l.channel, l.sentTo])).toEqual([
			['email', 'sam@example.com'],
			['letter', '4 Mill Lane']
		]);
		const email = firstRow(
			await db
				.select()
				.from(emailOutbox)
				.where(eq(emailOutbox.template, 'liaison_outcome'))
				.limit(1)
		)!;
		expect(email.textBody).toContain('You asked: Will she need speech therapy?');
		expect(email.textBody).toContain('Our answer: Yes, weekly sessions from September.');
		const pdf = await outcomeLetterPdf(
			firstRow(await db.select().from(liaisonReferral).limit(1))!,
			meeting,
			'Norfolk County Council',
			'4 Mill Lane\nDereham'
		);
		expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');

		await recordReferralView(db, [referral.id], actor, 'record page', NOW);
		expect(
			await db.select().from(auditEvent).where(eq(auditEvent.action, 'liaison_referral.viewed'))
		).toHaveLength(1);

		// Kept 90 days after the letter, then the child's details, answers and email copy go.
		expect(await applyLiaisonRetention(db, new Date(NOW.getTime() + 89 * 86_400_000))).toBe(0);
		expect(await applyLiaisonRetention(db, new Date(NOW.getTime() + 91 * 86_400_000))).toBe(1);
		const removed = firstRow(await db.select().from(liaisonReferral).limit(1))!;
		expect([removed.childFirstName, removed.parentEmail, removed.answers, removed.outcome]).toEqual(
			['Removed', '', '{}', null]
		);
		expect(await db.select().from(emailOutbox)).toHaveLength(0);
		expect((await db.select().from(liaisonLetter)).map((l) => l.sentTo)).toEqual([
			'Removed',
			'Removed',
			'Removed'
		]);
		expect((await openFamilyLink(db, token, NOW)).state).toBe('unknown');
	});
});
