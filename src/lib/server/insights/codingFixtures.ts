// Shared set-up for the coding and "You said, we did" unit tests: a consultation with two
// priorities, a text question informing the first, submitted answers and a roadshow note.
import { type Db, firstRow, onlyRow } from '../db';
import {
	answer,
	consultation,
	priority,
	question,
	questionPriority,
	questionnaire,
	questionnaireVersion,
	response,
	roadshowNote,
	staffUser,
	type Audience,
	type Channel
} from '../db/schema';
import { openTestDatabase } from '../db/testDatabase';

export const NOW = new Date('2026-06-01T09:00:00Z');

export type CodingFixture = {
	db: Db;
	consultationId: number;
	priorityIds: number[];
	questionId: number;
	actor: { staffUserId: number };
	addAnswer: (
		text: string,
		options?: {
			audience?: Audience;
			channel?: Channel;
			status?: 'submitted' | 'in_progress';
			at?: Date;
		}
	) => Promise<number>;
	addNote: (text: string, audience?: Audience) => Promise<number>;
};

export async function addConsultation(
	db: Db,
	slug: string,
	values: Partial<typeof consultation.$inferInsert> = {}
) {
	const c = onlyRow(
		await db
			.insert(consultation)
			.values({
				slug,
				title: `Consultation ${slug}`,
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
	const priorityIds: number[] = [];
	for (const [i, title] of ['Identify needs early', 'Strengthen co-production'].entries())
		priorityIds.push(
			onlyRow(
				await db
					.insert(priority)
					.values({ consultationId: c.id, position: i + 1, title })
					.returning()
			).id
		);
	return { consultationId: c.id, priorityIds };
}

export async function codingFixture(
	given?: Db,
	slug = 'send-strategy',
	values: Partial<typeof consultation.$inferInsert> = {}
): Promise<CodingFixture> {
	const db = given ?? (await openTestDatabase());
	const { consultationId, priorityIds } = await addConsultation(db, slug, values);
	const staff =
		firstRow(await db.select().from(staffUser).limit(1)) ??
		onlyRow(
			await db
				.insert(staffUser)
				.values({
					email: 'sam@example.org',
					name: 'Sam Patel',
					role: 'lead',
					passwordHash: 'x',
					createdAt: NOW,
					updatedAt: NOW
				})
				.returning()
		);
	const byAudience = new Map<
		Audience,
		{ questionnaireId: number; versionId: number; questionId: number }
	>();
	const forAudience = async (audience: Audience) => {
		const known = byAudience.get(audience);
		if (known) return known;
		const q = onlyRow(
			await db
				.insert(questionnaire)
				.values({ consultationId, audience, createdAt: NOW, updatedAt: NOW })
				.returning()
		);
		const v = onlyRow(
			await db
				.insert(questionnaireVersion)
				.values({
					questionnaireId: q.id,
					number: 1,
					status: 'published',
					title: 'Have your say',
					createdAt: NOW,
					publishedAt: NOW
				})
				.returning()
		);
		const text = onlyRow(
			await db
				.insert(question)
				.values({
					versionId: v.id,
					position: 1,
					key: 'priority-1-why',
					kind: 'text',
					text: 'Why do you say that?'
				})
				.returning()
		);
		await db.insert(questionPriority).values({ questionId: text.id, priorityId: priorityIds[0] });
		const made = { questionnaireId: q.id, versionId: v.id, questionId: text.id };
		byAudience.set(audience, made);
		return made;
	};
	const { questionId } = await forAudience('parents_carers');
	return {
		db,
		consultationId,
		priorityIds,
		questionId,
		actor: { staffUserId: staff.id },
		async addAnswer(
			text,
			{ audience = 'parents_carers', channel = 'online', status = 'submitted', at = NOW } = {}
		) {
			const made = await forAudience(audience);
			const r = onlyRow(
				await db
					.insert(response)
					.values({
						questionnaireId: made.questionnaireId,
						versionId: made.versionId,
						consultationId,
						audience,
						channel,
						status,
						startedAt: at,
						lastSavedAt: at,
						submittedAt: status === 'submitted' ? at : null
					})
					.returning()
			);
			return onlyRow(
				await db
					.insert(answer)
					.values({ responseId: r.id, questionId: made.questionId, textValue: text })
					.returning()
			).id;
		},
		async addNote(text, audience = 'parents_carers') {
			return onlyRow(
				await db
					.insert(roadshowNote)
					.values({ consultationId, audience, note: text, createdAt: NOW })
					.returning()
			).id;
		}
	};
}
