// The register as staff pages show it: plain words for party sizes, who booked and access needs.
import type { Booking } from '../db/schema';
import { ACCESS_NEED_LABELS } from './validation';
import type { AccessNeedTotals } from './register';
import { findBookingBursts } from './bursts';
import { formatDate, formatTime } from '../../format';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 adults, 1 child" */
export function partyLabel(b: Pick<Booking, 'adults' | 'children'>): string {
	const parts = [];
	if (b.adults > 0) parts.push(count(b.adults, 'adult', 'adults'));
	if (b.children > 0) parts.push(count(b.children, 'child', 'children'));
	return parts.join(', ');
}

export type RegisterEntry = {
	id: number;
	reference: string;
	name: string;
	bookedBy: string;
	party: string;
	places: number;
	accessNeeds: string[];
	contact: string[];
	arrived: boolean;
};

export function registerEntry(b: Booking): RegisterEntry {
	const onBehalf = b.bookedBy === 'on_behalf';
	const organisation = [b.organisationName, b.organisationRole].filter(Boolean).join(', ');
	const needs = b.accessNeeds
		.filter((n) => n !== 'none' && n !== 'other')
		.map((n) => ACCESS_NEED_LABELS[n]);
	if (b.accessNeeds.includes('other')) needs.push(`Other: ${b.accessNeedsOther ?? 'not given'}`);
	const contact = [b.email, b.phone ?? ''];
	if (onBehalf) contact.push(b.familyEmail ?? '', b.familyPhone ?? '');
	return {
		id: b.id,
		reference: b.reference,
		name: onBehalf && b.familyName ? b.familyName : b.contactName,
		bookedBy: onBehalf ? `${b.contactName}${organisation ? ` (${organisation})` : ''}` : 'Family',
		party: partyLabel(b),
		places: b.adults + b.children,
		accessNeeds: needs,
		contact: contact.filter(Boolean),
		arrived: b.attendedAt !== null
	};
}

/** Needs with at least one booking, most common first, for the venue to prepare. */
export function accessNeedSummary(totals: AccessNeedTotals): { need: string; bookings: number }[] {
	return (Object.entries(totals) as [keyof AccessNeedTotals, number][])
		.filter(([, n]) => n > 0)
		.sort((a, b) => b[1] - a[1])
		.map(([need, bookings]) => ({ need: ACCESS_NEED_LABELS[need], bookings }));
}

export type BurstView = {
	id: string;
	title: string;
	bookings: Array<RegisterEntry & { waiting: boolean; made: string }>;
};

/** The register's "made close together" groups: what they share, when, and each booking. */
export function burstsView(live: Booking[]): BurstView[] {
	const byId = new Map(live.map((b) => [b.id, b]));
	return findBookingBursts(live).map((burst, i) => {
		const shared = burst.by === 'address' ? 'from one address' : 'with one email address';
		const span =
			formatTime(burst.first) === formatTime(burst.last)
				? `at ${formatTime(burst.first)}`
				: `from ${formatTime(burst.first)} to ${formatTime(burst.last)}`;
		return {
			id: `burst-${i + 1}`,
			title: `${burst.bookingIds.length} bookings ${shared}, ${span} on ${formatDate(burst.first)}`,
			bookings: burst.bookingIds.map((id) => {
				const b = byId.get(id)!;
				return {
					...registerEntry(b),
					waiting: b.status === 'waiting',
					made: formatTime(b.createdAt)
				};
			})
		};
	});
}
