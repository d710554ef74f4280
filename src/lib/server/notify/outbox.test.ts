import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { emailOutbox } from '../db/schema';
import { queueEmails, type OutgoingEmail } from './outbox';

const now = new Date('2026-06-04T09:00:00Z');
const link = (to: string, capped = true): OutgoingEmail => ({
	to,
	subject: 'Your link',
	text: 'https://example.org/bookings/manage/abc',
	template: 'manage_link_resent',
	bookingId: null,
	capped
});
const queue = (db: ReturnType<typeof openDatabase>, email: OutgoingEmail, at = now) =>
	queueEmails(db, [email], at, false, 3);

describe('the per-address cap on link emails', () => {
	it('queues the 3rd link email to an address in an hour and drops the 4th', () => {
		const db = openDatabase(':memory:');
		const queued = Array.from({ length: 4 }, () => queue(db, link('jo@example.org')).length);
		expect(queued).toEqual([1, 1, 1, 0]);
	});

	it('queues at most 3 of 60 requests, however the address is typed', () => {
		const db = openDatabase(':memory:');
		for (let i = 0; i < 60; i++) queue(db, link(i % 2 ? ' JO@example.org' : 'jo@example.org'));
		expect(db.select().from(emailOutbox).all()).toHaveLength(3);
	});

	it('counts within one batch too', () => {
		const db = openDatabase(':memory:');
		const ids = queueEmails(
			db,
			Array.from({ length: 5 }, () => link('jo@example.org')),
			now,
			false,
			3
		);
		expect(ids).toHaveLength(3);
	});

	it('lets link emails through again after an hour', () => {
		const db = openDatabase(':memory:');
		for (let i = 0; i < 3; i++) queue(db, link('jo@example.org'));
		expect(queue(db, link('jo@example.org'), new Date(now.getTime() + 59 * 60_000))).toEqual([]);
		expect(
			queue(db, link('jo@example.org'), new Date(now.getTime() + 60 * 60_000 + 1))
		).toHaveLength(1);
	});

	it('does not cap other addresses or emails staff cause', () => {
		const db = openDatabase(':memory:');
		for (let i = 0; i < 3; i++) queue(db, link('jo@example.org'));
		expect(queue(db, link('sam@example.org'))).toHaveLength(1);
		expect(queue(db, link('jo@example.org', false))).toHaveLength(1);
	});
});
