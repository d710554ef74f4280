// The audit log's filters, read from the address, shared by the page and its CSV export.
import type { AuditFilters } from '$lib/server/audit';
import { datePartsOf, parseDateParts, type DateParts } from '$lib/server/shared/dateInput';
import { ukLocalToInstant } from '$lib/format';

export type AuditFilterForm = {
	filters: AuditFilters;
	values: { who: string; kind: string; from: DateParts; to: DateParts };
	errors: Record<string, string>;
	/** The same filters as a query string, for the export link and pages. */
	query: string;
};

const nextDay = (date: string) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function readAuditFilters(url: URL): AuditFilterForm {
	const params = Object.fromEntries(url.searchParams);
	const who = params.who ?? '';
	const kind = /^[a-z_]{1,40}$/.test(params.kind ?? '') ? params.kind : '';
	const values = { who, kind, from: datePartsOf(params, 'from'), to: datePartsOf(params, 'to') };
	const filters: AuditFilters = {};
	const errors: Record<string, string> = {};
	if (who === 'none') filters.actor = 'none';
	else if (/^[1-9]\d{0,9}$/.test(who)) filters.actor = Number(who);
	if (kind) filters.kind = kind;
	for (const [name, label] of [
		['from', 'the first day'],
		['to', 'the last day']
	] as const) {
		const parts = values[name];
		if (!parts.day && !parts.month && !parts.year) continue;
		const parsed = parseDateParts(parts, label);
		if (!parsed.ok) errors[`${name}-day`] = parsed.message;
		else if (name === 'from') filters.from = ukLocalToInstant(parsed.date, '00:00');
		else filters.to = ukLocalToInstant(nextDay(parsed.date), '00:00');
	}
	if (filters.from && filters.to && filters.from >= filters.to)
		errors['to-day'] = 'The last day must be the same as or after the first day';
	const query = new URLSearchParams(
		Object.entries(params).filter(([k, v]) => k !== 'page' && v !== '')
	).toString();
	return { filters, values, errors, query };
}

/** Plain words for the filters, for the export's audit record. */
export function describeAuditFilters(form: AuditFilterForm, people: Map<number, string>): string {
	const { filters } = form;
	const parts: string[] = [];
	if (filters.actor === 'none') parts.push('people not signed in');
	else if (filters.actor != null) parts.push(people.get(filters.actor) ?? `staff ${filters.actor}`);
	if (filters.kind) parts.push(`kind ${filters.kind}`);
	if (filters.from) parts.push(`from ${filters.from.toISOString().slice(0, 10)}`);
	if (filters.to) parts.push(`before ${filters.to.toISOString().slice(0, 10)}`);
	return parts.join(', ');
}
