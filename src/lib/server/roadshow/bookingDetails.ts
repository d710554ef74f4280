// Changing a booking's contact details or access needs with its manage link. Each change is one
// immediate transaction that writes only its own group of columns, so two tabs changing
// different things never undo each other. The same window as changing places: until booking
// closes, while the consultation is open.
import { eq } from 'drizzle-orm';
import { type Db, withWriteTransaction, onlyRow } from '../db';
import { recordAudit } from '../audit';
import { booking, type Booking, type RoadshowSession } from '../db/schema';
import { canChangePlaces, findForManage } from './bookings';
import { bookingStatements } from './statements';
import type { BookingDetails } from './validation';

export type ContactChange = Pick<
	BookingDetails,
	| 'contactName'
	| 'email'
	| 'phone'
	| 'familyName'
	| 'familyEmail'
	| 'familyPhone'
	| 'textMessages'
	| 'mobile'
>;
export type AccessChange = Pick<BookingDetails, 'accessNeeds' | 'accessNeedsOther'>;

export type DetailsChangeResult =
	/** previousEmail: the address the booking had, when this change replaced it (it is told). */
	| {
			kind: 'changed';
			booking: Booking;
			session: RoadshowSession;
			changed: 'contact' | 'access';
			previousEmail: string | null;
			/** A family email given or changed on a booking made for the family: they get the link. */
			familyEmailChanged: boolean;
	  }
	/** The same answers again (a reload or a double click): nothing written, nobody emailed. */
	| { kind: 'unchanged'; booking: Booking; session: RoadshowSession }
	/** The new family email already has a live booking for this session. */
	| { kind: 'already_booked'; field: 'email' | 'familyEmail' }
	| { kind: 'not_found' }
	| { kind: 'booking_cancelled' | 'session_cancelled' | 'booking_closed' };

/** The columns a change writes; family contacts belong only to on-behalf bookings. */
function columnsOf(current: Booking, change: ContactChange | AccessChange) {
	if ('accessNeeds' in change) {
		const accessNeeds = [...new Set(change.accessNeeds)];
		return {
			accessNeeds,
			accessNeedsOther: accessNeeds.includes('other') ? change.accessNeedsOther : null
		};
	}
	const onBehalf = current.bookedBy === 'on_behalf';
	return {
		contactName: change.contactName,
		email: change.email,
		phone: change.phone,
		familyName: onBehalf ? change.familyName : null,
		familyEmail: onBehalf ? change.familyEmail : null,
		familyPhone: onBehalf ? change.familyPhone : null,
		textMessages: Boolean(change.textMessages && change.mobile),
		mobile: change.textMessages ? (change.mobile ?? null) : null
	};
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes the contact details or the access needs of the booking this manage link opens.
 * ip: for the audit record of a contact change (a changed email address moves the booking's mail).
 */
export async function changeBookingDetails(
	db: Db,
	token: string,
	change: ContactChange | AccessChange,
	now: Date,
	ip: string | null = null
): Promise<DetailsChangeResult> {
	return await withWriteTransaction(db, async (tx) => {
		const found = token ? await findForManage(tx, token, now, { forUpdate: true }) : undefined;
		if (!found) return { kind: 'not_found' } as const;
		const { booking: current, session } = found;
		if (current.status === 'cancelled') return { kind: 'booking_cancelled' } as const;
		if (session.cancelledAt) return { kind: 'session_cancelled' } as const;
		if (!(await canChangePlaces(tx, session, now))) return { kind: 'booking_closed' } as const;

		const columns = columnsOf(current, change);
		const record = current as unknown as Record<string, unknown>;
		if (Object.entries(columns).every(([k, v]) => same(record[k], v)))
			return { kind: 'unchanged', booking: current, session } as const;

		// One live booking per family and session, as when booking: checked when the family's email changes.
		const familyField = current.bookedBy === 'family' ? 'email' : 'familyEmail';
		const familyEmail = (columns as Record<string, unknown>)[familyField];
		const before = String(record[familyField] ?? '').toLowerCase();
		if (
			typeof familyEmail === 'string' &&
			familyEmail !== '' &&
			familyEmail.toLowerCase() !== before
		) {
			// Prepared on the one connection, so it runs inside this transaction.
			const twins = (
				await bookingStatements(tx).liveBookingForFamily.execute({
					sessionId: session.id,
					familyEmail
				})
			).filter((b) => b.id !== current.id);
			if (twins.length) return { kind: 'already_booked', field: familyField } as const;
		}

		const updated = onlyRow(
			await tx
				.update(booking)
				.set({ ...columns, updatedAt: now })
				.where(eq(booking.id, current.id))
				.returning()
		);
		const changed = 'accessNeeds' in change ? 'access' : 'contact';
		const emailMoved = updated.email.toLowerCase() !== current.email.toLowerCase();
		await recordAudit(
			tx,
			{
				action: changed === 'access' ? 'booking.access_needs_changed' : 'booking.contact_changed',
				subjectType: 'booking',
				subjectId: current.id,
				// The reference and which details, never the details themselves.
				summary: `${changed === 'access' ? 'Access needs' : 'Contact details'} changed with the manage link for booking ${current.reference}${emailMoved ? ' (new email address)' : ''}`,
				ip
			},
			now
		);
		return {
			kind: 'changed',
			booking: updated,
			session,
			changed,
			previousEmail: emailMoved ? current.email : null,
			familyEmailChanged:
				!!updated.familyEmail &&
				updated.familyEmail.toLowerCase() !== (current.familyEmail ?? '').toLowerCase()
		} as const;
	});
}
