import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvent, booking, emailOutbox } from '../db/schema';
import type { Db } from '../db';
import { cancelBooking, createBooking } from './bookings';
import { changeBookingDetails, type ContactChange } from './bookingDetails';
import { notifyDetailsChanged } from './emails';
import { cancelSession } from './sessions';
import { NOW, addSession, bookingInput, testDb } from './testFixtures';

function made(result: ReturnType<typeof createBooking>) {
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

const row = (db: Db, id: number) => db.select().from(booking).where(eq(booking.id, id)).get()!;
const audits = (db: Db) => db.select().from(auditEvent).all();

describe('changeBookingDetails', () => {
	it('changes the contact details, tells the old address, and audits without the details', async () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const mine = made(
			createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW)
		);
		const result = changeBookingDetails(
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
		expect(row(db, mine.id)).toMatchObject({
			contactName: 'Sam Jones',
			email: 'sam.jones@example.com',
			mobile: '+447700900982',
			textMessages: true,
			// Access needs untouched by a contact change.
			accessNeeds: ['none']
		});
		const [audit] = audits(db);
		expect(audit).toMatchObject({
			action: 'booking.contact_changed',
			ip: '203.0.113.9',
			actorStaffUserId: null
		});
		expect(audit.summary).not.toMatch(/sam|jones|07700|447700/i);

		if (result.kind !== 'changed') throw new Error(result.kind);
		expect(await notifyDetailsChanged(db, result, mine.token, 'send@example.org')).toBe(2);
		const sent = db.select().from(emailOutbox).orderBy(emailOutbox.id).all();
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

	it('writes nothing for the same answers again (a reload or a double click)', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const mine = made(
			createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW)
		);
		const before = row(db, mine.id);
		expect(changeBookingDetails(db, mine.token, contact(), NOW).kind).toBe('unchanged');
		expect(
			changeBookingDetails(db, mine.token, { accessNeeds: ['none'], accessNeedsOther: null }, NOW)
				.kind
		).toBe('unchanged');
		expect(row(db, mine.id)).toEqual(before);
		expect(audits(db)).toHaveLength(0);
	});

	it('changes only the access needs, so a second tab changing contact details does not undo them', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const mine = made(
			createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW)
		);
		expect(
			changeBookingDetails(
				db,
				mine.token,
				{
					accessNeeds: ['wheelchair', 'other', 'wheelchair'],
					accessNeedsOther: 'A ramp at the side door'
				},
				NOW
			)
		).toMatchObject({ kind: 'changed', changed: 'access', previousEmail: null });
		changeBookingDetails(db, mine.token, contact({ phone: '0151 496 0000' }), NOW);
		expect(row(db, mine.id)).toMatchObject({
			accessNeeds: ['wheelchair', 'other'],
			accessNeedsOther: 'A ramp at the side door',
			phone: '0151 496 0000'
		});
		// "Other" unticked: its description goes too.
		changeBookingDetails(db, mine.token, { accessNeeds: ['bsl'], accessNeedsOther: 'stale' }, NOW);
		expect(row(db, mine.id)).toMatchObject({ accessNeeds: ['bsl'], accessNeedsOther: null });
		expect(audits(db).map((a) => a.action)).toEqual([
			'booking.access_needs_changed',
			'booking.contact_changed',
			'booking.access_needs_changed'
		]);
	});

	it("refuses another live booking's email for the same session, writing nothing", () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const mine = made(
			createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW)
		);
		createBooking(db, bookingInput(session.id, { email: 'alex@example.com' }), NOW);
		const before = row(db, mine.id);
		expect(
			changeBookingDetails(db, mine.token, contact({ email: 'ALEX@example.com' }), NOW)
		).toEqual({ kind: 'already_booked', field: 'email' });
		expect(row(db, mine.id)).toEqual(before);
		expect(audits(db)).toHaveLength(0);
		// Changing only the case of its own address is not a clash.
		expect(
			changeBookingDetails(db, mine.token, contact({ email: 'Sam@Example.com' }), NOW).kind
		).toBe('changed');
	});

	it('keeps family details only on bookings made for a family, and says when the family email is new', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const own = made(
			createBooking(db, bookingInput(session.id, { email: 'sam@example.com' }), NOW)
		);
		changeBookingDetails(
			db,
			own.token,
			contact({ familyName: 'Smuggled', familyEmail: 'x@example.com' }),
			NOW
		);
		expect(row(db, own.id)).toMatchObject({ familyName: null, familyEmail: null });

		const school = made(
			createBooking(
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
		const result = changeBookingDetails(
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
		expect(row(db, school.id)).toMatchObject({
			familyName: 'Ali Khan',
			familyEmail: 'ali@example.com'
		});
	});

	it('refuses a forged link, a cancelled booking, a cancelled session and a closed booking window', () => {
		const { db, consultationId } = testDb();
		const session = addSession(db, consultationId);
		const gone = made(createBooking(db, bookingInput(session.id), NOW));
		cancelBooking(db, gone.token, NOW);
		const late = made(createBooking(db, bookingInput(session.id), NOW));
		const other = addSession(db, consultationId, { title: 'Another' });
		const called = made(createBooking(db, bookingInput(other.id), NOW));
		cancelSession(db, other.id, 'The venue flooded', NOW);

		expect(changeBookingDetails(db, 'forged', contact(), NOW).kind).toBe('not_found');
		expect(changeBookingDetails(db, '', contact(), NOW).kind).toBe('not_found');
		expect(changeBookingDetails(db, gone.token, contact(), NOW).kind).toBe('booking_cancelled');
		expect(changeBookingDetails(db, called.token, contact(), NOW).kind).toBe('session_cancelled');
		const afterClose = new Date(session.bookingClosesAt.getTime() + 1);
		expect(changeBookingDetails(db, late.token, contact(), afterClose).kind).toBe('booking_closed');
		expect(audits(db).filter((a) => a.action.startsWith('booking.'))).toHaveLength(0);
	});
});
