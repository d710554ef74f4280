// Shared set-up for the coding and "You said, we did" unit tests: a consultation with two
// priorities, a text question informing the first, submitted answers and a roadshow note.
import { openDatabase, type Db } from '../db';
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
	) => number;
	addNote: (text: string, audience?: Audience) => number;
};

export function addConsultation(
	db: Db,
	slug: string,
	values: Partial<typeof consultation.$inferInsert> = {}
) {
	const c = db
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
		.get();
	const priorityIds = ['Identify needs early', 'Strengthen co-production'].map(
		(title, i) =>
			db
				.insert(priority)
				.values({ consultationId: c.id, position: i + 1, title })
				.returning()
				.get().id
	);
	return { consultationId: c.id, priorityIds };
}

export function codingFixture(
	db = openDatabase(':memory:'),
	slug = 'send-strategy',
	values: Partial<typeof consultation.$inferInsert> = {}
): CodingFixture {
	const { consultationId, priorityIds } = addConsultation(db, slug, values);
	const staff =
		db.select().from(staffUser).get() ??
		db
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
			.get();
	const byAudience = new Map<
		Audience,
		{ questionnaireId: number; versionId: number; questionId: number }
	>();
	const forAudience = (audience: Audience) => {
		const known = byAudience.get(audience);
		if (known) return known;
		const q = db
			.insert(questionnaire)
			.values({ consultationId, audience, createdAt: NOW, updatedAt: NOW })
			.returning()
			.get();
		const v = db
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
			.get();
		const text = db
			.insert(question)
			.values({
				versionId: v.id,
				position: 1,
				key: 'priority-1-why',
				kind: 'text',
				text: 'Why do you say that?'
			})
			.returning()
			.get();
		db.insert(questionPriority).values({ questionId: text.id, priorityId: priorityIds[0] }).run();
		const made = { questionnaireId: q.id, versionId: v.id, questionId: text.id };
		byAudience.set(audience, made);
		return made;
	};
	const { questionId } = forAudience('parents_carers');
	return {
		db,
		consultationId,
		priorityIds,
		questionId,
		actor: { staffUserId: staff.id },
		addAnswer(
			text,
			{ audience = 'parents_carers', channel = 'online', status = 'submitted', at = NOW } = {}
		) {
			const made = forAudience(audience);
			const r = db
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
				.get();
			return db
				.insert(answer)
				.values({ responseId: r.id, questionId: made.questionId, textValue: text })
				.returning()
				.get().id;
		},
		addNote(text, audience = 'parents_carers') {
			return db
				.insert(roadshowNote)
				.values({ consultationId, audience, note: text, createdAt: NOW })
				.returning()
				.get().id;
		}
	};
}
