// GOV.UK style dates and times, always in UK time (Europe/London), whatever the server's zone.
const zone = 'Europe/London';

const dateParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: zone,
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: 'numeric',
	minute: '2-digit',
	hourCycle: 'h23'
});

type Parts = {
	weekday: string;
	day: string;
	month: string;
	year: string;
	hour: number;
	minute: number;
};

// formatToParts costs microseconds a call, and pages and emails format the same few session
// times over and over: the parts of recent instants are kept (cleared when the map fills).
const recentParts = new Map<number, Parts>();

function partsOf(instant: Date): Parts {
	const ms = instant.getTime();
	let parts = recentParts.get(ms);
	if (parts) return parts;
	const p: Record<string, string> = {};
	for (const x of dateParts.formatToParts(instant)) p[x.type] = x.value;
	parts = {
		weekday: p.weekday,
		day: p.day,
		month: p.month,
		year: p.year,
		hour: Number(p.hour),
		minute: Number(p.minute)
	};
	if (recentParts.size >= 1_000) recentParts.clear();
	recentParts.set(ms, parts);
	return parts;
}

/** A calendar date 'YYYY-MM-DD' as the instant of midday UTC that day (safe in any zone). */
function calendarDate(date: string): Date {
	return new Date(`${date}T12:00:00Z`);
}

/** "Monday 4 June 2026". Takes a calendar date 'YYYY-MM-DD' or an instant. */
export function formatDate(date: string | Date): string {
	const p = partsOf(typeof date === 'string' ? calendarDate(date) : date);
	return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "4 June 2026", without the weekday. */
export function formatShortDate(date: string | Date): string {
	const p = partsOf(typeof date === 'string' ? calendarDate(date) : date);
	return `${p.day} ${p.month} ${p.year}`;
}

/** "3pm", "5:30pm", "midday", "midnight". */
export function formatTime(instant: Date): string {
	const { hour, minute } = partsOf(instant);
	if (minute === 0 && hour === 12) return 'midday';
	if (minute === 0 && hour === 0) return 'midnight';
	const h = hour % 12 === 0 ? 12 : hour % 12;
	const suffix = hour < 12 ? 'am' : 'pm';
	return minute === 0 ? `${h}${suffix}` : `${h}:${String(minute).padStart(2, '0')}${suffix}`;
}

/** "5:30pm to 6:30pm", or "from 5:30pm" without an end, so a start alone never reads as a range. */
export function formatTimeRange(start: Date, end?: Date | null): string {
	return end ? `${formatTime(start)} to ${formatTime(end)}` : `from ${formatTime(start)}`;
}

/** "Thursday 7 June 2026, 5:30pm to 6:30pm". */
export function formatSessionWhen(start: Date, end?: Date | null): string {
	return `${formatDate(start)}, ${formatTimeRange(start, end)}`;
}

/** "6pm on Thursday 4 June 2026": a deadline people plan around, with its weekday. */
export function formatDeadline(instant: Date): string {
	return `${formatTime(instant)} on ${formatDate(instant)}`;
}

/** "4 June 2026, 3:05pm", for logs and lists. */
export function formatDateTime(instant: Date): string {
	return `${formatShortDate(instant)}, ${formatTime(instant)}`;
}

// Building a formatter costs far more than using one, and ukToday runs on every saved answer.
const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: zone });

// UK time has been a whole number of hours from UTC since 1847, so the date only changes on a
// minute boundary: the last minute's answer is kept.
let today = { minute: NaN, date: '' };

/** Today's calendar date in the UK, 'YYYY-MM-DD'. */
export function ukToday(now: Date = new Date()): string {
	const minute = Math.floor(now.getTime() / 60_000);
	if (minute !== today.minute) today = { minute, date: isoDate.format(now) };
	return today.date;
}

/** The offset of UK time from UTC, in minutes, at an instant (0 in GMT, 60 in BST). */
function ukOffsetMinutes(instant: Date): number {
	const p = partsOf(instant);
	const months = [
		'January',
		'February',
		'March',
		'April',
		'May',
		'June',
		'July',
		'August',
		'September',
		'October',
		'November',
		'December'
	];
	const asUtc = Date.UTC(Number(p.year), months.indexOf(p.month), Number(p.day), p.hour, p.minute);
	return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

/** The instant of a UK wall-clock time: ukLocalToInstant('2026-06-04', '17:30'). */
export function ukLocalToInstant(date: string, time: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	const guess = Date.UTC(y, m - 1, d, hh, mm);
	// Try the offset at the guess, then re-check: this settles correctly on both sides of a clock change.
	let instant = guess - ukOffsetMinutes(new Date(guess)) * 60000;
	instant = guess - ukOffsetMinutes(new Date(instant)) * 60000;
	return new Date(instant);
}

export type UkOffsetSpan = { startMs: number; endMs: number; offsetMs: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The spans within [fromMs, toMs] when UK time is ahead of UTC (British Summer Time), found from
 * the time zone database rather than a written-down rule, to the minute. For SQL, which knows no
 * time zones: a UTC instant plus its span's offset is UK wall-clock time.
 */
export function ukOffsetSpans(fromMs: number, toMs: number): UkOffsetSpan[] {
	const offsetAt = (ms: number) => ukOffsetMinutes(new Date(ms)) * MINUTE_MS;
	// The first minute at which the offset is no longer `before`'s, between two instants a day apart.
	const change = (lo: number, hi: number) => {
		const before = offsetAt(lo);
		while (hi - lo > MINUTE_MS) {
			const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
			if (offsetAt(mid) === before) lo = mid;
			else hi = mid;
		}
		return hi;
	};
	const spans: UkOffsetSpan[] = [];
	let start = Math.floor(fromMs / MINUTE_MS) * MINUTE_MS;
	let offset = offsetAt(start);
	// Clocks change at most twice a year, never twice within a day: a daily step finds each change.
	for (let t = start; t <= toMs;) {
		const next = Math.min(t + DAY_MS, Math.max(toMs, t + MINUTE_MS));
		if (offsetAt(next) !== offset) {
			const at = change(t, next);
			if (offset !== 0) spans.push({ startMs: start, endMs: at, offsetMs: offset });
			start = at;
			offset = offsetAt(at);
		}
		t = next;
	}
	if (offset !== 0)
		spans.push({ startMs: start, endMs: Math.max(toMs, start) + 1, offsetMs: offset });
	return spans;
}

/** 'HH:MM' in UK time, for filling a time field. */
export function ukTimeOfDay(instant: Date): string {
	const { hour, minute } = partsOf(instant);
	return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
