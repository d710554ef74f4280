// The seven demo roadshow sessions from Liverpool's 2018 notice, moved into the coming weeks,
// with bookings: one session nearly full, one fully booked with a waiting list. A launch
// drop-in held earlier this week gives the dashboard real attendance and table notes.
import type { Db } from '../db';
import { ukLocalToInstant, ukToday } from '../../format';
import { createSession } from '../roadshow/sessions';
import { createBooking, joinWaitingList, type BookingInput } from '../roadshow/bookings';
import { generateIdempotencyKey } from '../roadshow/references';
import type { SessionInput } from '../roadshow/sessionValidation';
import { addDays } from './dates';

type DemoSession = {
	/** Days after the first Monday at least a week away. */
	dayOffset: number;
	/** For a session that has already happened: how many days ago. */
	daysAgo?: number;
	start: string;
	end?: string;
	title: string;
	audienceLabel: string;
	venueName: string;
	address: string;
	postcode: string;
	area: string;
	capacity: number;
	booked: number;
	waiting?: number;
	stepFreeAccess: boolean;
	hearingLoop: boolean;
	quietRoom: boolean;
	parking: string;
	childrenWelcome: boolean;
};

const sessions: DemoSession[] = [
	{
		dayOffset: 0,
		start: '11:00',
		end: '12:00',
		title: 'Roadshow at Alder Hey',
		audienceLabel: 'Parents/Practitioners',
		venueName: 'Alder Hey Children’s Hospital (wooden building opposite A&E)',
		address: 'Eaton Road, West Derby, Liverpool',
		postcode: 'L12 2AP',
		area: 'West Derby',
		capacity: 40,
		booked: 14,
		stepFreeAccess: true,
		hearingLoop: true,
		quietRoom: true,
		parking: 'Hospital car park (pay on exit); blue badge spaces by the main entrance',
		childrenWelcome: true
	},
	{
		dayOffset: 1,
		start: '15:30',
		title: 'Roadshow in Toxteth',
		audienceLabel: 'Parents/Practitioners',
		venueName: 'Toxteth Annexe',
		address: 'Aigburth Road, Liverpool',
		postcode: 'L17 7BN',
		area: 'Toxteth',
		capacity: 30,
		booked: 9,
		stepFreeAccess: true,
		hearingLoop: false,
		quietRoom: false,
		parking: 'On-street parking nearby',
		childrenWelcome: true
	},
	{
		dayOffset: 3,
		start: '17:30',
		end: '18:30',
		title: 'Young people’s session',
		audienceLabel: 'Young people',
		venueName: 'Mersey Youth Arts (MYA)',
		address: '1 Hope Street, Liverpool',
		postcode: 'L1 9BQ',
		area: 'City centre',
		capacity: 20,
		booked: 18,
		stepFreeAccess: true,
		hearingLoop: true,
		quietRoom: true,
		parking: 'No parking on site; the nearest car park is on Hope Street',
		childrenWelcome: true
	},
	{
		dayOffset: 3,
		start: '15:30',
		end: '17:00',
		title: 'Roadshow at Cavendish Drive',
		audienceLabel: 'Parents/Practitioners',
		venueName: 'Salvation Army, Cavendish Drive',
		address: 'Cavendish Drive, Walton, Liverpool',
		postcode: 'L9 1NA',
		area: 'Walton',
		capacity: 35,
		booked: 11,
		stepFreeAccess: false,
		hearingLoop: false,
		quietRoom: false,
		parking: 'Small car park at the rear',
		childrenWelcome: false
	},
	{
		dayOffset: 9,
		start: '18:30',
		end: '20:00',
		title: 'Evening session for parents and carers',
		audienceLabel: 'Parents/Carers',
		venueName: 'Bridge Chapel',
		address: 'Bridge Road, Litherland, Liverpool',
		postcode: 'L21 6PH',
		area: 'Litherland',
		capacity: 15,
		booked: 15,
		waiting: 3,
		stepFreeAccess: true,
		hearingLoop: true,
		quietRoom: false,
		parking: 'Free car park',
		childrenWelcome: false
	},
	{
		dayOffset: 10,
		start: '15:30',
		end: '17:00',
		title: 'Afternoon session at Bridge Chapel',
		audienceLabel: 'Parents/Practitioners',
		venueName: 'Bridge Chapel',
		address: 'Bridge Road, Litherland, Liverpool',
		postcode: 'L21 6PH',
		area: 'Litherland',
		capacity: 25,
		booked: 6,
		stepFreeAccess: true,
		hearingLoop: true,
		quietRoom: false,
		parking: 'Free car park',
		childrenWelcome: true
	},
	{
		dayOffset: 8,
		start: '18:30',
		end: '20:30',
		title: 'City-wide evening session',
		audienceLabel: 'Parents/Carers and Practitioners',
		venueName: 'Oakmere Conference Centre',
		address: 'Oakmere Road, Belle Vale, Liverpool',
		postcode: 'L25 2RQ',
		area: 'Belle Vale',
		capacity: 60,
		booked: 22,
		stepFreeAccess: true,
		hearingLoop: true,
		quietRoom: true,
		parking: 'Large free car park',
		childrenWelcome: true
	},
	{
		dayOffset: 0,
		daysAgo: 4,
		start: '10:00',
		end: '12:00',
		title: 'Launch drop-in at Central Library',
		audienceLabel: 'Everyone',
		venueName: 'Central Library',
		address: 'William Brown Street, Liverpool',
		postcode: 'L3 8EW',
		area: 'City centre',
		capacity: 40,
		booked: 26,
		stepFreeAccess: true,
		hearingLoop: true,
		quietRoom: true,
		parking: 'Blue badge spaces on William Brown Street',
		childrenWelcome: true
	}
];

const firstNames = [
	'Aisha',
	'Ben',
	'Chloe',
	'Daniel',
	'Emma',
	'Farah',
	'Grace',
	'Harry',
	'Imran',
	'Jess',
	'Kyle',
	'Leah',
	'Mo',
	'Niamh',
	'Olu',
	'Priya',
	'Ryan',
	'Sophie',
	'Tom',
	'Zara'
];
const lastNames = [
	'Ahmed',
	'Brown',
	'Campbell',
	'Doyle',
	'Evans',
	'Hughes',
	'Jones',
	'Kelly',
	'Murphy',
	'Nguyen',
	'Owens',
	'Roberts',
	'Smith',
	'Taylor',
	'Williams'
];
const needs: BookingInput['accessNeeds'][] = [
	['none'],
	['none'],
	['none'],
	['wheelchair'],
	['quiet_space'],
	['bsl'],
	['hearing_loop'],
	['reading_help'],
	['none']
];

function person(i: number) {
	const name = `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`;
	return { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}${i}@example.org` };
}

/** Books parties of 1 to 3 until `places` are taken. */
function partiesFor(places: number): { adults: number; children: number }[] {
	const parties = [];
	let left = places;
	for (let i = 0; left > 0; i++) {
		const size = Math.min(left, [2, 1, 3, 2, 1][i % 5]);
		parties.push({ adults: Math.min(size, 2), children: size - Math.min(size, 2) });
		left -= size;
	}
	return parties;
}

function bookingFor(
	sessionId: number,
	i: number,
	party: { adults: number; children: number }
): BookingInput {
	const { name, email } = person(i);
	const onBehalf = i % 6 === 5;
	return {
		sessionId,
		idempotencyKey: generateIdempotencyKey(),
		bookedBy: onBehalf ? 'on_behalf' : 'family',
		organisationName: onBehalf ? 'Abercromby Nursery School' : null,
		organisationRole: onBehalf ? 'SENCO' : null,
		contactName: name,
		email,
		phone: null,
		familyName: null,
		familyEmail: null,
		familyPhone: null,
		adults: party.adults,
		children: party.children,
		accessNeeds: needs[i % needs.length],
		accessNeedsOther: null,
		consentToContact: true
	};
}

export async function seedRoadshow(db: Db, consultationId: number, now: Date): Promise<void> {
	const today = ukToday(now);
	// The Monday at least a week away, so every session is still open for booking.
	const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
	const monday = addDays(today, 7 + ((8 - weekday) % 7));
	let n = 0;
	for (const s of sessions) {
		const date = s.daysAgo ? addDays(today, -s.daysAgo) : addDays(monday, s.dayOffset);
		const input: SessionInput = {
			title: s.title,
			audienceLabel: s.audienceLabel,
			mode: 'in_person',
			venueName: s.venueName,
			address: s.address,
			postcode: s.postcode,
			area: s.area,
			joiningLink: null,
			startsAt: ukLocalToInstant(date, s.start),
			endsAt: s.end ? ukLocalToInstant(date, s.end) : null,
			capacity: s.capacity,
			bookingClosesAt: null,
			stepFreeAccess: s.stepFreeAccess,
			hearingLoop: s.hearingLoop,
			parking: s.parking,
			quietRoom: s.quietRoom,
			accessibilityNotes: s.quietRoom
				? 'A quiet room is available throughout. Ask any member of staff.'
				: '',
			childrenWelcome: s.childrenWelcome
		};
		const session = await createSession(db, consultationId, input, now);
		// Places on a past session were booked before it, while booking was open.
		const bookedAt = s.daysAgo ? new Date(input.startsAt.getTime() - 3 * 86_400_000) : now;
		// Adults-only sessions take no children: the same people come as adults.
		const fit = (p: { adults: number; children: number }) =>
			s.childrenWelcome ? p : { adults: p.adults + p.children, children: 0 };
		for (const party of partiesFor(s.booked))
			await createBooking(db, bookingFor(session.id, n++, fit(party)), bookedAt);
		for (let w = 0; w < (s.waiting ?? 0); w++) {
			await joinWaitingList(
				db,
				bookingFor(session.id, n++, fit({ adults: 1 + (w % 2), children: w % 2 })),
				bookedAt
			);
		}
	}
}
