import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { type Db, firstRow } from '../db';
import { auditEvent, emailOutbox, staffUser } from '../db/schema';
import {
	claimQueued,
	markFailed,
	markSent,
	queueMessages,
	retryMessage,
	STALE_CLAIM_MS,
	transportFor
} from './outbox';
import { applyReceipt, bearerTokenMatches, outcomeOfNotifyStatus } from './receipts';
import { messageState } from './state';
import { MAX_ATTEMPTS } from './retry';
import { listFailedMessages } from '.';
import { openTestDatabase } from '../db/testDatabase';

const NOW = new Date('2026-06-01T09:00:00Z');

async function queueOne(db: Db, transport: 'notify' | 'smtp' | 'outbox' = 'notify') {
	const [id] = await queueMessages(
		db,
		[
			{
				channel: 'email',
				to: 'a@example.com',
				subject: 'Hi',
				text: 'Hello',
				template: 't',
				bookingId: null
			}
		],
		NOW,
		() => transport
	);
	return id;
}
const get = async (db: Db, id: number) =>
	firstRow(await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1))!;

describe('transportFor', () => {
	it('sends everything through Notify when it is set up, email alone by SMTP, else keeps it', () => {
		const notify = { NOTIFY_API_KEY: 'k', SMTP_URL: 'smtp://x' };
		expect(['email', 'sms', 'letter'].map((c) => transportFor(c as 'email', notify))).toEqual([
			'notify',
			'notify',
			'notify'
		]);
		const smtp = { NOTIFY_API_KEY: undefined, SMTP_URL: 'smtp://x' };
		expect(['email', 'sms', 'letter'].map((c) => transportFor(c as 'email', smtp))).toEqual([
			'smtp',
			'outbox',
			'outbox'
		]);
		expect(transportFor('email', { NOTIFY_API_KEY: undefined, SMTP_URL: undefined })).toBe(
			'outbox'
		);
	});
});

describe('claiming', () => {
	it('claims a queued message once, and again only if its sender stopped mid-send', async () => {
		const db = await openTestDatabase();
		const id = await queueOne(db);
		expect((await claimQueued(db, NOW)).map((m) => m.id)).toEqual([id]);
		expect(await claimQueued(db, NOW)).toEqual([]);
		expect(await claimQueued(db, new Date(NOW.getTime() + STALE_CLAIM_MS - 1))).toEqual([]);
		const again = await claimQueued(db, new Date(NOW.getTime() + STALE_CLAIM_MS));
		expect(again).toHaveLength(1);
		expect(again[0].attempts).toBe(2);
	});

	it('never claims a message kept in the outbox, sent or failed', async () => {
		const db = await openTestDatabase();
		const kept = await queueOne(db, 'outbox');
		expect(await get(db, kept)).toMatchObject({ status: 'kept' });
		// Not even an outbox row whose status says queued (a row from before statuses existed).
		await db.update(emailOutbox).set({ status: 'queued' }).where(eq(emailOutbox.id, kept));
		const sent = await queueOne(db);
		const [claimed] = await claimQueued(db, NOW);
		await markSent(db, claimed.id, 'Hello', { providerId: 'p', status: 'sent' }, NOW);
		expect((await get(db, sent)).status).toBe('sent');
		const failing = await queueOne(db);
		for (let i = 0; i < MAX_ATTEMPTS; i++) {
			const [m] = await claimQueued(db, new Date(NOW.getTime() + 86_400_000 * (i + 1)));
			await markFailed(db, m, 'down', true, NOW);
		}
		expect(await get(db, failing)).toMatchObject({
			status: 'failed',
			attempts: MAX_ATTEMPTS,
			error: 'down'
		});
		expect(await claimQueued(db, new Date(NOW.getTime() + 365 * 86_400_000))).toEqual([]);
	});

	it('lets staff retry only a failed message, with the audit log saying who', async () => {
		const db = await openTestDatabase();
		const [staff] = await db
			.insert(staffUser)
			.values({
				email: 's@example.org',
				name: 'S',
				role: 'lead',
				passwordHash: 'x',
				createdAt: NOW,
				updatedAt: NOW
			} as typeof staffUser.$inferInsert)
			.returning();
		const id = await queueOne(db);
		expect(await retryMessage(db, id, { staffUserId: staff.id }, NOW)).toBe(false);
		const [m] = await claimQueued(db, NOW);
		await markFailed(db, m, 'No such user', false, NOW);
		expect(await listFailedMessages(db, [])).toEqual([]);
		expect(await retryMessage(db, id, { staffUserId: staff.id }, NOW)).toBe(true);
		expect(await get(db, id)).toMatchObject({ status: 'queued', attempts: 0 });
		// A second tab's retry changes nothing.
		expect(await retryMessage(db, id, { staffUserId: staff.id }, NOW)).toBe(false);
		expect(
			await db
				.select({ n: count() })
				.from(auditEvent)
				.where(eq(auditEvent.action, 'message.retried'))
		).toEqual([{ n: 1 }]);
	});
});

describe('delivery receipts', () => {
	it('maps Notify statuses for emails, texts and letters', () => {
		expect(outcomeOfNotifyStatus('delivered')).toBe('delivered');
		expect(outcomeOfNotifyStatus('received')).toBe('delivered');
		expect(outcomeOfNotifyStatus('sending')).toBe('sent');
		expect(outcomeOfNotifyStatus('permanent-failure')).toBe('failed');
		expect(outcomeOfNotifyStatus('temporary-failure')).toBe('retry');
		expect(outcomeOfNotifyStatus('technical-failure')).toBe('retry');
		expect(outcomeOfNotifyStatus('something-new')).toBe('sent');
	});

	async function sentViaNotify(db: Db) {
		const id = await queueOne(db);
		await claimQueued(db, NOW);
		await markSent(db, id, 'Hello', { providerId: `n-${id}`, status: 'sent' }, NOW);
		return id;
	}

	it('fails a message on a permanent failure and queues it again on a temporary one', async () => {
		const db = await openTestDatabase();
		const a = await sentViaNotify(db);
		expect(
			await applyReceipt(
				db,
				{ providerId: `n-${a}`, reference: String(a), status: 'permanent-failure' },
				NOW
			)
		).toBe(true);
		expect(await get(db, a)).toMatchObject({
			status: 'failed',
			providerStatus: 'permanent-failure'
		});
		expect((await get(db, a)).error).toContain('permanent-failure');
		const b = await sentViaNotify(db);
		await applyReceipt(db, { providerId: `n-${b}`, status: 'temporary-failure' }, NOW);
		expect(await get(db, b)).toMatchObject({ status: 'queued', providerId: null });
		expect((await get(db, b)).nextAttemptAt!.getTime()).toBeGreaterThan(NOW.getTime());
		expect(await applyReceipt(db, { providerId: 'unknown', status: 'delivered' }, NOW)).toBe(false);
	});

	it('checks the bearer token exactly', () => {
		const token = 'callback-token-0123456789abcdef';
		expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
		expect(bearerTokenMatches(`Bearer ${token}x`, token)).toBe(false);
		expect(bearerTokenMatches(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
		expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(false);
		expect(bearerTokenMatches(token, token)).toBe(false);
		expect(bearerTokenMatches(null, token)).toBe(false);
		// No token set up: every receipt is refused, even an empty one.
		expect(bearerTokenMatches('Bearer ', undefined)).toBe(false);
		expect(bearerTokenMatches('Bearer ', '')).toBe(false);
	});
});

describe('messageState', () => {
	const base = {
		transport: 'notify',
		channel: 'email',
		error: null,
		attempts: 1,
		nextAttemptAt: null
	} as const;
	const fmt = (d: Date) => d.toISOString();
	it('tells staff pending, sent, delivered, failed or kept', () => {
		expect(messageState({ ...base, status: 'queued' }, fmt).state).toBe('pending');
		expect(messageState({ ...base, status: 'sent' }, fmt).state).toBe('pending');
		expect(messageState({ ...base, status: 'sent', transport: 'smtp' }, fmt).state).toBe('sent');
		expect(messageState({ ...base, status: 'delivered' }, fmt).label).toBe('Delivered');
		expect(messageState({ ...base, status: 'failed', attempts: 8 }, fmt).detail).toBe(
			'Not delivered after 8 tries.'
		);
		expect(messageState({ ...base, status: 'kept', channel: 'letter' }, fmt).detail).toContain(
			'print'
		);
		expect(
			messageState({ ...base, status: 'queued', error: 'down', nextAttemptAt: NOW }, fmt).detail
		).toContain(NOW.toISOString());
	});
});
