import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../db';
import { auditEvent, consultation, priority } from '../db/schema';
import { insertStaff } from '../auth/testing';
import { consultationStatus } from './status';
import {
	closeConsultationEarly,
	publishConsultation,
	publishProblems,
	publishTasks,
	reopenConsultation,
	transitionRefusal
} from './lifecycle';
import { ukToday } from '../../format';
import { movePriority, removePriority, updatePriority } from './manage';

const NOW = new Date('2026-06-01T09:00:00Z');
const today = ukToday(NOW);

async function setUp(values: Partial<typeof consultation.$inferInsert> = {}) {
	const db = openDatabase(':memory:');
	const staffUserId = await insertStaff(db, {
		email: 'lead@example.org',
		password: 'a long passphrase'
	});
	const c = db
		.insert(consultation)
		.values({
			slug: 'send',
			title: 'SEND strategy',
			summary: 'Have your say',
			contactEmail: 'send@example.org',
			strategyMarkdown: '# Strategy',
			opensOn: '2026-05-01',
			closesOn: '2026-07-31',
			createdAt: NOW,
			updatedAt: NOW,
			...values
		})
		.returning()
		.get();
	db.insert(priority).values({ consultationId: c.id, position: 1, title: 'Early help' }).run();
	return { db, id: c.id, actor: { staffUserId } };
}

const row = (db: Db, id: number) =>
	db.select().from(consultation).where(eq(consultation.id, id)).get()!;
const status = (db: Db, id: number, at = today) => consultationStatus(row(db, id), at);
const audits = (db: Db) => db.select().from(auditEvent).all().length;

describe('consultation lifecycle', () => {
	it('moves draft → open → closed → open, each transition changing the state', async () => {
		const { db, id, actor } = await setUp();
		expect(status(db, id)).toBe('draft');
		expect(publishConsultation(db, id, actor, NOW)).toEqual({ ok: true });
		expect(status(db, id)).toBe('open');
		expect(closeConsultationEarly(db, id, actor, NOW)).toEqual({ ok: true });
		expect(status(db, id)).toBe('closed');
		expect(row(db, id).closedEarlyAt).toEqual(NOW);
		expect(reopenConsultation(db, id, actor, NOW)).toEqual({ ok: true });
		expect(status(db, id)).toBe('open');
		expect(audits(db)).toBe(3);
	});

	it('lets one of two staff, on two connections, close (and publish) it: the other is refused, audited once', async () => {
		const { mkdtempSync, rmSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const { join } = await import('node:path');
		const dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
		try {
			const path = join(dir, 'test.db');
			const a = openDatabase(path);
			const staffUserId = await insertStaff(a, {
				email: 'l@example.org',
				password: 'a long passphrase'
			});
			const actor = { staffUserId };
			const { id } = a
				.insert(consultation)
				.values({
					slug: 'send',
					title: 'SEND strategy',
					summary: '',
					contactEmail: 'send@example.org',
					strategyMarkdown: '# Strategy',
					opensOn: '2026-05-01',
					closesOn: '2026-07-31',
					createdAt: NOW,
					updatedAt: NOW
				})
				.returning()
				.get();
			a.insert(priority).values({ consultationId: id, position: 1, title: 'Early help' }).run();
			const b = openDatabase(path);
			const published = [
				publishConsultation(a, id, actor, NOW),
				publishConsultation(b, id, actor, NOW)
			];
			expect(published.map((r) => r.ok)).toEqual([true, false]);
			const closed = [
				closeConsultationEarly(b, id, actor, NOW),
				closeConsultationEarly(a, id, actor, NOW)
			];
			expect(closed.map((r) => r.ok)).toEqual([true, false]);
			expect(closed[1]).toEqual({
				ok: false,
				errors: { form: 'Only an open or upcoming consultation can be closed early' }
			});
			expect(audits(a)).toBe(2);
			a.$client.close();
			b.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('refuses a transition from the wrong state and changes nothing, audit included', async () => {
		const { db, id, actor } = await setUp();
		const refused = (r: { ok: boolean }) => expect(r.ok).toBe(false);
		// A draft cannot be closed or reopened.
		refused(closeConsultationEarly(db, id, actor, NOW));
		refused(reopenConsultation(db, id, actor, NOW));
		expect(status(db, id)).toBe('draft');
		expect(audits(db)).toBe(0);

		publishConsultation(db, id, actor, NOW);
		const published = row(db, id);
		// Publishing again would rewrite publishedAt; reopening an open one means nothing.
		const later = new Date(NOW.getTime() + 60_000);
		expect(publishConsultation(db, id, actor, later)).toEqual({
			ok: false,
			errors: { form: 'This consultation has already been published' }
		});
		refused(reopenConsultation(db, id, actor, later));
		expect(row(db, id)).toEqual(published);

		closeConsultationEarly(db, id, actor, NOW);
		const closed = row(db, id);
		// Closing twice is refused, not audited twice.
		refused(closeConsultationEarly(db, id, actor, later));
		expect(row(db, id)).toEqual(closed);
		expect(audits(db)).toBe(2);
	});

	it('does not reopen after the response is published or the close date has passed', async () => {
		const responded = await setUp({
			publishedAt: NOW,
			closedEarlyAt: NOW,
			responsePublishedAt: NOW
		});
		expect(reopenConsultation(responded.db, responded.id, responded.actor, NOW)).toEqual({
			ok: false,
			errors: { form: 'This consultation cannot be reopened: its response has been published' }
		});
		expect(row(responded.db, responded.id).closedEarlyAt).toEqual(NOW);

		const pastDate = await setUp({ publishedAt: NOW, closedEarlyAt: NOW, closesOn: '2026-05-31' });
		expect(transitionRefusal('reopen', row(pastDate.db, pastDate.id), today)).toBe(
			'Its closing date has passed. Change the closing date to reopen it'
		);
		// Closed by its date (not early): nothing to reopen.
		expect(
			transitionRefusal('reopen', { ...row(pastDate.db, pastDate.id), closedEarlyAt: null }, today)
		).toBe('Only a consultation that was closed early can be reopened');
	});

	it('publishes only when nothing is missing, from the same list the task list shows', async () => {
		const { db, id, actor } = await setUp({ strategyMarkdown: '  ' });
		db.delete(priority).run();
		expect(publishConsultation(db, id, actor, NOW)).toEqual({
			ok: false,
			errors: {
				strategy: 'Add the draft strategy before publishing',
				priorities: 'Add at least one priority before publishing'
			}
		});
		expect(status(db, id)).toBe('draft');
		expect(Object.keys(publishProblems({ strategyMarkdown: '' }, 0))).toEqual(
			publishTasks.map((t) => t.key)
		);
		expect(publishProblems({ strategyMarkdown: 'x' }, 1)).toEqual({});
	});
});

describe('published means frozen', () => {
	it('refuses removing, reordering and renaming priorities once published, changing nothing', async () => {
		const { db, id, actor } = await setUp();
		const second = db
			.insert(priority)
			.values({ consultationId: id, position: 2, title: 'Transitions' })
			.returning()
			.get();
		const first = db.select().from(priority).where(eq(priority.position, 1)).get()!;
		// While a draft, everything may change.
		expect(movePriority(db, id, second.id, 'up', actor, NOW)).toBe('done');
		expect(movePriority(db, id, second.id, 'down', actor, NOW)).toBe('done');
		publishConsultation(db, id, actor, NOW);
		const before = db.select().from(priority).all();

		expect(removePriority(db, id, first.id, actor, NOW)).toBe('frozen');
		expect(movePriority(db, id, second.id, 'up', actor, NOW)).toBe('frozen');
		expect(
			updatePriority(
				db,
				id,
				first.id,
				{ title: 'Renamed', description: '', easyReadTitle: '' },
				actor,
				NOW
			)
		).toBe('frozen');
		expect(db.select().from(priority).all()).toEqual(before);
		// Clarifying the description keeps what it refers to.
		expect(
			updatePriority(
				db,
				id,
				first.id,
				{ title: 'Early help', description: 'Clearer', easyReadTitle: '' },
				actor,
				NOW
			)
		).toBe('done');
	});
});
