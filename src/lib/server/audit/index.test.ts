import { describe, expect, it } from 'vitest';
import { onlyRow } from '../db';
import { staffUser } from '../db/schema';
import {
	allAuditEvents,
	auditCsvRows,
	listAuditEvents,
	listAuditKinds,
	recordAudit,
	recordDataAccess,
	type AuditFilters
} from '.';
import { openTestDatabase } from '../db/testDatabase';

const start = new Date('2026-06-04T09:00:00Z');

describe('audit log', () => {
	it('records events and lists them newest first with the actor’s name', async () => {
		const db = await openTestDatabase();
		const { id } = onlyRow(
			await db
				.insert(staffUser)
				.values({
					email: 'a@example.org',
					name: 'Alex Admin',
					role: 'admin',
					passwordHash: 'x',
					createdAt: start,
					updatedAt: start
				})
				.returning({ id: staffUser.id })
		);
		await recordAudit(
			db,
			{ action: 'sign_in.failed', summary: 'Failed sign-in', ip: '10.0.0.1' },
			start
		);
		await recordAudit(
			db,
			{
				actorStaffUserId: id,
				action: 'staff_user.created',
				subjectType: 'staff_user',
				subjectId: 7,
				summary: 'Created an account'
			},
			new Date(start.getTime() + 1000)
		);
		const { events, total, pageCount } = await listAuditEvents(db, { page: 1, pageSize: 50 });
		expect(total).toBe(2);
		expect(pageCount).toBe(1);
		expect(events.map((e) => [e.action, e.actorName, e.subjectId])).toEqual([
			['staff_user.created', 'Alex Admin', '7'],
			['sign_in.failed', null, null]
		]);
		expect(events[1].ip).toBe('10.0.0.1');
	});

	it('pages through events', async () => {
		const db = await openTestDatabase();
		for (let i = 0; i < 120; i++) {
			await recordAudit(
				db,
				{ action: 'test', summary: `Event ${i}` },
				new Date(start.getTime() + i * 1000)
			);
		}
		const first = await listAuditEvents(db, { page: 1, pageSize: 50 });
		const last = await listAuditEvents(db, { page: 3, pageSize: 50 });
		expect(first.pageCount).toBe(3);
		expect(first.events[0].summary).toBe('Event 119');
		expect(last.events).toHaveLength(20);
		expect(last.events.at(-1)?.summary).toBe('Event 0');
		expect((await listAuditEvents(db, { page: 4, pageSize: 50 })).events).toHaveLength(0);
		expect((await listAuditEvents(db, { page: -3, pageSize: 50 })).page).toBe(1);
	});
});

describe('filtering and exporting the log', () => {
	const at = (day: number) => new Date(Date.UTC(2026, 5, day, 12));
	async function setUp() {
		const db = await openTestDatabase();
		const { id } = onlyRow(
			await db
				.insert(staffUser)
				.values({
					email: 'l@example.org',
					name: 'Lee Lead',
					role: 'lead',
					passwordHash: 'x',
					createdAt: start,
					updatedAt: start
				})
				.returning({ id: staffUser.id })
		);
		await recordAudit(
			db,
			{ action: 'sign_in.failed', summary: 'Failed sign-in', ip: '10.0.0.1' },
			at(1)
		);
		await recordDataAccess(
			db,
			{
				actor: { staffUserId: id, ip: '10.0.0.2' },
				action: 'personal_data.downloaded',
				what: 'the register CSV for "Bootle"',
				rows: 12,
				subjectType: 'roadshow_session',
				subjectId: 3
			},
			at(2)
		);
		await recordDataAccess(
			db,
			{
				actor: { staffUserId: id },
				action: 'personal_data.printed',
				what: 'the printable report',
				filters: 'Parents and carers',
				rows: 1,
				subjectType: 'consultation',
				subjectId: 1
			},
			at(3)
		);
		return { db, id };
	}

	it('says who took what, with which filters and how many rows', async () => {
		const { db } = await setUp();
		expect((await listAuditEvents(db)).events.map((e) => e.summary)).toEqual([
			'Opened for printing the printable report (1 row; filters: Parents and carers)',
			'Downloaded the register CSV for "Bootle" (12 rows; no filters)',
			'Failed sign-in'
		]);
	});

	it('filters by person, kind and date', async () => {
		const { db, id } = await setUp();
		const actions = async (filters: AuditFilters) =>
			(await listAuditEvents(db, { filters })).events.map((e) => e.action);
		expect(await actions({ actor: id })).toEqual([
			'personal_data.printed',
			'personal_data.downloaded'
		]);
		expect(await actions({ actor: 'none' })).toEqual(['sign_in.failed']);
		expect(await actions({ kind: 'sign_in' })).toEqual(['sign_in.failed']);
		expect(await actions({ kind: 'sign' })).toEqual([]);
		expect(await actions({ from: at(2), to: at(3) })).toEqual(['personal_data.downloaded']);
		expect((await listAuditEvents(db, { filters: { kind: 'personal_data' } })).total).toBe(2);
		expect(await listAuditKinds(db)).toEqual(['personal_data', 'sign_in']);
	});

	it('exports the matching events with spreadsheet-safe cells', async () => {
		const { db } = await setUp();
		await recordAudit(db, { action: 'x.y', summary: '=HYPERLINK("evil")' }, at(4));
		const rows = auditCsvRows(await allAuditEvents(db, { kind: 'x' }));
		expect(rows).toEqual([
			['when', 'who', 'action', 'what', 'ip'],
			[at(4).toISOString(), 'Not signed in', 'x.y', `'=HYPERLINK("evil")`, '']
		]);
	});
});
