// The staff view's "from" and "to" dates (GOV.UK date inputs in a GET form) as a period.
import { datePartsOf, parseDateParts, type DateParts } from '../shared/dateInput';
import { ukLocalToInstant } from '../../format';
import type { Period } from './index';

export type PeriodFilter = {
	period: Period;
	values: { from: DateParts; to: DateParts };
	errors: Record<string, string>;
	/** The query string that repeats this filter, for links and the CSV. */
	query: string;
};

function nextDay(date: string): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

const blank = (p: DateParts) => !p.day && !p.month && !p.year;

/** Dates in UK time: "from" is from its first moment, "to" until the end of that day. */
export function readPeriodFilter(search: URLSearchParams): PeriodFilter {
	const raw = Object.fromEntries(search);
	const from = datePartsOf(raw, 'from');
	const to = datePartsOf(raw, 'to');
	const errors: Record<string, string> = {};
	const period: Period = {};
	const keep = new URLSearchParams();
	if (!blank(from)) {
		const r = parseDateParts(from, 'the date to show answers from');
		if (r.ok) {
			period.from = ukLocalToInstant(r.date, '00:00');
			for (const k of ['day', 'month', 'year'] as const) keep.set(`from-${k}`, from[k]);
		} else errors['from-day'] = r.message;
	}
	if (!blank(to)) {
		const r = parseDateParts(to, 'the date to show answers to');
		if (r.ok) {
			period.until = ukLocalToInstant(nextDay(r.date), '00:00');
			for (const k of ['day', 'month', 'year'] as const) keep.set(`to-${k}`, to[k]);
		} else errors['to-day'] = r.message;
	}
	if (period.from && period.until && period.until <= period.from) {
		errors['to-day'] = 'The date to show answers to must be the same as or after the date from';
		delete period.until;
		for (const k of ['day', 'month', 'year'] as const) keep.delete(`to-${k}`);
	}
	return { period, values: { from, to }, errors, query: keep.toString() };
}
