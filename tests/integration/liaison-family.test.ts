// The family's pre-school liaison link against the real server, as someone fiddling with it would:
// odd and oversized bodies, unknown pages, a burst of sends, and links replaced or removed. Never a
// 500; every refusal is the product's own page; nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { closeDatabase, type Db, firstRow, onlyRow } from '../../src/lib/server/db';
import { liaisonMeeting, liaisonReferral, staffUser } from '../../src/lib/server/db/schema';
import {
	addMeeting,
	addReferral,
	applyLiaisonRetention,
	createGroup,
	referralSchema,
	sendNewFamilyLink,
	sendOutcomeLetter,
	recordOutcome,
	saveAnswer
} from '../../src/lib/server/liaison';
import { startServer, type RunningServer } from './server';
import { openFixtureDatabase } from './booking-fixture';

let server: RunningServer;
let db: Db;
let meetingId: number;
let actor: { staffUserId: number };

beforeAll(async () => {
	server = await startServer();
	db = await openFixtureDatabase(server.databaseUrl);
	const staff = onlyRow(
		await db
			.insert(staffUser)
			.values({
				email: 'liaison@council.example',
				name: 'Liaison',
				role: 'liaison',
				passwordHash: 'x',
				createdAt: new Date(),
				updatedAt: new Date()
			})
			.returning()
	);
	actor = { staffUserId: staff.id };
	const group = await createGroup(
		db,
		{ name: 'Test group', area: 'Test', members: [{ profession: 'Psychologist', name: 'A' }] },
		actor
	);
	const day = 86_400_000;
	meetingId = (
		await addMeeting(
			db,
			group.id,
			{
				meetsAt: new Date(Date.now() + 30 * day),
				answersDueAt: new Date(Date.now() + 20 * day),
				venue: 'Online'
			},
			actor
		)
	).id;
});

afterAll(async () => {
	if (db) await closeDatabase(db);
	await server?.stop();
});

async function refer(email = `p${Math.random().toString(36).slice(2)}@example.com`) {
	const added = await addReferral(
		db,
		meetingId,
		referralSchema.parse({
			childFirstName: 'Ava',
			childAgeYears: '2',
			childAgeMonths: '1',
			referrerName: 'Ruth',
			referrerProfession: 'Health visitor',
			parentName: 'Pat',
			parentEmail: email,
			parentAgreed: 'yes'
		}),
		actor,
		new Date(),
		server.url
	);
	if (!added.ok) throw new Error(added.reason);
	return added;
}

function post(path: string, form: [string, string][] | string) {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: typeof form === 'string' ? form : new URLSearchParams(form)
	});
}

const answers = async (id: number) =>
	firstRow(await db.select().from(liaisonReferral).where(eq(liaisonReferral.id, id)).limit(1))!;

describe('the family’s link', () => {
	it('answers bad input with the message by the field and keeps what was saved', async () => {
		const { token, referral } = await refer();
		const base = `/pre-school-liaison/${token}`;
		expect((await post(`${base}/going-well`, [['goingWell', 'Kept']])).status).toBe(303);

		const cases: [string, [string, string][], string][] = [
			['going-well', [], 'Tell us what is going well for your child'],
			['going-well', [['goingWell', 'x'.repeat(2001)]], 'must be 2000 characters or fewer'],
			// A field sent twice arrives as a list, not text.
			[
				'going-well',
				[
					['goingWell', 'a'],
					['goingWell', 'b']
				],
				'Tell us what is going well for your child'
			],
			['concerns', [['concerns', 'flying']], 'Select the areas you are worried about'],
			['reply', [['reply', 'pigeon']], 'Select how you would like us to reply'],
			['reply', [['reply', 'letter']], 'Enter the address we should post the letter to']
		];
		for (const [page, form, message] of cases) {
			const res = await post(`${base}/${page}`, form);
			expect(res.status, `${page} ${JSON.stringify(form).slice(0, 60)}`).toBe(400);
			const html = await res.text();
			expect(html).toContain('govuk-error-summary');
			expect(html).toContain(message);
		}
		expect(JSON.parse((await answers(referral.id)).answers)).toEqual({ goingWell: 'Kept' });

		// A page that is not a question, and a body that is not a form: the product's pages, not 500s.
		const unknown = await post(`${base}/favourite-colour`, [['x', 'y']]);
		expect(unknown.status).toBe(404);
		expect(await unknown.text()).toContain('Page not found');
		const garbage = await post(`${base}/support`, '%%%=%%%&support');
		expect(garbage.status).toBe(400);
		const check = await post(`${base}/check`, []);
		expect(check.status).toBe(400);
		expect(await check.text()).toContain('Tell us what you are worried about');
		expect((await answers(referral.id)).answersSentAt).toBeNull();
	});

	it('sends once under a burst of clicks, then shows the confirmation on every page', async () => {
		const { token, referral } = await refer();
		const base = `/pre-school-liaison/${token}`;
		const steps: [string, [string, string][]][] = [
			['going-well', [['goingWell', 'Books']]],
			['concerns', [['concerns', 'play']]],
			['questions', [['question1', 'When?']]],
			['support', [['support', 'Nursery']]],
			['reply', [['reply', 'email']]]
		];
		for (const [page, form] of steps)
			expect((await post(`${base}/${page}`, form)).status).toBe(303);
		const burst = await Promise.all(Array.from({ length: 8 }, () => post(`${base}/check`, [])));
		for (const res of burst) {
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe(`${base}/sent`);
		}
		const sentAt = (await answers(referral.id)).answersSentAt;
		expect(sentAt).not.toBeNull();
		// Sent answers cannot be changed through the link.
		const late = await post(`${base}/support`, [['support', 'Changed']]);
		expect(late.status).toBe(303);
		expect(JSON.parse((await answers(referral.id)).answers).support).toBe('Nursery');
		const page = await fetch(`${server.url}${base}/questions`, { redirect: 'follow' });
		expect(page.url).toBe(`${server.url}${base}/sent`);
		expect(page.headers.get('cache-control')).toBe('no-store');
	});

	it('gives a plain page for a wrong, replaced or removed link', async () => {
		const { token, referral } = await refer();
		for (const bad of ['short', 'A'.repeat(43), `${token.slice(0, 42)}!`]) {
			const res = await fetch(`${server.url}/pre-school-liaison/${encodeURIComponent(bad)}`);
			expect(res.status, bad).toBe(404);
			expect(await res.text()).toContain('This link does not work');
		}
		expect(await sendNewFamilyLink(db, referral.id, actor, new Date(), server.url)).toEqual({
			ok: true
		});
		const replaced = await post(`/pre-school-liaison/${token}/going-well`, [['goingWell', 'x']]);
		expect(replaced.status).toBe(404);
		expect(JSON.parse((await answers(referral.id)).answers)).toEqual({});

		// Removed after the letter, as the privacy notice says: the link no longer opens anything.
		const other = await refer();
		for (const [page, form] of [
			['going-well', [['goingWell', 'a']]],
			['concerns', [['concernsOther', 'b']]],
			['questions', []],
			['support', [['support', 'c']]],
			['reply', [['reply', 'email']]],
			['check', []]
		] as [string, [string, string][]][])
			await post(`/pre-school-liaison/${other.token}/${page}`, form);
		const row = await answers(other.referral.id);
		expect(row.answersSentAt).not.toBeNull();
		expect(await recordOutcome(db, row, { outcome: 'Done', replies: [] }, actor)).toEqual({
			ok: true
		});
		const meeting = firstRow(
			await db.select().from(liaisonMeeting).where(eq(liaisonMeeting.id, meetingId)).limit(1)
		)!;
		expect(
			await sendOutcomeLetter(db, await answers(other.referral.id), meeting, 'Council', actor)
		).toMatchObject({ ok: true });
		expect(await applyLiaisonRetention(db, new Date(Date.now() + 91 * 86_400_000))).toBe(1);
		const removed = await fetch(`${server.url}/pre-school-liaison/${other.token}`);
		expect(removed.status).toBe(404);
		expect(await removed.text()).toContain('This link does not work');
	});

	it('after the deadline, explains who to contact and takes no more answers', async () => {
		const { token, referral } = await refer();
		await saveAnswer(db, token, 'going-well', { goingWell: 'Before' });
		await db
			.update(liaisonMeeting)
			.set({ answersDueAt: new Date(Date.now() - 1000) })
			.where(eq(liaisonMeeting.id, meetingId));
		try {
			const page = await fetch(`${server.url}/pre-school-liaison/${token}/support`);
			expect(page.status).toBe(200);
			const html = await page.text();
			expect(html).toContain('The time to answer has ended');
			expect(html).toContain('Contact Ruth (health visitor)');
			const late = await post(`/pre-school-liaison/${token}/going-well`, [['goingWell', 'After']]);
			expect(late.status).toBe(303);
			const send = await post(`/pre-school-liaison/${token}/check`, []);
			expect(send.status).toBe(303);
			expect(await answers(referral.id)).toMatchObject({ answersSentAt: null });
			expect(JSON.parse((await answers(referral.id)).answers)).toEqual({ goingWell: 'Before' });
		} finally {
			await db
				.update(liaisonMeeting)
				.set({ answersDueAt: new Date(Date.now() + 20 * 86_400_000) })
				.where(eq(liaisonMeeting.id, meetingId));
		}
	});
});
