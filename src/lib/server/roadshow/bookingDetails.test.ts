import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvent, booking, emailOutbox } from '../db/schema';
import { type Db, firstRow } from '../db';
import { cancelBooking, createBooking } from './bookings';
import { changeBookingDetails, type ContactChange } from './bookingDetails';
import { notifyDetailsChanged } from './emails';
import { cancelSession } from './sessions';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

function made(result: Awaited<ReturnType<typeof createBooking>>) {
	if (result.kind !== 'booked' || !result.manageToken) throw new Error(result.kind);
	return { id: result.booking.id, token: result.manageToken };
}

const contact = (values: Partial<ContactChange> = {}): ContactChange => ({
	contactName: 'Sam Parent',
	email: 'sam@example.com',
	phone: null,
	familyName: null,
	familyEmail: null,
	familyPhone: null,
	textMessages: false,
	mobile: null,
	...values
});

const row = async (db: Db, id: number) =>
	firstRow(await db.select().from(booking).where(eq(booking.id, id)).limit(1))!;
const audits = async (db: Db) => await db.select().from(auditEvent);

describe('changeBookingDetails', () => {
	it('changes the contact details, tells the old address, and audits without the details', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const mine = made(
			await createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW)
		);
		const result = await changeBookingDetails(
			db,
			mine.token,
			contact({
				contactName: 'Sam Jones',
				email: 'sam.jones@example.com',
				textMessages: true,
				mobile: '+447700900982'
			}),
			NOW,
			'203.0.113.9'
		);
		expect(result).toMatchObject({
			kind: 'changed',
			changed: 'contact',
			previousEmail: 'sam@example.com'
		});
		expect(await row(db, mine.id)).toMatchObject({
			contactName: 'Sam Jones',
			email: 'sam.jones@example.com',
			mobile: '+447700900982',
			textMessages: true,
			// Access needs untouched by a contact change.
			accessNeeds: ['none']
		});
		const [audit] = await audits(db);
		expect(audit).toMatchObject({
			action: 'booking.contact_changed',
			ip: '203.0.113.9',
			actorStaffUserId: null
		});
		expect(audit.summary).not.toMatch(/sam|jones|07700|447700/i);

		if (result.kind !== 'changed') throw new Error(result.kind);
		expect(await notifyDetailsChanged(db, result, mine.token, 'send@example.org')).toBe(2);
		const sent = await db.select().from(emailOutbox).orderBy(emailOutbox.id);
		expect(sent.map((e) => [e.template, e.toAddress])).toEqual([
			['booking_details_changed', 'sam.jones@example.com'],
			['booking_email_changed', 'sam@example.com']
		]);
		expect(sent[0].textBody).toContain('Name: Sam Jones');
		expect(sent[0].textBody).toContain(`/bookings/manage/${mine.token}`);
		// The old address learns of the change but gets neither the link nor the new address.
		expect(sent[1].textBody).not.toContain(mine.token);
		expect(sent[1].textBody).not.toContain('sam.jones@example.com');
		expect(sent[1].textBody).toContain('send@example.org');
	});

	it('writes nothing for the same answers again (a reload or a double click)', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const mine = made(
			await createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW)
		);
		const before = await row(db, mine.id);
		expect((await changeBookingDetails(db, mine.token, contact(), NOW)).kind).toBe('unchanged');
		expect(
			(
				await changeBookingDetails(
					db,
					mine.token,
					{ accessNeeds: ['none'], accessNeedsOther: null },
					NOW
				)
			).kind
		).toBe('unchanged');
		expect(await row(db, mine.id)).toEqual(before);
		expect(await audits(db)).toHaveLength(0);
	});

	it('changes only the access needs, so a second tab changing contact details does not undo them', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const mine = made(
			await createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW)
		);
		expect(
			await changeBookingDetails(
				db,
				mine.token,
				{
					accessNeeds: ['wheelchair', 'other', 'wheelchair'],
					accessNeedsOther: 'A ramp at the side door'
				},
				NOW
			)
		).toMatchObject({ kind: 'changed', changed: 'access', previousEmail: null });
		await changeBookingDetails(db, mine.token, contact({ phone: '0151 496 0000' }), NOW);
		expect(await row(db, mine.id)).toMatchObject({
			accessNeeds: ['wheelchair', 'other'],
			accessNeedsOther: 'A ramp at the side door',
			phone: '0151 496 0000'
		});
		// "Other" unticked: its description goes too.
		await changeBookingDetails(
			db,
			mine.token,
			{ accessNeeds: ['bsl'], accessNeedsOther: 'stale' },
			NOW
		);
		expect(await row(db, mine.id)).toMatchObject({ accessNeeds: ['bsl'], accessNeedsOther: null });
		expect((await audits(db)).map((a) => a.action)).toEqual([
			'booking.access_needs_changed',
			'booking.contact_changed',
			'booking.access_needs_changed'
		]);
	});

	it("refuses another live booking's email for the same session, writing nothing", async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const mine = made(
			await createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW)
		);
		await createBooking(db, bookingInput(session.id, { email: 'alex@example.com' }), NOW);
		const before = await row(db, mine.id);
		expect(
			await changeBookingDetails(db, mine.token, contact({ email: 'ALEX@example.com' }), NOW)
		).toEqual({ kind: 'already_booked', field: 'email' });
		expect(await row(db, mine.id)).toEqual(before);
		expect(await audits(db)).toHaveLength(0);
		// Changing only the case of its own address is not a clash.
		expect(
			(await changeBookingDetails(db, mine.token, contact({ email: 'Sam@Example.com' }), NOW)).kind
		).toBe('changed');
	});

	it('keeps family details only on bookings made for a family, and says when the family email is new', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const own = made(
			await createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW)
		);
		await changeBookingDetails(
			db,
			own.token,
			contact({ familyName: 'Smuggled', familyEmail: 'x@example.com' }),
			NOW
		);
		expect(await row(db, own.id)).toMatchObject({ familyName: null, familyEmail: null });

		const school = made(
			await createBooking(
				db,
				bookingInput(session.id, {
					bookedBy: 'on_behalf',
					organisationName: 'Oak Primary School',
					organisationRole: 'SENCO',
					contactName: 'Jo Teacher',
					email: 'jo@oak.sch.uk'
				}),
				NOW
			)
		);
		const result = await changeBookingDetails(
			db,
			school.token,
			contact({
				contactName: 'Jo Teacher',
				email: 'jo@oak.sch.uk',
				familyName: 'Ali Khan',
				familyEmail: 'ali@example.com'
			}),
			NOW
		);
		expect(result).toMatchObject({
			kind: 'changed',
			previousEmail: null,
			familyEmailChanged: true
		});
		expect(await row(db, school.id)).toMatchObject({
			familyName: 'Ali Khan',
			familyEmail: 'ali@example.com'
		});
	});

	it('refuses a forged link, a cancelled booking, a cancelled session and a closed booking window', async () => {
		const { db, consultationId } = await testDb();
		const session = await addSession(db, consultationId);
		const gone = made(await createBooking(db, bookingInput(session.id), NOW));
		await cancelBooking(db, gone.token, NOW);
		const late = made(await createBooking(db, bookingInput(session.id), NOW));
		const other = await addSession(db, consultationId, { title: 'Another' });
		const called = made(await createBooking(db, bookingInput(other.id), NOW));
		await cancelSession(db, other.id, 'The venue flooded', NOW);

		expect((await changeBookingDetails(db, 'forged', contact(), NOW)).kind).toBe('not_found');
		expect((await changeBookingDetails(db, '', contact(), NOW)).kind).toBe('not_found');
		expect((await changeBookingDetails(db, gone.token, contact(), NOW)).kind).toBe(
			'booking_cancelled'
		);
		expect((await changeBookingDetails(db, called.token, contact(), NOW)).kind).toBe(
			'session_cancelled'
		);
		const afterClose = new Date(session.bookingClosesAt.getTime() + 1);
		expect((await changeBookingDetails(db, late.token, contact(), afterClose)).kind).toBe(
			'booking_closed'
		);
		expect((await audits(db)).filter((a) => a.action.startsWith('booking.'))).toHaveLength(0);
	});
});
