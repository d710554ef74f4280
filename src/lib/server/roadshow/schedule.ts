// When booking for a session closes, in UK time.
import { ukLocalToInstant, ukToday } from '../../format';

/** The calendar day before a 'YYYY-MM-DD' date. */
export function previousDay(date: string): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() - 1);
	return d.toISOString().slice(0, 10);
}

/** 6pm UK time on the day before the session, so organisers have the final numbers that evening. */
export function defaultBookingClosesAt(startsAt: Date): Date {
	return ukLocalToInstant(previousDay(ukToday(startsAt)), '18:00');
}

/**
 * 'HH:MM' from what staff type: "17:30", "5:30pm", "5.30 pm", "5pm", "midday", "midnight".
 * Without am/pm the minutes are needed, so "5" is not guessed to be morning or evening.
 */
export function parseTimeOfDay(input: string): string | null {
	const v = input.trim().toLowerCase().replace(/\s+/g, '');
	if (v === 'midday' || v === 'noon' || v === '12noon') return '12:00';
	if (v === 'midnight') return '00:00';
	const m = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(v);
	if (!m) return null;
	let hour = Number(m[1]);
	const minute = m[2] === undefined ? 0 : Number(m[2]);
	if (minute > 59) return null;
	if (m[3]) {
		if (hour < 1 || hour > 12) return null;
		hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0);
	} else if (m[2] === undefined || hour > 23) return null;
	return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
