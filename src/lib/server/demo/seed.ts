// Demo data for a first start, so a newcomer sees a real consultation straight away.
import { count } from 'drizzle-orm';
import { type Db, firstRow, withWriteTransaction, onlyRow } from '../db';
import { consultation, priority, staffUser } from '../db/schema';
import { hashPassword, generateOneTimePassword } from '../auth/password';
import { ukToday } from '../../format';
import { closedConsultation, sendStrategy, upcomingConsultation } from './consultations';
import { addDays } from './dates';
import { seedRoadshow } from './roadshow';
import { publishStarterQuestionnaires } from '../questionnaires/authoring';
import { seedDemoResponses } from './responses';
import { seedPageFeedback } from './pageFeedback';
import { seedCoreConsultations } from './coreConsultations';
import { seedLiaison } from './liaison';
import type { Role } from '../auth/types';

export type DemoLogin = { email: string; role: Role; password: string };

const demoStaff = [
	{ email: 'admin@example.org', name: 'Alex Admin', role: 'admin' },
	{ email: 'lead@example.org', name: 'Sam Patel', role: 'lead' },
	{ email: 'facilitator@example.org', name: 'Jo Murphy', role: 'facilitator' },
	{ email: 'liaison@example.org', name: 'Priya Shah', role: 'liaison' }
] as const;

export async function isEmpty(db: Db): Promise<boolean> {
	const n = async (table: typeof consultation | typeof staffUser) =>
		firstRow(await db.select({ n: count() }).from(table).limit(1))!.n;
	return (await n(consultation)) === 0 && (await n(staffUser)) === 0;
}

/**
 * Seeds the demo into an empty database and returns the staff logins to print once.
 * `password` fixes every demo password (for tests); otherwise each is freshly generated.
 */
export async function seedDemo(
	db: Db,
	options: { now?: Date; password?: string } = {}
): Promise<DemoLogin[]> {
	const now = options.now ?? new Date();
	const today = ukToday(now);
	const logins: DemoLogin[] = demoStaff.map((s) => ({
		email: s.email,
		role: s.role,
		password: options.password ?? generateOneTimePassword()
	}));
	// Hash outside the transaction: a transaction waits on nothing but the database.
	const hashes = await Promise.all(logins.map((l) => hashPassword(l.password)));

	// One transaction for the whole demo (the domain functions' own transactions nest as
	// savepoints), so a crash mid-seed leaves an empty database that seeds again next start.
	await withWriteTransaction(db, async (tx) => {
		for (const [i, s] of demoStaff.entries())
			await tx
				.insert(staffUser)
				.values({ ...s, passwordHash: hashes[i], createdAt: now, updatedAt: now });
		const consultations = [
			{ ...sendStrategy, opensOn: addDays(today, -7), closesOn: addDays(today, 42) },
			{ ...upcomingConsultation, opensOn: addDays(today, 21), closesOn: addDays(today, 77) },
			{ ...closedConsultation, opensOn: addDays(today, -120), closesOn: addDays(today, -60) }
		];
		const ids: number[] = [];
		for (const { priorities, ...c } of consultations) {
			const { id } = onlyRow(
				await tx
					.insert(consultation)
					.values({ ...c, publishedAt: now, createdAt: now, updatedAt: now })
					.returning({ id: consultation.id })
			);
			for (const [i, p] of priorities.entries())
				await tx.insert(priority).values({ ...p, consultationId: id, position: i + 1 });
			ids.push(id);
		}
		const [strategyId] = ids;
		await seedRoadshow(tx, strategyId, now);
		await publishStarterQuestionnaires(tx, strategyId, now);
		await seedDemoResponses(tx, strategyId, now, { count: 300 });
		await seedPageFeedback(tx, sendStrategy.slug, now);
		await seedCoreConsultations(tx, now);
		await seedLiaison(tx, now);
	});
	return logins;
}
