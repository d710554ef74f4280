// The database holds the model even against a write that skips the domain functions: each test
// writes a row that breaks a rule straight into SQLite and sees it refused.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db, firstRow, onlyRow } from '.';
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
} from './schema-sqlite';

const sql = (db: Db, statement: string) => () => db.$client.prepare(statement).run();

const NOW = new Date('2026-06-01T09:00:00Z');

async function addConsultation(db: Db, slug: string) {
	const c = onlyRow(
		await db
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
	);
	const priorityIds: number[] = [];
	for (const position of [1, 2])
		priorityIds.push(
			onlyRow(
				await db
					.insert(priority)
					.values({ consultationId: c.id, position, title: `Priority ${position}` })
					.returning()
			).id
		);
	return { consultationId: c.id, priorityIds };
}

/** Two consultations, each with two priorities and a session; the first has a questionnaire. */
async function world() {
	const db = openDatabase(':memory:');
	await db.insert(staffUser).values({
		email: 'l@example.org',
		name: 'L',
		role: 'lead',
		passwordHash: 'x',
		createdAt: NOW,
		updatedAt: NOW
	});
	const { consultationId, priorityIds } = await addConsultation(db, 'send');
	const other = await addConsultation(db, 'another');
	const q = onlyRow(
		await db
			.insert(questionnaire)
			.values({ consultationId, audience: 'parents_carers', createdAt: NOW, updatedAt: NOW })
			.returning()
	);
	const v = onlyRow(
		await db
			.insert(questionnaireVersion)
			.values({ questionnaireId: q.id, number: 1, status: 'published', title: 'Q', createdAt: NOW })
			.returning()
	);
	const text = onlyRow(
		await db
			.insert(question)
			.values({ versionId: v.id, position: 1, key: 'why', kind: 'text', text: 'Why?' })
			.returning()
	);
	const f = {
		db,
		consultationId,
		priorityIds,
		async addAnswer(textValue: string) {
			const r = onlyRow(
				await db
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
			);
			return onlyRow(
				await db
					.insert(answer)
					.values({ responseId: r.id, questionId: text.id, textValue })
					.returning()
			).id;
		},
		async addNote(note: string) {
			return onlyRow(
				await db
					.insert(roadshowNote)
					.values({ consultationId, audience: 'parents_carers', note, createdAt: NOW })
					.returning()
			).id;
		}
	};
	const session = async (consultationId: number) =>
		onlyRow(
			await f.db
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
		);
	return {
		...f,
		other,
		session: await session(f.consultationId),
		otherSession: await session(other.consultationId)
	};
}

const bookingRow = (sessionId: number, values: Partial<typeof booking.$inferInsert> = {}) => ({
	roadshowSessionId: sessionId,
	reference: `R${Math.random()}`,
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
	it('refuses a booking with no adult, negative children, or an unknown status or booker', async () => {
		const { db, session } = await world();
		await expect(
			async () =>
				await db.insert(booking).values(bookingRow(session.id, { adults: 0, children: 3 }))
		).rejects.toThrow(/booking_party_check/);
		await expect(
			async () => await db.insert(booking).values(bookingRow(session.id, { children: -1 }))
		).rejects.toThrow(/booking_party_check/);
		await expect(
			async () =>
				await db.insert(booking).values(bookingRow(session.id, { status: 'maybe' as 'confirmed' }))
		).rejects.toThrow(/booking_status_check/);
		await expect(
			async () =>
				await db.insert(booking).values(bookingRow(session.id, { bookedBy: 'robot' as 'family' }))
		).rejects.toThrow(/booking_booked_by_check/);
		await expect(
			async () => await db.insert(booking).values(bookingRow(session.id, { status: 'waiting' }))
		).rejects.toThrow(/booking_waiting_since_check/);
		// A change of places straight in SQL is held to the same rule.
		const ok = onlyRow(await db.insert(booking).values(bookingRow(session.id)).returning());
		expect(sql(db, `UPDATE booking SET adults = 0 WHERE id = ${ok.id}`)).toThrow(
			/booking_party_check/
		);
		expect(
			firstRow(await db.select().from(booking).where(eq(booking.id, ok.id)).limit(1))!.adults
		).toBe(1);
	});

	it('refuses a session with no places, an unknown mode, or an end before its start', async () => {
		const { db, session } = await world();
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

	it('refuses unknown roles, audiences, channels, statuses, kinds and message codes', async () => {
		const { db, consultationId, addAnswer } = await world();
		await addAnswer('A comment');
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
		await db
			.insert(roadshowNote)
			.values({ consultationId, audience: 'parents_carers', note: 'x', createdAt: NOW });
		expect(sql(db, `UPDATE roadshow_note SET audience = 'aliens'`)).toThrow(
			/roadshow_note_audience_check/
		);
		await db.insert(emailOutbox).values({
			toAddress: 'a@example.com',
			subject: 's',
			textBody: 't',
			template: 'reminder',
			bookingId: null,
			createdAt: NOW,
			transport: 'outbox'
		});
		expect(sql(db, `UPDATE email_outbox SET status = 'lost'`)).toThrow(/email_outbox_status_check/);
		expect(sql(db, `UPDATE email_outbox SET channel = 'pager'`)).toThrow(
			/email_outbox_channel_check/
		);
		expect(sql(db, `UPDATE email_outbox SET transport = 'fax'`)).toThrow(
			/email_outbox_transport_check/
		);
		expect(sql(db, `UPDATE email_outbox SET attempts = -1`)).toThrow(/email_outbox_attempts_check/);
	});

	it('refuses consultation dates that are not dates or close before they open, and a draft that is closed', async () => {
		const { db, consultationId } = await world();
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
	it('refuses two priorities with the same number in one consultation, or a number below 1', async () => {
		const { db, consultationId, other } = await world();
		await expect(
			async () => await db.insert(priority).values({ consultationId, position: 1, title: 'Twin' })
		).rejects.toThrow(/UNIQUE constraint failed: priority.consultation_id, priority.position/);
		await expect(
			async () => await db.insert(priority).values({ consultationId, position: 0, title: 'Zero' })
		).rejects.toThrow(/priority_position_check/);
		// The same number in another consultation is fine.
		expect(
			await db.select().from(priority).where(eq(priority.consultationId, other.consultationId))
		).toHaveLength(2);
	});
});

describe('composite foreign keys: a row belongs to the consultation of what it points to', () => {
	it('refuses a response whose consultation or audience is not its questionnaire’s, or whose version is another questionnaire’s', async () => {
		const f = await world();
		const q = firstRow(await f.db.select().from(questionnaire).limit(1))!;
		const v = firstRow(await f.db.select().from(questionnaireVersion).limit(1))!;
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
		await f.db.insert(response).values(row);
		await expect(
			async () =>
				await f.db.insert(response).values({ ...row, consultationId: f.other.consultationId })
		).rejects.toThrow(/FOREIGN KEY/);
		await expect(
			async () => await f.db.insert(response).values({ ...row, audience: 'practitioners' })
		).rejects.toThrow(/FOREIGN KEY/);
		const otherQ = onlyRow(
			await f.db
				.insert(questionnaire)
				.values({
					consultationId: f.consultationId,
					audience: 'young_people',
					createdAt: NOW,
					updatedAt: NOW
				})
				.returning()
		);
		const otherV = onlyRow(
			await f.db
				.insert(questionnaireVersion)
				.values({
					questionnaireId: otherQ.id,
					number: 1,
					status: 'draft',
					title: 'YP',
					createdAt: NOW
				})
				.returning()
		);
		await expect(
			async () => await f.db.insert(response).values({ ...row, versionId: otherV.id })
		).rejects.toThrow(/FOREIGN KEY/);
		await expect(
			async () =>
				await f.db.insert(response).values({ ...row, roadshowSessionId: f.otherSession.id })
		).rejects.toThrow(/FOREIGN KEY/);
		await f.db.insert(response).values({ ...row, roadshowSessionId: f.session.id });
	});

	it('refuses a roadshow note for another consultation’s session', async () => {
		const f = await world();
		const note = {
			consultationId: f.consultationId,
			audience: 'parents_carers' as const,
			note: 'x',
			createdAt: NOW
		};
		await expect(
			async () =>
				await f.db.insert(roadshowNote).values({ ...note, roadshowSessionId: f.otherSession.id })
		).rejects.toThrow(/FOREIGN KEY/);
		await f.db.insert(roadshowNote).values({ ...note, roadshowSessionId: f.session.id });
		await f.db.insert(roadshowNote).values({ ...note, roadshowSessionId: null });
	});

	it('refuses comment tags and links to another consultation’s theme, priority or note', async () => {
		const f = await world();
		const answerId = await f.addAnswer('Waiting lists are too long');
		const noteId = await f.addNote('Said at the table');
		const mine = onlyRow(
			await f.db
				.insert(theme)
				.values({ consultationId: f.consultationId, name: 'Waiting', createdAt: NOW })
				.returning()
		);
		const theirs = onlyRow(
			await f.db
				.insert(theme)
				.values({ consultationId: f.other.consultationId, name: 'Waiting', createdAt: NOW })
				.returning()
		);
		const tag = { consultationId: f.consultationId, answerId, themeId: mine.id, taggedAt: NOW };
		await f.db.insert(commentTheme).values(tag);
		await expect(
			async () => await f.db.insert(commentTheme).values({ ...tag, themeId: theirs.id })
		).rejects.toThrow(/FOREIGN KEY/);
		const noteTag = {
			consultationId: f.other.consultationId,
			roadshowNoteId: noteId,
			themeId: theirs.id,
			taggedAt: NOW
		};
		await expect(async () => await f.db.insert(commentTheme).values(noteTag)).rejects.toThrow(
			/FOREIGN KEY/
		);

		const link = { consultationId: f.consultationId, answerId, priorityId: f.priorityIds[1] };
		await f.db.insert(commentPriority).values(link);
		await expect(
			async () =>
				await f.db.insert(commentPriority).values({ ...link, priorityId: f.other.priorityIds[1] })
		).rejects.toThrow(/FOREIGN KEY/);
		await expect(
			async () =>
				await f.db.insert(commentPriority).values({
					consultationId: f.other.consultationId,
					roadshowNoteId: noteId,
					priorityId: f.other.priorityIds[0]
				})
		).rejects.toThrow(/FOREIGN KEY/);

		const saidDid = {
			consultationId: f.consultationId,
			priorityId: f.priorityIds[0],
			updatedAt: NOW
		};
		await f.db.insert(prioritySaidDid).values(saidDid);
		await expect(
			async () =>
				await f.db
					.insert(prioritySaidDid)
					.values({ ...saidDid, priorityId: f.other.priorityIds[0] })
		).rejects.toThrow(/FOREIGN KEY/);
	});

	it('still removes everything of a consultation together when it is deleted', async () => {
		const f = await world();
		await f.addAnswer('x');
		await f.addNote('y');
		await f.db.delete(consultation).where(eq(consultation.id, f.consultationId));
		expect(await f.db.select().from(response)).toEqual([]);
		expect(await f.db.select().from(roadshowNote)).toEqual([]);
		expect((await f.db.select().from(priority)).map((p) => p.consultationId)).toEqual([
			f.other.consultationId,
			f.other.consultationId
		]);
	});
});
