import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { emailOutbox } from '../db/schema';
import { queueEmails, type OutgoingEmail } from './outbox';
import { openTestDatabase } from '../db/testDatabase';

const now = new Date('2026-06-04T09:00:00Z');
const link = (to: string, capped = true): OutgoingEmail => ({
	to,
	subject: 'Your link',
	text: 'https://example.org/bookings/manage/abc',
	template: 'manage_link_resent',
	bookingId: null,
	capped
});
const queue = async (db: ReturnType<typeof openDatabase>, email: OutgoingEmail, at = now) =>
	await queueEmails(db, [email], at, false, 3);

describe('the per-address cap on link emails', () => {
	it('queues the 3rd link email to an address in an hour and drops the 4th', async () => {
		const db = await openTestDatabase();
		const queued: number[] = [];
		for (let i = 0; i < 4; i++) queued.push((await queue(db, link('jo@example.org'))).length);
		expect(queued).toEqual([1, 1, 1, 0]);
	});

	it('queues at most 3 of 60 requests, however the address is typed', async () => {
		const db = await openTestDatabase();
		for (let i = 0; i < 60; i++)
			await queue(db, link(i % 2 ? ' JO@example.org' : 'jo@example.org'));
		expect(await db.select().from(emailOutbox)).toHaveLength(3);
	});

	it('counts within one batch too', async () => {
		const db = await openTestDatabase();
		const ids = await queueEmails(
			db,
			Array.from({ length: 5 }, () => link('jo@example.org')),
			now,
			false,
			3
		);
		expect(ids).toHaveLength(3);
	});

	it('lets link emails through again after an hour', async () => {
		const db = await openTestDatabase();
		for (let i = 0; i < 3; i++) await queue(db, link('jo@example.org'));
		expect(await queue(db, link('jo@example.org'), new Date(now.getTime() + 59 * 60_000))).toEqual(
			[]
		);
		expect(
			await queue(db, link('jo@example.org'), new Date(now.getTime() + 60 * 60_000 + 1))
		).toHaveLength(1);
	});

	it('does not cap other addresses or emails staff cause', async () => {
		const db = await openTestDatabase();
		for (let i = 0; i < 3; i++) await queue(db, link('jo@example.org'));
		expect(await queue(db, link('sam@example.org'))).toHaveLength(1);
		expect(await queue(db, link('jo@example.org', false))).toHaveLength(1);
	});
});
