import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db, firstRow, onlyRow } from '../db';
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
import { openTestDatabase, testEngine } from '../db/testDatabase';

// SQLite's own: connections to one file, or its triggers and SQL; PostgreSQL's equivalents
// are in db/postgres.test.ts and the limits and db-copy tests.
const sqliteOnly = testEngine === 'postgres';

const NOW = new Date('2026-06-01T09:00:00Z');
const today = ukToday(NOW);

async function setUp(values: Partial<typeof consultation.$inferInsert> = {}) {
	const db = await openTestDatabase();
	const staffUserId = await insertStaff(db, {
		email: 'lead@example.org',
		password: 'a long passphrase'
	});
	const c = onlyRow(
		await db
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
	);
	await db.insert(priority).values({ consultationId: c.id, position: 1, title: 'Early help' });
	return { db, id: c.id, actor: { staffUserId } };
}

const row = async (db: Db, id: number) =>
	firstRow(await db.select().from(consultation).where(eq(consultation.id, id)).limit(1))!;
const status = async (db: Db, id: number, at = today) => consultationStatus(await row(db, id), at);
const audits = async (db: Db) => (await db.select().from(auditEvent)).length;

describe('consultation lifecycle', () => {
	it('moves draft → open → closed → open, each transition changing the state', async () => {
		const { db, id, actor } = await setUp();
		expect(await status(db, id)).toBe('draft');
		expect(await publishConsultation(db, id, actor, NOW)).toEqual({ ok: true });
		expect(await status(db, id)).toBe('open');
		expect(await closeConsultationEarly(db, id, actor, NOW)).toEqual({ ok: true });
		expect(await status(db, id)).toBe('closed');
		expect((await row(db, id)).closedEarlyAt).toEqual(NOW);
		expect(await reopenConsultation(db, id, actor, NOW)).toEqual({ ok: true });
		expect(await status(db, id)).toBe('open');
		expect(await audits(db)).toBe(3);
	});

	it.skipIf(sqliteOnly)(
		'lets one of two staff, on two connections, close (and publish) it: the other is refused, audited once',
		async () => {
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
				const { id } = onlyRow(
					await a
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
				);
				await a.insert(priority).values({ consultationId: id, position: 1, title: 'Early help' });
				const b = openDatabase(path);
				const published = [
					await publishConsultation(a, id, actor, NOW),
					await publishConsultation(b, id, actor, NOW)
				];
				expect(published.map((r) => r.ok)).toEqual([true, false]);
				const closed = [
					await closeConsultationEarly(b, id, actor, NOW),
					await closeConsultationEarly(a, id, actor, NOW)
				];
				expect(closed.map((r) => r.ok)).toEqual([true, false]);
				expect(closed[1]).toEqual({
					ok: false,
					errors: { form: 'Only an open or upcoming consultation can be closed early' }
				});
				expect(await audits(a)).toBe(2);
				a.$client.close();
				b.$client.close();
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	);

	it('refuses a transition from the wrong state and changes nothing, audit included', async () => {
		const { db, id, actor } = await setUp();
		const refused = (r: { ok: boolean }) => expect(r.ok).toBe(false);
		// A draft cannot be closed or reopened.
		refused(await closeConsultationEarly(db, id, actor, NOW));
		refused(await reopenConsultation(db, id, actor, NOW));
		expect(await status(db, id)).toBe('draft');
		expect(await audits(db)).toBe(0);

		await publishConsultation(db, id, actor, NOW);
		const published = await row(db, id);
		// Publishing again would rewrite publishedAt; reopening an open one means nothing.
		const later = new Date(NOW.getTime() + 60_000);
		expect(await publishConsultation(db, id, actor, later)).toEqual({
			ok: false,
			errors: { form: 'This consultation has already been published' }
		});
		refused(await reopenConsultation(db, id, actor, later));
		expect(await row(db, id)).toEqual(published);

		await closeConsultationEarly(db, id, actor, NOW);
		const closed = await row(db, id);
		// Closing twice is refused, not audited twice.
		refused(await closeConsultationEarly(db, id, actor, later));
		expect(await row(db, id)).toEqual(closed);
		expect(await audits(db)).toBe(2);
	});

	it('does not reopen after the response is published or the close date has passed', async () => {
		const responded = await setUp({
			publishedAt: NOW,
			closedEarlyAt: NOW,
			responsePublishedAt: NOW
		});
		expect(await reopenConsultation(responded.db, responded.id, responded.actor, NOW)).toEqual({
			ok: false,
			errors: { form: 'This consultation cannot be reopened: its response has been published' }
		});
		expect((await row(responded.db, responded.id)).closedEarlyAt).toEqual(NOW);

		const pastDate = await setUp({ publishedAt: NOW, closedEarlyAt: NOW, closesOn: '2026-05-31' });
		expect(transitionRefusal('reopen', await row(pastDate.db, pastDate.id), today)).toBe(
			'Its closing date has passed. Change the closing date to reopen it'
		);
		// Closed by its date (not early): nothing to reopen.
		expect(
			transitionRefusal(
				'reopen',
				{ ...(await row(pastDate.db, pastDate.id)), closedEarlyAt: null },
				today
			)
		).toBe('Only a consultation that was closed early can be reopened');
	});

	it('publishes only when nothing is missing, from the same list the task list shows', async () => {
		const { db, id, actor } = await setUp({ strategyMarkdown: '  ' });
		await db.delete(priority);
		expect(await publishConsultation(db, id, actor, NOW)).toEqual({
			ok: false,
			errors: {
				strategy: 'Add the draft strategy before publishing',
				priorities: 'Add at least one priority before publishing'
			}
		});
		expect(await status(db, id)).toBe('draft');
		expect(Object.keys(publishProblems({ strategyMarkdown: '' }, 0))).toEqual(
			publishTasks.map((t) => t.key)
		);
		expect(publishProblems({ strategyMarkdown: 'x' }, 1)).toEqual({});
	});
});

describe('published means frozen', () => {
	it('refuses removing, reordering and renaming priorities once published, changing nothing', async () => {
		const { db, id, actor } = await setUp();
		const second = onlyRow(
			await db
				.insert(priority)
				.values({ consultationId: id, position: 2, title: 'Transitions' })
				.returning()
		);
		const first = firstRow(
			await db.select().from(priority).where(eq(priority.position, 1)).limit(1)
		)!;
		// While a draft, everything may change.
		expect(await movePriority(db, id, second.id, 'up', actor, NOW)).toBe('done');
		expect(await movePriority(db, id, second.id, 'down', actor, NOW)).toBe('done');
		await publishConsultation(db, id, actor, NOW);
		const before = await db.select().from(priority);

		expect(await removePriority(db, id, first.id, actor, NOW)).toBe('frozen');
		expect(await movePriority(db, id, second.id, 'up', actor, NOW)).toBe('frozen');
		expect(
			await updatePriority(
				db,
				id,
				first.id,
				{ title: 'Renamed', description: '', easyReadTitle: '' },
				actor,
				NOW
			)
		).toBe('frozen');
		expect(await db.select().from(priority)).toEqual(before);
		// Clarifying the description keeps what it refers to.
		expect(
			await updatePriority(
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
