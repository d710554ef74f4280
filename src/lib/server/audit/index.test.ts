import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { staffUser } from '../db/schema';
import { listAuditEvents, recordAudit } from '.';

const start = new Date('2026-06-04T09:00:00Z');

describe('audit log', () => {
	it('records events and lists them newest first with the actor’s name', () => {
		const db = openDatabase(':memory:');
		const { id } = db
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
			.get();
		recordAudit(db, { action: 'sign_in.failed', summary: 'Failed sign-in', ip: '10.0.0.1' }, start);
		recordAudit(
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
		const { events, total, pageCount } = listAuditEvents(db, { page: 1, pageSize: 50 });
		expect(total).toBe(2);
		expect(pageCount).toBe(1);
		expect(events.map((e) => [e.action, e.actorName, e.subjectId])).toEqual([
			['staff_user.created', 'Alex Admin', '7'],
			['sign_in.failed', null, null]
		]);
		expect(events[1].ip).toBe('10.0.0.1');
	});

	it('pages through events', () => {
		const db = openDatabase(':memory:');
		for (let i = 0; i < 120; i++) {
			recordAudit(
				db,
				{ action: 'test', summary: `Event ${i}` },
				new Date(start.getTime() + i * 1000)
			);
		}
		const first = listAuditEvents(db, { page: 1, pageSize: 50 });
		const last = listAuditEvents(db, { page: 3, pageSize: 50 });
		expect(first.pageCount).toBe(3);
		expect(first.events[0].summary).toBe('Event 119');
		expect(last.events).toHaveLength(20);
		expect(last.events.at(-1)?.summary).toBe('Event 0');
		expect(listAuditEvents(db, { page: 4, pageSize: 50 }).events).toHaveLength(0);
		expect(listAuditEvents(db, { page: -3, pageSize: 50 }).page).toBe(1);
	});
});
