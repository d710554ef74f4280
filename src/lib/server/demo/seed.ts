// Demo data for a first start, so a newcomer sees a real consultation straight away.
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
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

export function isEmpty(db: Db): boolean {
	const n = (table: typeof consultation | typeof staffUser) =>
		db
			.select({ n: sql<number>`count(*)` })
			.from(table)
			.get()!.n;
	return n(consultation) === 0 && n(staffUser) === 0;
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
	// Hash outside the transaction: hashing is async and transactions must not await.
	const hashes = await Promise.all(logins.map((l) => hashPassword(l.password)));

	// One transaction for the whole demo (the domain functions' own transactions nest as
	// savepoints), so a crash mid-seed leaves an empty database that seeds again next start.
	db.transaction(
		(tx) => {
			demoStaff.forEach((s, i) => {
				tx.insert(staffUser)
					.values({ ...s, passwordHash: hashes[i], createdAt: now, updatedAt: now })
					.run();
			});
			const consultations = [
				{ ...sendStrategy, opensOn: addDays(today, -7), closesOn: addDays(today, 42) },
				{ ...upcomingConsultation, opensOn: addDays(today, 21), closesOn: addDays(today, 77) },
				{ ...closedConsultation, opensOn: addDays(today, -120), closesOn: addDays(today, -60) }
			];
			const [strategyId] = consultations.map(({ priorities, ...c }) => {
				const { id } = tx
					.insert(consultation)
					.values({ ...c, publishedAt: now, createdAt: now, updatedAt: now })
					.returning({ id: consultation.id })
					.get();
				priorities.forEach((p, i) => {
					tx.insert(priority)
						.values({ ...p, consultationId: id, position: i + 1 })
						.run();
				});
				return id;
			});
			seedRoadshow(db, strategyId, now);
			publishStarterQuestionnaires(db, strategyId, now);
			seedDemoResponses(db, strategyId, now, { count: 300 });
			seedPageFeedback(db, sendStrategy.slug, now);
			seedCoreConsultations(db, now);
			seedLiaison(db, now);
		},
		{ behavior: 'immediate' }
	);
	return logins;
}
