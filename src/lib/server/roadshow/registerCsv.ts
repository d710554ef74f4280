// The register as a CSV file for the venue, safe to open in a spreadsheet.
import type { Booking } from '../db/schema';
import { writeCsv } from '../shared/csv';
import type { SessionRegister } from './register';
import { ACCESS_NEED_LABELS } from './validation';

export const REGISTER_CSV_COLUMNS = [
	'reference',
	'status',
	'name',
	'organisation',
	'adults',
	'children',
	'access needs',
	'other access needs',
	'phone',
	'email',
	'arrived'
] as const;

function row(b: Booking): string[] {
	// On-behalf bookings: the family is who comes; the practitioner is who to contact.
	const name =
		b.bookedBy === 'on_behalf' && b.familyName
			? `${b.familyName} (booked by ${b.contactName})`
			: b.contactName;
	const needs = b.accessNeeds.filter((n) => n !== 'none').map((n) => ACCESS_NEED_LABELS[n]);
	const cells = [
		b.reference,
		b.status,
		name,
		b.organisationName ?? '',
		String(b.adults),
		String(b.children),
		needs.join('; '),
		b.accessNeedsOther ?? '',
		b.phone ?? '',
		b.email,
		b.attendedAt ? 'yes' : 'no'
	];
	return cells;
}

/** Confirmed bookings (by name), then the waiting list (in queue order). */
export function registerCsv(register: SessionRegister): string {
	return writeCsv([
		[...REGISTER_CSV_COLUMNS],
		...register.confirmed.map(row),
		...register.waiting.map(row)
	]);
}
