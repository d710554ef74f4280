// Staff form for a roadshow session, with GOV.UK error messages keyed by field id.
// Dates use the GOV.UK date input: fields date-day, date-month, date-year.
import { z } from 'zod';
import { formatTime, ukLocalToInstant, ukToday } from '../../format';
import type { RoadshowSession } from '../db/schema';
import { defaultBookingClosesAt, parseTimeOfDay } from './schedule';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const str = z.preprocess(first, z.string().trim().optional()).transform((v) => v ?? '');
const checkbox = z.preprocess(first, z.string().optional()).transform((v) => v === 'yes');

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;

/** "l1 1jd" or "L11JD" → "L1 1JD". */
function formatPostcode(v: string): string {
	const compact = v.replace(/\s+/g, '').toUpperCase();
	return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** 'YYYY-MM-DD' if day, month and year make a real date, else null. */
export function calendarDateFrom(day: string, month: string, year: string): string | null {
	if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
	const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	if (
		d.getUTCFullYear() !== Number(year) ||
		d.getUTCMonth() !== Number(month) - 1 ||
		d.getUTCDate() !== Number(day)
	)
		return null;
	return d.toISOString().slice(0, 10);
}

export const sessionFormSchema = z
	.object({
		title: str,
		audienceLabel: str,
		mode: str,
		venueName: str,
		address: str,
		postcode: str,
		area: str,
		joiningLink: str,
		'date-day': str,
		'date-month': str,
		'date-year': str,
		startTime: str,
		endTime: str,
		capacity: str,
		'closes-day': str,
		'closes-month': str,
		'closes-year': str,
		closesTime: str,
		stepFreeAccess: checkbox,
		hearingLoop: checkbox,
		parking: str,
		quietRoom: checkbox,
		accessibilityNotes: str,
		childrenWelcome: checkbox
	})
	.transform((v, ctx) => {
		const issue = (path: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		const tooLong = (path: string, value: string, max: number, what: string) => {
			if (value.length > max) issue(path, `${what} must be ${max} characters or less`);
		};

		if (!v.title) issue('title', 'Enter a title for the session');
		tooLong('title', v.title, 200, 'Title');
		if (!v.audienceLabel)
			issue('audienceLabel', 'Enter who the session is for, like Parents/Carers');
		tooLong('audienceLabel', v.audienceLabel, 100, 'Who the session is for');

		if (v.mode !== 'in_person' && v.mode !== 'online')
			issue('mode', 'Select whether the session is in person or online');
		const mode: 'in_person' | 'online' = v.mode === 'online' ? 'online' : 'in_person';
		const inPerson = mode === 'in_person';
		if (inPerson) {
			if (!v.venueName) issue('venueName', 'Enter the name of the venue');
			if (!v.address) issue('address', 'Enter the address of the venue');
			if (!v.postcode) issue('postcode', 'Enter the postcode of the venue');
			else if (!POSTCODE.test(v.postcode))
				issue('postcode', 'Enter a full UK postcode, like L1 1JD');
		} else if (!v.joiningLink) issue('joiningLink', 'Enter the joining link');
		else if (!/^https:\/\/[^\s]+$/.test(v.joiningLink))
			issue('joiningLink', 'Enter a joining link that starts with https://');
		tooLong('venueName', v.venueName, 200, 'Venue name');
		tooLong('address', v.address, 500, 'Address');
		tooLong('area', v.area, 100, 'Area');
		tooLong('joiningLink', v.joiningLink, 500, 'Joining link');

		const dateGiven = v['date-day'] || v['date-month'] || v['date-year'];
		const date = calendarDateFrom(v['date-day'], v['date-month'], v['date-year']);
		if (!dateGiven) issue('date-day', 'Enter the date of the session');
		else if (!date) issue('date-day', 'Date of the session must be a real date, like 4 6 2026');

		const start = v.startTime ? parseTimeOfDay(v.startTime) : null;
		if (!v.startTime) issue('startTime', 'Enter the start time');
		else if (!start)
			issue('startTime', 'Enter the start time in the correct format, like 5:30pm or 17:30');
		const end = v.endTime ? parseTimeOfDay(v.endTime) : null;
		if (v.endTime && !end)
			issue('endTime', 'Enter the end time in the correct format, like 6:30pm or 18:30');

		let capacity = 0;
		if (!v.capacity) issue('capacity', 'Enter the number of places');
		else if (!/^\d+$/.test(v.capacity))
			issue('capacity', 'Number of places must be a whole number, like 30');
		else if ((capacity = Number(v.capacity)) < 1 || capacity > 1000)
			issue('capacity', 'Number of places must be between 1 and 1000');

		const startsAt = date && start ? ukLocalToInstant(date, start) : null;
		const endsAt = date && end ? ukLocalToInstant(date, end) : null;
		if (startsAt && endsAt && endsAt <= startsAt)
			issue('endTime', 'End time must be after the start time');

		// Blank close date and time: the default, the evening before.
		let bookingClosesAt: Date | null = null;
		const closesGiven = v['closes-day'] || v['closes-month'] || v['closes-year'] || v.closesTime;
		if (closesGiven) {
			const closesDate = calendarDateFrom(v['closes-day'], v['closes-month'], v['closes-year']);
			const closesTime = v.closesTime ? parseTimeOfDay(v.closesTime) : '23:59';
			if (!closesDate)
				issue('closes-day', 'Date booking closes must be a real date, like 3 6 2026');
			if (!closesTime)
				issue(
					'closesTime',
					'Enter the time booking closes in the correct format, like 6pm or 18:00'
				);
			if (closesDate && closesTime) {
				bookingClosesAt = ukLocalToInstant(closesDate, closesTime);
				if (startsAt && bookingClosesAt > startsAt)
					issue('closes-day', 'Booking must close before the session starts');
			}
		}
		tooLong('parking', v.parking, 500, 'Parking');
		tooLong('accessibilityNotes', v.accessibilityNotes, 2000, 'Accessibility information');

		return {
			title: v.title,
			audienceLabel: v.audienceLabel,
			mode,
			venueName: inPerson ? v.venueName : v.venueName || 'Online',
			address: inPerson ? v.address : '',
			postcode: inPerson ? formatPostcode(v.postcode) : '',
			area: v.area || null,
			joiningLink: inPerson ? null : v.joiningLink,
			// Placeholders only when there are issues: zod then reports failure and the value is unused.
			startsAt: startsAt ?? new Date(0),
			endsAt,
			capacity,
			bookingClosesAt,
			stepFreeAccess: v.stepFreeAccess,
			hearingLoop: v.hearingLoop,
			parking: v.parking,
			quietRoom: v.quietRoom,
			accessibilityNotes: v.accessibilityNotes,
			childrenWelcome: v.childrenWelcome
		};
	});

export type SessionInput = z.output<typeof sessionFormSchema>;

function dateFields(name: string, instant: Date): Record<string, string> {
	const [year, month, day] = ukToday(instant).split('-');
	return {
		[`${name}-day`]: String(Number(day)),
		[`${name}-month`]: String(Number(month)),
		[`${name}-year`]: year
	};
}

/**
 * A saved session as the staff form's fields, for editing. A close time that is still the default
 * is left blank, so it moves with the session if the date changes.
 */
export function sessionFormValues(session: RoadshowSession): Record<string, string> {
	const defaultClose =
		session.bookingClosesAt.getTime() === defaultBookingClosesAt(session.startsAt).getTime();
	const yes = (v: boolean) => (v ? 'yes' : '');
	return {
		title: session.title,
		audienceLabel: session.audienceLabel,
		mode: session.mode,
		joiningLink: session.joiningLink ?? '',
		venueName: session.venueName,
		address: session.address,
		postcode: session.postcode,
		area: session.area ?? '',
		...dateFields('date', session.startsAt),
		startTime: formatTime(session.startsAt),
		endTime: session.endsAt ? formatTime(session.endsAt) : '',
		capacity: String(session.capacity),
		...(defaultClose
			? { 'closes-day': '', 'closes-month': '', 'closes-year': '', closesTime: '' }
			: {
					...dateFields('closes', session.bookingClosesAt),
					closesTime: formatTime(session.bookingClosesAt)
				}),
		stepFreeAccess: yes(session.stepFreeAccess),
		hearingLoop: yes(session.hearingLoop),
		parking: session.parking,
		quietRoom: yes(session.quietRoom),
		accessibilityNotes: session.accessibilityNotes,
		childrenWelcome: yes(session.childrenWelcome)
	};
}

/** Staff cancelling a session: the reason goes into the email to everyone booked or waiting. */
export const cancelSessionSchema = z.object({
	reason: z.preprocess(
		first,
		z
			.string({ error: 'Enter why the session is cancelled' })
			.trim()
			.min(1, 'Enter why the session is cancelled')
			.max(500, 'Reason must be 500 characters or less')
	)
});
