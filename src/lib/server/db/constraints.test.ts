// The database holds the model even against a write that skips the domain functions: each test
// writes a row that breaks a rule straight into SQLite and sees it refused.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '.';
import {
	answer,
	booking,
	commentPriority,
	commentTheme,
	consultation,
	emailOutbox,
	priority,
	prioritySaidDid,
	question,
	questionnaire,
	questionnaireVersion,
	response,
	roadshowNote,
	roadshowSession,
	staffUser,
	theme
} from './schema';

const sql = (db: Db, statement: string) => () => db.$client.prepare(statement).run();

const NOW = new Date('2026-06-01T09:00:00Z');

function addConsultation(db: Db, slug: string) {
	const c = db
		.insert(consultation)
		.values({
			slug,
			title: slug,
			summary: '',
			contactEmail: 'send@example.org',
			opensOn: '2026-05-01',
			closesOn: '2026-07-31',
			publishedAt: NOW,
			createdAt: NOW,
			updatedAt: NOW
		})
		.returning()
		.get();
	const priorityIds = [1, 2].map(
		(position) =>
			db
				.insert(priority)
				.values({ consultationId: c.id, position, title: `Priority ${position}` })
				.returning()
				.get().id
	);
	return { consultationId: c.id, priorityIds };
}

/** Two consultations, each with two priorities and a session; the first has a questionnaire. */
function world() {
	const db = openDatabase(':memory:');
	db.insert(staffUser)
		.values({
			email: 'l@example.org',
			name: 'L',
			role: 'lead',
			passwordHash: 'x',
			createdAt: NOW,
			updatedAt: NOW
		})
		.run();
	const { consultationId, priorityIds } = addConsultation(db, 'send');
	const other = addConsultation(db, 'another');
	const q = db
		.insert(questionnaire)
		.values({ consultationId, audience: 'parents_carers', createdAt: NOW, updatedAt: NOW })
		.returning()
		.get();
	const v = db
		.insert(questionnaireVersion)
		.values({ questionnaireId: q.id, number: 1, status: 'published', title: 'Q', createdAt: NOW })
		.returning()
		.get();
	const text = db
		.insert(question)
		.values({ versionId: v.id, position: 1, key: 'why', kind: 'text', text: 'Why?' })
		.returning()
		.get();
	const f = {
		db,
		consultationId,
		priorityIds,
		addAnswer(textValue: string) {
			const r = db
				.insert(response)
				.values({
					questionnaireId: q.id,
					versionId: v.id,
					consultationId,
					audience: 'parents_carers',
					channel: 'online',
					status: 'submitted',
					startedAt: NOW,
					lastSavedAt: NOW,
					submittedAt: NOW
				})
				.returning()
				.get();
			return db
				.insert(answer)
				.values({ responseId: r.id, questionId: text.id, textValue })
				.returning()
				.get().id;
		},
		addNote(note: string) {
			return db
				.insert(roadshowNote)
				.values({ consultationId, audience: 'parents_carers', note, createdAt: NOW })
				.returning()
				.get().id;
		}
	};
	const session = (consultationId: number) =>
		f.db
			.insert(roadshowSession)
			.values({
				consultationId,
				title: 'Drop-in',
				startsAt: NOW,
				bookingClosesAt: NOW,
				capacity: 10,
				createdAt: NOW,
				updatedAt: NOW
			})
			.returning()
			.get();
	return {
		...f,
		other,
		session: session(f.consultationId),
		otherSession: session(other.consultationId)
	};
}

const bookingRow = (sessionId: number, values: Partial<typeof booking.$inferInsert> = {}) => ({
	roadshowSessionId: sessionId,
	reference: `R${Math.random()}`,
	manageTokenHash: `h${Math.random()}`,
	idempotencyKey: `k${Math.random()}`,
	status: 'confirmed' as const,
	adults: 1,
	children: 0,
	bookedBy: 'family' as const,
	contactName: 'Sam',
	email: 'sam@example.com',
	createdAt: NOW,
	updatedAt: NOW,
	...values
});

describe('CHECK constraints', () => {
	it('refuses a booking with no adult, negative children, or an unknown status or booker', () => {
		const { db, session } = world();
		expect(() =>
			db
				.insert(booking)
				.values(bookingRow(session.id, { adults: 0, children: 3 }))
				.run()
		).toThrow(/booking_party_check/);
		expect(() =>
			db
				.insert(booking)
				.values(bookingRow(session.id, { children: -1 }))
				.run()
		).toThrow(/booking_party_check/);
		expect(() =>
			db
				.insert(booking)
				.values(bookingRow(session.id, { status: 'maybe' as 'confirmed' }))
				.run()
		).toThrow(/booking_status_check/);
		expect(() =>
			db
				.insert(booking)
				.values(bookingRow(session.id, { bookedBy: 'robot' as 'family' }))
				.run()
		).toThrow(/booking_booked_by_check/);
		expect(() =>
			db
				.insert(booking)
				.values(bookingRow(session.id, { status: 'waiting' }))
				.run()
		).toThrow(/booking_waiting_since_check/);
		// A change of places straight in SQL is held to the same rule.
		const ok = db.insert(booking).values(bookingRow(session.id)).returning().get();
		expect(sql(db, `UPDATE booking SET adults = 0 WHERE id = ${ok.id}`)).toThrow(
			/booking_party_check/
		);
		expect(db.select().from(booking).where(eq(booking.id, ok.id)).get()!.adults).toBe(1);
	});

	it('refuses a session with no places, an unknown mode, or an end before its start', () => {
		const { db, session } = world();
		expect(sql(db, `UPDATE roadshow_session SET capacity = 0 WHERE id = ${session.id}`)).toThrow(
			/roadshow_session_capacity_check/
		);
		expect(
			sql(db, `UPDATE roadshow_session SET mode = 'carrier_pigeon' WHERE id = ${session.id}`)
		).toThrow(/roadshow_session_mode_check/);
		expect(
			sql(db, `UPDATE roadshow_session SET ends_at = starts_at - 1 WHERE id = ${session.id}`)
		).toThrow(/roadshow_session_times_check/);
		expect(
			sql(db, `UPDATE roadshow_session SET ends_at = starts_at WHERE id = ${session.id}`)
		).toThrow(/roadshow_session_times_check/);
	});

	it('refuses unknown roles, audiences, channels, statuses, kinds and message codes', () => {
		const { db, consultationId, addAnswer } = world();
		addAnswer('A comment');
		expect(sql(db, `UPDATE staff_user SET role = 'superuser'`)).toThrow(/staff_user_role_check/);
		expect(sql(db, `UPDATE questionnaire SET audience = 'everyone'`)).toThrow(
			/questionnaire_audience_check/
		);
		expect(sql(db, `UPDATE questionnaire_version SET status = 'live'`)).toThrow(
			/questionnaire_version_status_check/
		);
		expect(sql(db, `UPDATE question SET kind = 'essay'`)).toThrow(/question_kind_check/);
		expect(sql(db, `UPDATE question SET text_format = 'ni_number'`)).toThrow(
			/question_text_format_check/
		);
		expect(sql(db, `UPDATE question SET max_chars = 0`)).toThrow(/question_limits_check/);
		expect(sql(db, `UPDATE response SET channel = 'fax'`)).toThrow(/response_channel_check/);
		expect(sql(db, `UPDATE response SET status = 'abandoned'`)).toThrow(/response_status_check/);
		expect(sql(db, `UPDATE response SET submitted_at = NULL WHERE status = 'submitted'`)).toThrow(
			/response_submitted_check/
		);
		db.insert(roadshowNote)
			.values({ consultationId, audience: 'parents_carers', note: 'x', createdAt: NOW })
			.run();
		expect(sql(db, `UPDATE roadshow_note SET audience = 'aliens'`)).toThrow(
			/roadshow_note_audience_check/
		);
		db.insert(emailOutbox)
			.values({
				toAddress: 'a@example.com',
				subject: 's',
				textBody: 't',
				template: 'reminder',
				bookingId: null,
				createdAt: NOW,
				transport: 'outbox'
			})
			.run();
		expect(sql(db, `UPDATE email_outbox SET status = 'lost'`)).toThrow(/email_outbox_status_check/);
		expect(sql(db, `UPDATE email_outbox SET channel = 'pager'`)).toThrow(
			/email_outbox_channel_check/
		);
		expect(sql(db, `UPDATE email_outbox SET transport = 'fax'`)).toThrow(
			/email_outbox_transport_check/
		);
		expect(sql(db, `UPDATE email_outbox SET attempts = -1`)).toThrow(/email_outbox_attempts_check/);
	});

	it('refuses consultation dates that are not dates or close before they open, and a draft that is closed', () => {
		const { db, consultationId } = world();
		expect(
			sql(db, `UPDATE consultation SET closes_on = '31/07/2026' WHERE id = ${consultationId}`)
		).toThrow(/consultation_closes_on_check/);
		expect(
			sql(db, `UPDATE consultation SET closes_on = '2026-04-30' WHERE id = ${consultationId}`)
		).toThrow(/consultation_dates_check/);
		expect(
			sql(
				db,
				`UPDATE consultation SET published_at = NULL, closed_early_at = 1 WHERE id = ${consultationId}`
			)
		).toThrow(/consultation_published_first_check/);
	});
});

describe('priority numbers', () => {
	it('refuses two priorities with the same number in one consultation, or a number below 1', () => {
		const { db, consultationId, other } = world();
		expect(() =>
			db.insert(priority).values({ consultationId, position: 1, title: 'Twin' }).run()
		).toThrow(/UNIQUE constraint failed: priority.consultation_id, priority.position/);
		expect(() =>
			db.insert(priority).values({ consultationId, position: 0, title: 'Zero' }).run()
		).toThrow(/priority_position_check/);
		// The same number in another consultation is fine.
		expect(
			db.select().from(priority).where(eq(priority.consultationId, other.consultationId)).all()
		).toHaveLength(2);
	});
});

describe('composite foreign keys: a row belongs to the consultation of what it points to', () => {
	it('refuses a response whose consultation or audience is not its questionnaire’s, or whose version is another questionnaire’s', () => {
		const f = world();
		const q = f.db.select().from(questionnaire).get()!;
		const v = f.db.select().from(questionnaireVersion).get()!;
		const row = {
			questionnaireId: q.id,
			versionId: v.id,
			consultationId: f.consultationId,
			audience: q.audience,
			channel: 'online' as const,
			status: 'in_progress' as const,
			startedAt: NOW,
			lastSavedAt: NOW
		};
		expect(() => f.db.insert(response).values(row).run()).not.toThrow();
		expect(() =>
			f.db
				.insert(response)
				.values({ ...row, consultationId: f.other.consultationId })
				.run()
		).toThrow(/FOREIGN KEY/);
		expect(() =>
			f.db
				.insert(response)
				.values({ ...row, audience: 'practitioners' })
				.run()
		).toThrow(/FOREIGN KEY/);
		const otherQ = f.db
			.insert(questionnaire)
			.values({
				consultationId: f.consultationId,
				audience: 'young_people',
				createdAt: NOW,
				updatedAt: NOW
			})
			.returning()
			.get();
		const otherV = f.db
			.insert(questionnaireVersion)
			.values({
				questionnaireId: otherQ.id,
				number: 1,
				status: 'draft',
				title: 'YP',
				createdAt: NOW
			})
			.returning()
			.get();
		expect(() =>
			f.db
				.insert(response)
				.values({ ...row, versionId: otherV.id })
				.run()
		).toThrow(/FOREIGN KEY/);
		expect(() =>
			f.db
				.insert(response)
				.values({ ...row, roadshowSessionId: f.otherSession.id })
				.run()
		).toThrow(/FOREIGN KEY/);
		expect(() =>
			f.db
				.insert(response)
				.values({ ...row, roadshowSessionId: f.session.id })
				.run()
		).not.toThrow();
	});

	it('refuses a roadshow note for another consultation’s session', () => {
		const f = world();
		const note = {
			consultationId: f.consultationId,
			audience: 'parents_carers' as const,
			note: 'x',
			createdAt: NOW
		};
		expect(() =>
			f.db
				.insert(roadshowNote)
				.values({ ...note, roadshowSessionId: f.otherSession.id })
				.run()
		).toThrow(/FOREIGN KEY/);
		expect(() =>
			f.db
				.insert(roadshowNote)
				.values({ ...note, roadshowSessionId: f.session.id })
				.run()
		).not.toThrow();
		expect(() =>
			f.db
				.insert(roadshowNote)
				.values({ ...note, roadshowSessionId: null })
				.run()
		).not.toThrow();
	});

	it('refuses comment tags and links to another consultation’s theme, priority or note', () => {
		const f = world();
		const answerId = f.addAnswer('Waiting lists are too long');
		const noteId = f.addNote('Said at the table');
		const mine = f.db
			.insert(theme)
			.values({ consultationId: f.consultationId, name: 'Waiting', createdAt: NOW })
			.returning()
			.get();
		const theirs = f.db
			.insert(theme)
			.values({ consultationId: f.other.consultationId, name: 'Waiting', createdAt: NOW })
			.returning()
			.get();
		const tag = { consultationId: f.consultationId, answerId, themeId: mine.id, taggedAt: NOW };
		expect(() => f.db.insert(commentTheme).values(tag).run()).not.toThrow();
		expect(() =>
			f.db
				.insert(commentTheme)
				.values({ ...tag, themeId: theirs.id })
				.run()
		).toThrow(/FOREIGN KEY/);
		const noteTag = {
			consultationId: f.other.consultationId,
			roadshowNoteId: noteId,
			themeId: theirs.id,
			taggedAt: NOW
		};
		expect(() => f.db.insert(commentTheme).values(noteTag).run()).toThrow(/FOREIGN KEY/);

		const link = { consultationId: f.consultationId, answerId, priorityId: f.priorityIds[1] };
		expect(() => f.db.insert(commentPriority).values(link).run()).not.toThrow();
		expect(() =>
			f.db
				.insert(commentPriority)
				.values({ ...link, priorityId: f.other.priorityIds[1] })
				.run()
		).toThrow(/FOREIGN KEY/);
		expect(() =>
			f.db
				.insert(commentPriority)
				.values({
					consultationId: f.other.consultationId,
					roadshowNoteId: noteId,
					priorityId: f.other.priorityIds[0]
				})
				.run()
		).toThrow(/FOREIGN KEY/);

		const saidDid = {
			consultationId: f.consultationId,
			priorityId: f.priorityIds[0],
			updatedAt: NOW
		};
		expect(() => f.db.insert(prioritySaidDid).values(saidDid).run()).not.toThrow();
		expect(() =>
			f.db
				.insert(prioritySaidDid)
				.values({ ...saidDid, priorityId: f.other.priorityIds[0] })
				.run()
		).toThrow(/FOREIGN KEY/);
	});

	it('still removes everything of a consultation together when it is deleted', () => {
		const f = world();
		f.addAnswer('x');
		f.addNote('y');
		f.db.delete(consultation).where(eq(consultation.id, f.consultationId)).run();
		expect(f.db.select().from(response).all()).toEqual([]);
		expect(f.db.select().from(roadshowNote).all()).toEqual([]);
		expect(
			f.db
				.select()
				.from(priority)
				.all()
				.map((p) => p.consultationId)
		).toEqual([f.other.consultationId, f.other.consultationId]);
	});
});
