// Shared set-up for the questionnaire unit tests: an open consultation with three priorities.
import { type Db, onlyRow } from '../db';
import { consultation, priority, staffUser } from '../db/schema';
import { openTestDatabase } from '../db/testDatabase';

export const NOW = new Date('2026-06-01T09:00:00Z');

export async function testDb(values: Partial<typeof consultation.$inferInsert> = {}): Promise<{
	db: Db;
	consultationId: number;
	priorityIds: number[];
	staffUserId: number;
}> {
	const db = await openTestDatabase();
	const c = onlyRow(
		await db
			.insert(consultation)
			.values({
				slug: 'send-strategy',
				title: 'SEND strategy',
				summary: 'Have your say',
				contactEmail: 'send@example.org',
				opensOn: '2026-05-01',
				closesOn: '2026-07-31',
				publishedAt: NOW,
				createdAt: NOW,
				updatedAt: NOW,
				...values
			})
			.returning()
	);
	const priorityIds = await Promise.all(
		['Identify needs early', 'Strengthen co-production', 'Improve attendance'].map(
			async (title, i) =>
				onlyRow(
					await db
						.insert(priority)
						.values({ consultationId: c.id, position: i + 1, title })
						.returning()
				).id
		)
	);
	const staff = onlyRow(
		await db
			.insert(staffUser)
			.values({
				email: 'jo@example.org',
				name: 'Jo Murphy',
				role: 'facilitator',
				passwordHash: 'x',
				createdAt: NOW,
				updatedAt: NOW
			})
			.returning()
	);
	return { db, consultationId: c.id, priorityIds, staffUserId: staff.id };
}
