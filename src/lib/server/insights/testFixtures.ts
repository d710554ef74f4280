// A small consultation with hand-countable answers, for the aggregation, filter and export tests.
//
// Priority 1 agreement (30 submitted responses, plus 1 unsent that must never count):
//   group audience        channel   UK day      answer              n   type of need          comment
//   A     parents_carers  online    2026-06-01  strongly_agree      5   sensory_physical
//   B     parents_carers  paper     2026-06-02  strongly_agree      5
//   C     parents_carers  online    2026-06-02  agree               7   semh                  why, theme "Waiting"
//   D     parents_carers  online    2026-06-03  disagree            5                         disagree-why, theme "Listening"
//   E     parents_carers  roadshow  2026-06-03  dont_know           1   (at the session)
//   F     practitioners   online    2026-06-02  agree               3   sensory_physical      (23:30 UTC on 1 June = 00:30 UK time on 2 June)
//   G     practitioners   online    2026-06-02  neither             2
//   H     young_people    online    2026-06-02  strongly_disagree   2
// Plus one roadshow note (parents, at the session, 2 June) on priority 1, tagged "Listening".
import { and, eq } from 'drizzle-orm';
import { type Db, onlyRow } from '../db';
import {
	answer,
	booking,
	consultation,
	priority,
	response,
	roadshowNote,
	roadshowNotePriority,
	roadshowSession,
	theme,
	commentTheme,
	question,
	questionnaire,
	questionnaireVersion,
	type Audience,
	type Channel
} from '../db/schema';
import { publishStarterQuestionnaires } from '../questionnaires/authoring';
import { openTestDatabase } from '../db/testDatabase';

export const NOW = new Date('2026-06-05T09:00:00Z');

type Group = {
	audience: Audience;
	channel: Channel;
	at: string;
	p1: string;
	need?: string[];
	why?: string;
	disagreeWhy?: string;
	count: number;
};

export const GROUPS: Record<string, Group> = {
	A: {
		audience: 'parents_carers',
		channel: 'online',
		at: '2026-06-01T10:00:00Z',
		p1: 'strongly_agree',
		need: ['sensory_physical'],
		count: 5
	},
	B: {
		audience: 'parents_carers',
		channel: 'paper',
		at: '2026-06-02T10:00:00Z',
		p1: 'strongly_agree',
		count: 5
	},
	C: {
		audience: 'parents_carers',
		channel: 'online',
		at: '2026-06-02T11:00:00Z',
		p1: 'agree',
		need: ['semh'],
		why: 'We waited too long for an assessment',
		count: 7
	},
	D: {
		audience: 'parents_carers',
		channel: 'online',
		at: '2026-06-03T10:00:00Z',
		p1: 'disagree',
		disagreeWhy: '=HYPERLINK("x") nobody listens',
		count: 5
	},
	E: {
		audience: 'parents_carers',
		channel: 'roadshow',
		at: '2026-06-03T12:00:00Z',
		p1: 'dont_know',
		count: 1
	},
	F: {
		audience: 'practitioners',
		channel: 'online',
		at: '2026-06-01T23:30:00Z',
		p1: 'agree',
		need: ['sensory_physical'],
		count: 3
	},
	G: {
		audience: 'practitioners',
		channel: 'online',
		at: '2026-06-02T09:00:00Z',
		p1: 'neither',
		count: 2
	},
	H: {
		audience: 'young_people',
		channel: 'online',
		at: '2026-06-02T15:00:00Z',
		p1: 'strongly_disagree',
		count: 2
	}
};

export type Fixture = {
	db: Db;
	consultationId: number;
	otherConsultationId: number;
	priorityIds: number[];
	sessionId: number;
	otherSessionId: number;
	themes: { waiting: number; listening: number };
};

async function addConsultation(
	db: Db,
	slug: string
): Promise<{ id: number; priorityIds: number[] }> {
	const c = onlyRow(
		await db
			.insert(consultation)
			.values({
				slug,
				title: 'SEND strategy',
				summary: 'Have your say',
				contactEmail: 'send@example.org',
				opensOn: '2026-06-01',
				closesOn: '2026-07-31',
				publishedAt: NOW,
				createdAt: NOW,
				updatedAt: NOW
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
	await publishStarterQuestionnaires(db, c.id, NOW);
	return { id: c.id, priorityIds };
}

async function addSession(db: Db, consultationId: number): Promise<number> {
	const at = new Date('2026-06-03T11:00:00Z');
	return onlyRow(
		await db
			.insert(roadshowSession)
			.values({
				consultationId,
				title: 'Bridge Chapel',
				startsAt: at,
				capacity: 20,
				bookingClosesAt: at,
				createdAt: NOW,
				updatedAt: NOW
			})
			.returning()
	).id;
}

async function questionIds(db: Db, consultationId: number): Promise<Map<string, number>> {
	const rows = await db
		.select({ audience: questionnaire.audience, key: question.key, id: question.id })
		.from(question)
		.innerJoin(
			questionnaireVersion,
			and(
				eq(questionnaireVersion.id, question.versionId),
				eq(questionnaireVersion.status, 'published')
			)
		)
		.innerJoin(questionnaire, eq(questionnaire.id, questionnaireVersion.questionnaireId))
		.where(eq(questionnaire.consultationId, consultationId));
	return new Map(rows.map((r) => [`${r.audience}/${r.key}`, r.id]));
}

async function addResponse(
	db: Db,
	consultationId: number,
	ids: Map<string, number>,
	g: Group,
	options: { status?: 'submitted' | 'in_progress'; sessionId?: number | null } = {}
): Promise<number[]> {
	const q = onlyRow(
		await db
			.select({ questionnaireId: questionnaire.id, versionId: questionnaireVersion.id })
			.from(questionnaire)
			.innerJoin(
				questionnaireVersion,
				and(
					eq(questionnaireVersion.questionnaireId, questionnaire.id),
					eq(questionnaireVersion.status, 'published')
				)
			)
			.where(
				and(
					eq(questionnaire.consultationId, consultationId),
					eq(questionnaire.audience, g.audience)
				)
			)
	);
	const at = new Date(g.at);
	const status = options.status ?? 'submitted';
	const r = onlyRow(
		await db
			.insert(response)
			.values({
				...q,
				consultationId,
				audience: g.audience,
				channel: g.channel,
				status,
				startedAt: at,
				lastSavedAt: at,
				submittedAt: status === 'submitted' ? at : null,
				roadshowSessionId: options.sessionId ?? null
			})
			.returning()
	);
	const add = async (key: string, value: string | null, textValue: string | null = null) =>
		onlyRow(
			await db
				.insert(answer)
				.values({
					responseId: r.id,
					questionId: ids.get(`${g.audience}/${key}`)!,
					value,
					textValue
				})
				.returning()
		).id;
	await add('priority-1-agree', g.p1);
	await add('priority-2-agree', 'agree');
	for (const need of g.need ?? []) await add('type-of-need', need);
	const comments: number[] = [];
	if (g.why) comments.push(await add('priority-1-why', null, g.why));
	if (g.disagreeWhy) comments.push(await add('priority-1-disagree-why', null, g.disagreeWhy));
	return comments;
}

export async function insightsFixture(): Promise<Fixture> {
	const db = await openTestDatabase();
	const main = await addConsultation(db, 'send-strategy');
	// Another consultation with answers of its own, which must never leak into the figures.
	const other = await addConsultation(db, 'short-breaks');
	const sessionId = await addSession(db, main.id);
	const otherSessionId = await addSession(db, other.id);
	const ids = await questionIds(db, main.id);
	const otherIds = await questionIds(db, other.id);
	const waiting = onlyRow(
		await db
			.insert(theme)
			.values({ consultationId: main.id, name: 'Waiting', createdAt: NOW })
			.returning()
	).id;
	const listening = onlyRow(
		await db
			.insert(theme)
			.values({ consultationId: main.id, name: 'Listening', createdAt: NOW })
			.returning()
	).id;
	const tag = async (answerId: number | null, noteId: number | null, themeId: number) =>
		await db.insert(commentTheme).values({
			consultationId: main.id,
			answerId,
			roadshowNoteId: noteId,
			themeId,
			taggedAt: NOW
		});

	for (const [name, g] of Object.entries(GROUPS)) {
		for (let i = 0; i < g.count; i++) {
			const comments = await addResponse(db, main.id, ids, g, {
				sessionId: name === 'E' ? sessionId : null
			});
			for (const c of comments) await tag(c, null, name === 'C' ? waiting : listening);
		}
	}
	await addResponse(db, main.id, ids, { ...GROUPS.A, count: 1 }, { status: 'in_progress' });
	for (let i = 0; i < 9; i++) await addResponse(db, other.id, otherIds, { ...GROUPS.H, count: 1 });

	const note = onlyRow(
		await db
			.insert(roadshowNote)
			.values({
				consultationId: main.id,
				roadshowSessionId: sessionId,
				audience: 'parents_carers',
				note: 'Parents felt unheard',
				createdAt: new Date('2026-06-02T12:00:00Z')
			})
			.returning()
	);
	await db
		.insert(roadshowNotePriority)
		.values({ noteId: note.id, priorityId: main.priorityIds[0] });
	await tag(null, note.id, listening);

	// Two bookings of 3 places; one came.
	for (const attended of [true, false]) {
		await db.insert(booking).values({
			roadshowSessionId: sessionId,
			reference: attended ? 'AAAA-1111' : 'BBBB-2222',
			idempotencyKey: attended ? 'a' : 'b',
			status: 'confirmed',
			adults: 2,
			children: 1,
			bookedBy: 'family',
			contactName: 'Sam',
			email: 'sam@example.org',
			attendedAt: attended ? NOW : null,
			createdAt: NOW,
			updatedAt: NOW
		});
	}
	return {
		db,
		consultationId: main.id,
		otherConsultationId: other.id,
		priorityIds: main.priorityIds,
		sessionId,
		otherSessionId,
		themes: { waiting, listening }
	};
}
