// Priority numbers are unique in a consultation (a database rule): reordering and removing
// still work whatever order the rows were made in.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, firstRow, onlyRow } from '../db';
import { consultation, priority, staffUser } from '../db/schema';
import { addPriority, movePriority, removePriority } from './manage';
import { openTestDatabase } from '../db/testDatabase';

const NOW = new Date('2026-06-01T09:00:00Z');

async function addConsultation(db: ReturnType<typeof openDatabase>) {
	const c = onlyRow(
		await db
			.insert(consultation)
			.values({
				slug: 'draft',
				title: 'Draft',
				summary: '',
				contactEmail: 'send@example.org',
				opensOn: '2026-05-01',
				closesOn: '2026-07-31',
				createdAt: NOW,
				updatedAt: NOW
			})
			.returning()
	);
	for (const [i, title] of ['Identify needs early', 'Strengthen co-production'].entries())
		await db.insert(priority).values({ consultationId: c.id, position: i + 1, title });
	return { consultationId: c.id };
}

describe('priority numbers of a draft', () => {
	it('still reorders and removes a draft consultation priorities in any order', async () => {
		const db = await openTestDatabase();
		const { consultationId } = await addConsultation(db);
		const actor = { staffUserId: null as unknown as number, ip: '127.0.0.1' };
		await db.insert(staffUser).values({
			email: 'l@example.org',
			name: 'L',
			role: 'lead',
			passwordHash: 'x',
			createdAt: NOW,
			updatedAt: NOW
		});
		actor.staffUserId = firstRow(await db.select().from(staffUser).limit(1))!.id;
		for (const title of ['Three', 'Four', 'Five'])
			await addPriority(
				db,
				consultationId,
				{ title, description: '', easyReadTitle: '' },
				actor,
				NOW
			);
		const titles = async () =>
			(
				await db
					.select()
					.from(priority)
					.where(eq(priority.consultationId, consultationId))
					.orderBy(priority.position)
			).map((p) => [p.position, p.title]);
		const id = async (title: string) =>
			(await db.select().from(priority)).find((p) => p.title === title)!.id;
		// Move the last to the top, so numbers no longer follow ids.
		for (let i = 0; i < 4; i++)
			expect(await movePriority(db, consultationId, await id('Five'), 'up', actor, NOW)).toBe(
				'done'
			);
		expect(
			await movePriority(
				db,
				consultationId,
				await id('Strengthen co-production'),
				'down',
				actor,
				NOW
			)
		).toBe('done');
		expect(await titles()).toEqual([
			[1, 'Five'],
			[2, 'Identify needs early'],
			[3, 'Three'],
			[4, 'Strengthen co-production'],
			[5, 'Four']
		]);
		expect(
			await removePriority(db, consultationId, await id('Identify needs early'), actor, NOW)
		).toBe('done');
		expect(await titles()).toEqual([
			[1, 'Five'],
			[2, 'Three'],
			[3, 'Strengthen co-production'],
			[4, 'Four']
		]);
	});
});
