// GOV.UK date input ("day", "month", "year" boxes) parsing with the Design System's error wording.
export type DateParts = { day: string; month: string; year: string };

export type DateResult = { ok: true; date: string } | { ok: false; message: string };

const monthNames = [
	'jan',
	'feb',
	'mar',
	'apr',
	'may',
	'jun',
	'jul',
	'aug',
	'sep',
	'oct',
	'nov',
	'dec'
];

function monthNumber(raw: string): number {
	const named = monthNames.indexOf(raw.slice(0, 3).toLowerCase());
	return named >= 0 && /^[a-z]+$/i.test(raw) ? named + 1 : Number(raw);
}

/** Reads `${name}-day`, `${name}-month` and `${name}-year` from posted values. */
export function datePartsOf(values: Record<string, unknown>, name: string): DateParts {
	const get = (k: string) => String(values[`${name}-${k}`] ?? '').trim();
	return { day: get('day'), month: get('month'), year: get('year') };
}

/** 'YYYY-MM-DD' back into boxes, for editing. */
export function dateToParts(date: string | null | undefined): DateParts {
	if (!date) return { day: '', month: '', year: '' };
	const [year, month, day] = date.split('-');
	return { day: String(Number(day)), month: String(Number(month)), year };
}

/** Validates one date input; `label` completes "Enter {label}", e.g. "the date the consultation opens". */
export function parseDateParts(parts: DateParts, label: string): DateResult {
	const missing = (['day', 'month', 'year'] as const).filter((k) => parts[k] === '');
	if (missing.length === 3) return { ok: false, message: `Enter ${label}` };
	if (missing.length > 0) {
		const capital = label.charAt(0).toUpperCase() + label.slice(1);
		return { ok: false, message: `${capital} must include a ${missing.join(' and ')}` };
	}
	const day = Number(parts.day);
	const month = monthNumber(parts.month);
	const year = Number(parts.year);
	const capital = label.charAt(0).toUpperCase() + label.slice(1);
	if (![day, month, year].every(Number.isInteger))
		return { ok: false, message: `${capital} must be a real date` };
	if (parts.year.length !== 4) return { ok: false, message: 'Year must include 4 numbers' };
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
		return { ok: false, message: `${capital} must be a real date` };
	}
	if (year < 2000 || year > 2100)
		return { ok: false, message: `${capital} must be between 2000 and 2100` };
	return { ok: true, date: d.toISOString().slice(0, 10) };
}
