// The domain functions the staff and family pages stand on: groups and meetings, the link email
// sent with a referral, audited reads, and the guards on outcomes.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { firstRow } from '../db';
import { auditEvent, emailOutbox, liaisonLetter, liaisonReferral, staffUser } from '../db/schema';
import {
	addMeeting,
	addReferral,
	checkGroupForm,
	checkMeetingForm,
	createGroup,
	getGroup,
	listGroups,
	listMeetingReferrals,
	listSentLetters,
	openFamilyLink,
	readAgendaPack,
	readReferral,
	recordOutcome,
	referralSchema,
	referralStatus,
	saveAnswer,
	sendNewFamilyLink,
	sendOutcomeLetter,
	submitAnswers,
	updateGroup,
	updateMeeting
} from './index';
import { openTestDatabase } from '../db/testDatabase';

const NOW = new Date('2026-06-01T09:00:00Z');
const actor = { staffUserId: 1, ip: '203.0.113.9' };
const BASE = 'https://send.example.org';
const date = (d: string) => {
	const [year, month, day] = d.split('-');
	return { day, month, year };
};

async function setUp() {
	const db = await openTestDatabase();
	await db.insert(staffUser).values({
		email: 'l@x.org',
		name: 'Priya Shah',
		role: 'liaison',
		passwordHash: 'x',
		createdAt: new Date(0),
		updatedAt: new Date(0)
	});
	const group = await createGroup(
		db,
		{
			name: 'Breckland',
			area: 'Breckland and Dereham',
			members: [{ profession: 'Community paediatrician', name: 'Dr Okafor' }]
		},
		actor,
		NOW
	);
	const checked = checkMeetingForm(
		{ date: date('2026-06-20'), time: '9:30am', venue: 'Dereham Library', due: date('2026-06-15') },
		NOW
	);
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	const meeting = await addMeeting(db, group.id, checked.data, actor, NOW);
	return { db, group, meeting };
}

const referralInput = (email = 'sam@example.com') =>
	referralSchema.parse({
		childFirstName: 'Maya',
		childAgeYears: '3',
		childAgeMonths: '4',
		referrerName: 'Ruth Gale',
		referrerProfession: 'Specialist health visitor',
		parentName: 'Sam Hill',
		parentEmail: email,
		parentAgreed: 'yes'
	});

async function refer(db: Awaited<ReturnType<typeof setUp>>['db'], meetingId: number, now = NOW) {
	const added = await addReferral(db, meetingId, referralInput(), actor, now, BASE);
	if (!added.ok) throw new Error(added.reason);
	return added;
}

async function answerAll(
	db: Awaited<ReturnType<typeof setUp>>['db'],
	token: string,
	questions: string[]
) {
	await saveAnswer(db, token, 'going-well', { goingWell: 'Loves books' }, NOW);
	await saveAnswer(db, token, 'concerns', { concerns: 'talking' }, NOW);
	const q = Object.fromEntries(questions.map((text, i) => [`question${i + 1}`, text]));
	await saveAnswer(db, token, 'questions', q, NOW);
	await saveAnswer(db, token, 'support', { support: 'Portage' }, NOW);
	await saveAnswer(db, token, 'reply', { reply: 'email' }, NOW);
	expect(await submitAnswers(db, token, NOW)).toMatchObject({ ok: true });
}

const views = async (db: Awaited<ReturnType<typeof setUp>>['db']) =>
	(await db.select().from(auditEvent).where(eq(auditEvent.action, 'liaison_referral.viewed'))).map(
		(e) => e.summary
	);

describe('the group form', () => {
	it('needs a name, an area and at least one member, and keeps members in the seed’s order', () => {
		expect(checkGroupForm({ name: ' ', area: '' })).toEqual({
			ok: false,
			errors: {
				name: 'Enter a name for the group',
				area: 'Enter the area the group covers',
				'member-0': 'Enter the name of at least one member of the group'
			}
		});
		expect(checkGroupForm({ name: 'N', area: 'A', 'member-3': 'x'.repeat(101) })).toEqual({
			ok: false,
			errors: { 'member-3': 'Name must be 100 characters or fewer' }
		});
		expect(
			checkGroupForm({ name: 'Norwich', area: 'Norwich', 'member-6': ' Jo ', 'member-0': 'Al' })
		).toEqual({
			ok: true,
			data: {
				name: 'Norwich',
				area: 'Norwich',
				members: [
					{ profession: 'Senior occupational therapist', name: 'Al' },
					{ profession: 'Speech and language therapist', name: 'Jo' }
				]
			}
		});
	});

	it('replaces the members when the group is changed, and lists the next meeting', async () => {
		const { db, group, meeting } = await setUp();
		expect(
			await updateGroup(
				db,
				group.id,
				{
					name: 'Breckland group',
					area: 'Breckland',
					members: [
						{ profession: 'Portage practitioner', name: 'Kim' },
						{ profession: 'Senior occupational therapist', name: 'Lee' }
					]
				},
				actor,
				NOW
			)
		).toBe(true);
		expect(await updateGroup(db, 999, { name: 'x', area: 'x', members: [] }, actor, NOW)).toBe(
			false
		);
		const detail = (await getGroup(db, group.id))!;
		expect(detail.group.name).toBe('Breckland group');
		expect(detail.members.map((m) => m.name)).toEqual(['Lee', 'Kim']);
		expect(detail.meetings).toMatchObject([{ id: meeting.id, referrals: 0, answered: 0 }]);
		expect(await listGroups(db, NOW)).toMatchObject([
			{ name: 'Breckland group', members: 2, nextMeetsAt: meeting.meetsAt }
		]);
		expect((await listGroups(db, new Date('2026-07-01T00:00:00Z')))[0].nextMeetsAt).toBeNull();
	});
});

describe('the meeting form', () => {
	const form = (over: Partial<Parameters<typeof checkMeetingForm>[0]> = {}) => ({
		date: date('2026-06-20'),
		time: '14:00',
		venue: 'Online',
		due: date('2026-06-13'),
		...over
	});

	it('closes the questionnaire at the end of the last day, UK time, before the meeting day', () => {
		const r = checkMeetingForm(form(), NOW);
		expect(r).toEqual({
			ok: true,
			data: {
				meetsAt: new Date('2026-06-20T13:00:00Z'),
				answersDueAt: new Date('2026-06-13T22:59:00Z'),
				venue: 'Online'
			}
		});
	});

	it('refuses a meeting in the past, a deadline on or after the meeting day, and a bad time', () => {
		expect(checkMeetingForm(form({ due: date('2026-06-20') }), NOW)).toMatchObject({
			errors: { due: 'The last day for families’ answers must be before the day of the meeting' }
		});
		expect(checkMeetingForm(form({ due: date('2026-05-31') }), NOW)).toMatchObject({
			errors: { due: 'The last day for families’ answers must be today or in the future' }
		});
		expect(
			checkMeetingForm(form({ date: date('2026-05-20'), due: date('2026-05-19') }), NOW)
		).toMatchObject({ errors: { date: 'The date of the meeting must be in the future' } });
		expect(
			checkMeetingForm(
				form({ time: '25:00', venue: '', date: { day: '31', month: '2', year: '2027' } }),
				NOW
			)
		).toEqual({
			ok: false,
			errors: {
				date: 'The date of the meeting must be a real date',
				time: 'Enter the start time in the correct format, like 9:30am or 14:00',
				venue: 'Enter where the group will meet'
			}
		});
	});

	it('moves a meeting still to come, but not one past or whose letters have gone', async () => {
		const { db, meeting } = await setUp();
		const moved = { ...meeting, meetsAt: new Date('2026-06-21T09:00:00Z') };
		expect(await updateMeeting(db, meeting.id, moved, actor, NOW)).toEqual({ ok: true });
		expect(
			await updateMeeting(db, meeting.id, moved, actor, new Date('2026-06-22T00:00:00Z'))
		).toEqual({
			ok: false,
			reason: 'past'
		});
		const { referral, token } = await refer(db, meeting.id);
		await answerAll(db, token, []);
		const fresh = async () => firstRow(await db.select().from(liaisonReferral).limit(1))!;
		expect(
			await recordOutcome(db, await fresh(), { outcome: 'Portage', replies: [] }, actor, NOW)
		).toEqual({
			ok: true
		});
		await sendOutcomeLetter(db, await fresh(), meeting, 'Norfolk', actor, NOW);
		expect(await updateMeeting(db, meeting.id, moved, actor, NOW)).toEqual({
			ok: false,
			reason: 'letters_sent'
		});
		expect(referral.id).toBe((await fresh()).id);
	});
});

describe('a referral', () => {
	it('emails the family their link in the same write, and records the send', async () => {
		const { db, meeting } = await setUp();
		const { referral, token } = await refer(db, meeting.id);
		const email = firstRow(await db.select().from(emailOutbox).limit(1))!;
		expect(email).toMatchObject({
			toAddress: 'sam@example.com',
			template: 'liaison_questionnaire_link',
			subject: 'Tell the pre-school liaison group about Maya'
		});
		expect(email.textBody).toContain(`${BASE}/pre-school-liaison/${token}`);
		expect(email.textBody).toContain('Answer by 11:59pm on Monday 15 June 2026');
		expect(await db.select().from(liaisonLetter)).toMatchObject([
			{
				liaisonReferralId: referral.id,
				kind: 'questionnaire_link',
				channel: 'email',
				sentTo: 'sam@example.com',
				emailOutboxId: email.id
			}
		]);
	});

	it('is refused once the questionnaire has closed, or for no meeting, with nothing written', async () => {
		const { db, meeting } = await setUp();
		const late = new Date('2026-06-16T00:00:00Z');
		expect(await addReferral(db, meeting.id, referralInput(), actor, late, BASE)).toEqual({
			ok: false,
			reason: 'closed'
		});
		expect(await addReferral(db, 999, referralInput(), actor, NOW, BASE)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await db.select().from(liaisonReferral)).toHaveLength(0);
		expect(await db.select().from(emailOutbox)).toHaveLength(0);
	});

	it('can be sent a new link, which stops the old one working', async () => {
		const { db, meeting } = await setUp();
		const { referral, token } = await refer(db, meeting.id);
		await saveAnswer(db, token, 'going-well', { goingWell: 'Kept' }, NOW);
		expect(await sendNewFamilyLink(db, referral.id, actor, NOW, BASE)).toEqual({ ok: true });
		expect((await openFamilyLink(db, token, NOW)).state).toBe('unknown');
		const latest = (await db.select().from(emailOutbox)).at(-1)!;
		expect(latest.textBody).toContain('The link in our earlier email no longer works.');
		const fresh = /\/pre-school-liaison\/([A-Za-z0-9_-]{43})/.exec(latest.textBody)![1];
		const link = await openFamilyLink(db, fresh, NOW);
		expect(link.state === 'open' && link.answers.goingWell).toBe('Kept');
		expect(await db.select().from(liaisonLetter)).toHaveLength(2);
		expect(
			await sendNewFamilyLink(db, referral.id, actor, new Date('2026-06-16T00:00:00Z'))
		).toEqual({
			ok: false,
			reason: 'closed'
		});
	});
});

describe('the family’s answers', () => {
	it('take “something else” in their own words in place of a box', async () => {
		const { db, meeting } = await setUp();
		const { token } = await refer(db, meeting.id);
		expect(await saveAnswer(db, token, 'concerns', {}, NOW)).toEqual({
			ok: false,
			reason: 'invalid',
			errors: {
				concerns: 'Select the areas you are worried about, or tell us about something else'
			}
		});
		expect(await saveAnswer(db, token, 'concerns', { concerns: 'flying' }, NOW)).toMatchObject({
			ok: false
		});
		expect(
			await saveAnswer(db, token, 'concerns', { concernsOther: 'Toilet training' }, NOW)
		).toMatchObject({ ok: true });
	});
});

describe('reading children’s records', () => {
	it('audits every list, record, agenda pack and sent list that shows a child', async () => {
		const { db, meeting } = await setUp();
		const { referral } = await refer(db, meeting.id);
		expect(await listMeetingReferrals(db, meeting, actor, NOW)).toMatchObject([
			{ id: referral.id, childFirstName: 'Maya', status: 'not_started' }
		]);
		const record = (await readReferral(db, referral.id, actor, 'record page', NOW))!;
		expect(record.group.name).toBe('Breckland');
		expect(record.letters).toMatchObject([
			{ kind: 'questionnaire_link', sentByName: 'Priya Shah' }
		]);
		expect(await readReferral(db, 999, actor, 'record page', NOW)).toBeUndefined();
		expect(await readAgendaPack(db, meeting, actor, NOW)).toHaveLength(1);
		expect(await listSentLetters(db, actor, {}, NOW)).toMatchObject({
			total: 1,
			items: [{ childFirstName: 'Maya', groupName: 'Breckland', sentTo: 'sam@example.com' }]
		});
		expect(await views(db)).toEqual([
			`Viewed referral ${referral.id} (meeting page)`,
			`Viewed referral ${referral.id} (record page)`,
			`Viewed referral ${referral.id} (agenda pack)`,
			`Viewed referral ${referral.id} (sent list)`
		]);
		const audit = firstRow(
			await db
				.select()
				.from(auditEvent)
				.where(eq(auditEvent.action, 'liaison_referral.viewed'))
				.limit(1)
		)!;
		expect(audit).toMatchObject({ actorStaffUserId: 1, ip: '203.0.113.9' });
	});

	it('gives each referral’s stage', () => {
		const m = { answersDueAt: new Date('2026-06-15T22:59:00Z') };
		const r = {
			removedAt: null,
			letterSentAt: null,
			outcomeRecordedAt: null,
			answersSentAt: null,
			answersStartedAt: null
		};
		expect(referralStatus(r, m, NOW)).toBe('not_started');
		expect(referralStatus({ ...r, answersStartedAt: NOW }, m, NOW)).toBe('started');
		expect(referralStatus({ ...r, answersStartedAt: NOW }, m, new Date('2026-06-16'))).toBe(
			'not_answered'
		);
		expect(referralStatus({ ...r, answersSentAt: NOW }, m, NOW)).toBe('answered');
		expect(referralStatus({ ...r, outcomeRecordedAt: NOW }, m, NOW)).toBe('outcome_recorded');
		expect(referralStatus({ ...r, letterSentAt: NOW }, m, NOW)).toBe('letter_sent');
		expect(referralStatus({ ...r, removedAt: NOW }, m, NOW)).toBe('removed');
	});
});

describe('the outcome', () => {
	it('waits for the family’s questions, and cannot change once the letter has gone', async () => {
		const { db, meeting } = await setUp();
		const { token } = await refer(db, meeting.id);
		const fresh = async () => firstRow(await db.select().from(liaisonReferral).limit(1))!;
		expect(
			await recordOutcome(db, await fresh(), { outcome: 'Early', replies: [] }, actor, NOW)
		).toEqual({
			ok: false,
			reason: 'still_answering'
		});
		await answerAll(db, token, ['Will she need speech therapy?', 'Who do we call?']);
		expect(
			await recordOutcome(
				db,
				await fresh(),
				{ outcome: 'Speech therapy', replies: ['Yes', ' '] },
				actor,
				NOW
			)
		).toEqual({ ok: false, errors: { reply2: 'Enter the group’s answer to question 2' } });
		expect(
			await recordOutcome(
				db,
				await fresh(),
				{ outcome: 'Speech therapy', replies: ['Yes', 'Ruth'] },
				actor,
				NOW
			)
		).toEqual({ ok: true });
		// Changed before the letter goes: the new words are the ones sent.
		expect(
			await recordOutcome(
				db,
				await fresh(),
				{ outcome: 'Speech therapy weekly', replies: ['Yes', 'Ruth Gale'] },
				actor,
				NOW
			)
		).toEqual({ ok: true });
		expect(await sendOutcomeLetter(db, await fresh(), meeting, 'Norfolk', actor, NOW)).toEqual({
			ok: true,
			channels: ['email']
		});
		expect(
			await recordOutcome(
				db,
				await fresh(),
				{ outcome: 'Changed', replies: ['a', 'b'] },
				actor,
				NOW
			)
		).toEqual({ ok: false, reason: 'letter_sent' });
		expect((await fresh()).outcome).toBe('Speech therapy weekly');
	});

	it('can be recorded for a family who did not answer, once the questionnaire has closed', async () => {
		const { db, meeting } = await setUp();
		await refer(db, meeting.id);
		const after = new Date('2026-06-21T09:00:00Z');
		const referral = firstRow(await db.select().from(liaisonReferral).limit(1))!;
		expect(
			await recordOutcome(db, referral, { outcome: 'Portage', replies: [] }, actor, after)
		).toEqual({
			ok: true
		});
	});
});

describe('a questionnaire left part-way', () => {
	it('stays the family’s: no replies asked for, nothing in the letter, the record or the pack', async () => {
		const { db, meeting } = await setUp();
		const { token, referral } = await refer(db, meeting.id);
		await saveAnswer(db, token, 'going-well', { goingWell: 'Private draft' }, NOW);
		await saveAnswer(db, token, 'concerns', { concerns: 'play' }, NOW);
		await saveAnswer(db, token, 'questions', { question1: 'Unsent question?' }, NOW);
		await saveAnswer(db, token, 'support', { support: 'x' }, NOW);
		await saveAnswer(db, token, 'reply', { reply: 'letter', replyAddress: '1 Road' }, NOW);
		const after = new Date('2026-06-21T09:00:00Z');
		const row = async () => firstRow(await db.select().from(liaisonReferral).limit(1))!;
		expect(
			await recordOutcome(db, await row(), { outcome: 'Portage', replies: [] }, actor, after)
		).toEqual({
			ok: true
		});
		expect((await readReferral(db, referral.id, actor, 'record page', after))!.answers).toEqual({});
		expect((await readAgendaPack(db, meeting, actor, after))[0].answers).toEqual({});
		expect(await sendOutcomeLetter(db, await row(), meeting, 'Norfolk', actor, after)).toEqual({
			ok: true,
			channels: ['email']
		});
		const letter = firstRow(
			await db
				.select()
				.from(emailOutbox)
				.where(eq(emailOutbox.template, 'liaison_outcome'))
				.limit(1)
		)!;
		expect(letter.textBody).not.toContain('Unsent question?');
		expect(letter.textBody).toContain('Portage');
	});
});
