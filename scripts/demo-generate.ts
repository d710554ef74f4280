// Fills a database with a large synthetic set of responses, for benchmarks:
//   npm run demo:generate -- --responses 100000 [--database path] [--days 30]
// Without --database it fills the database DATABASE_URL (or DATABASE_PATH) names, PostgreSQL too.
// An empty database gets the demo first (staff passwords from DEMO_PASSWORD, or printed once).
import { parseArgs } from 'node:util';
import { and, asc, desc, eq, exists, sql } from 'drizzle-orm';
import { closeDatabase, firstRow, openDatabaseAt } from '../src/lib/server/db';
import {
	consultation,
	questionnaire,
	questionnaireVersion,
	staffUser
} from '../src/lib/server/db/schema';
import { isEmpty, seedDemo } from '../src/lib/server/demo/seed';
import { ensureDemoThemes, generateLargeDataSet } from '../src/lib/server/demo/responses';
import { databaseTarget, describeDatabase } from '../src/lib/server/config';

const { values } = parseArgs({
	options: {
		responses: { type: 'string', default: '100000' },
		database: { type: 'string' },
		days: { type: 'string', default: '30' },
		seed: { type: 'string', default: '1' }
	}
});

const count = Number(values.responses);
if (!Number.isInteger(count) || count < 1) {
	console.error('--responses must be a whole number of at least 1');
	process.exit(1);
}
const databaseNamed = values.database
	? databaseTarget({ DATABASE_URL: values.database })
	: databaseTarget();
const db = await openDatabaseAt(databaseNamed);
const now = new Date();

if (await isEmpty(db)) {
	const logins = await seedDemo(db, { now, password: process.env.DEMO_PASSWORD });
	if (!process.env.DEMO_PASSWORD)
		for (const l of logins) console.log(`${l.role.padEnd(12)} ${l.email.padEnd(26)} ${l.password}`);
}

// The open demo consultation: the one with published questionnaires, opened most recently.
const target = firstRow(
	await db
		.select({ id: consultation.id, title: consultation.title })
		.from(consultation)
		.where(
			exists(
				db
					.select({ one: sql`1` })
					.from(questionnaire)
					.innerJoin(
						questionnaireVersion,
						and(
							eq(questionnaireVersion.questionnaireId, questionnaire.id),
							eq(questionnaireVersion.status, 'published')
						)
					)
					.where(eq(questionnaire.consultationId, consultation.id))
			)
		)
		.orderBy(desc(consultation.opensOn), asc(consultation.id))
		.limit(1)
);
if (!target) {
	console.error('No consultation with a published questionnaire to add responses to');
	process.exit(1);
}
const lead = firstRow(
	await db
		.select({ id: staffUser.id })
		.from(staffUser)
		.where(eq(staffUser.role, 'lead'))
		.orderBy(asc(staffUser.id))
		.limit(1)
);

const started = performance.now();
const made = await generateLargeDataSet(db, target.id, {
	count,
	now,
	days: Number(values.days),
	seed: Number(values.seed),
	tagRate: 0.3,
	themeIds: await ensureDemoThemes(db, target.id, now),
	staffUserId: lead?.id ?? null
});
const seconds = (performance.now() - started) / 1000;
await closeDatabase(db);
console.log(`database: ${describeDatabase(databaseNamed)}`);
console.log(`consultation: ${target.title} (id ${target.id})`);
console.log(`responses: ${made.responses}`);
console.log(`answers: ${made.answers}`);
console.log(`comments: ${made.comments} (${made.tags} tagged)`);
console.log(`seconds: ${seconds.toFixed(1)} (${Math.round(made.responses / seconds)} responses/s)`);
