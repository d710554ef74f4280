// Plain-text emails about roadshow bookings: plain English, short lines, no HTML.
// The manage token appears only in the body's manage link, never in a subject.
import type { Booking, RoadshowSession } from '../db/schema';
import { formatDate, formatSessionWhen } from '../../format';
import { manageBookingUrl, sessionLocation } from './calendar';
import { answerRows } from './summary';
import { sessionMoveBetween } from './sessionChanges';

export const templateNames = [
	'booking_confirmed',
	'waiting_list_joined',
	'promoted_from_waiting_list',
	'booking_changed',
	'booking_details_changed',
	'booking_email_changed',
	'booking_cancelled',
	'session_cancelled',
	'session_moved',
	'reminder',
	'manage_link_resent'
] as const;
export type TemplateName = (typeof templateNames)[number];

export type TemplateInput = {
	booking: Booking;
	session: RoadshowSession;
	/** The public address of the service, for links. */
	baseUrl: string;
	/** Only known just after booking or reissuing a link: the hash alone is stored. */
	manageToken?: string | null;
	/** A copy for the family that a school or service booked for (their email was given). */
	toFamily?: boolean;
	/** The consultation team's address, for emails that say who to contact. */
	contactEmail?: string;
	/** session_moved only: the session as it was before staff changed it. */
	previous?: RoadshowSession;
};

export type RenderedEmail = { subject: string; text: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function placesText(b: Pick<Booking, 'adults' | 'children'>): string {
	const parts = [
		b.adults ? plural(b.adults, 'adult', 'adults') : null,
		b.children ? plural(b.children, 'child or young person', 'children or young people') : null
	].filter(Boolean);
	return `${plural(b.adults + b.children, 'place', 'places')} (${parts.join(', ')})`;
}

function whereLines(session: RoadshowSession): string[] {
	if (session.mode === 'online') return ['Where: Online'];
	const address = session.address
		.split(/\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	return [
		'Where:',
		...[session.venueName, ...address, session.postcode].filter(Boolean).map((l) => `  ${l}`)
	];
}

/** "It was … / It is now …" for each of the time and the place that changed. */
function movedLines(before: RoadshowSession, after: RoadshowSession): string[] {
	const move = sessionMoveBetween(before, after);
	const lines: string[] = [];
	if (move?.when)
		lines.push(
			`It was: ${formatSessionWhen(before.startsAt, before.endsAt)}`,
			`It is now: ${formatSessionWhen(after.startsAt, after.endsAt)}`
		);
	if (move?.where) {
		if (lines.length) lines.push('');
		lines.push(
			`The place was: ${sessionLocation(before)}`,
			`The place is now: ${sessionLocation(after)}`
		);
		if (after.mode === 'online' && before.mode === 'online')
			lines.push('The joining link has changed: use the new one below.');
	}
	return lines;
}

function sessionLines(session: RoadshowSession, b: Booking): string[] {
	const lines = [
		`Session: ${session.title}`,
		`When: ${formatSessionWhen(session.startsAt, session.endsAt)}`,
		...whereLines(session)
	];
	// The joining link goes only to people with a confirmed place.
	if (
		session.mode === 'online' &&
		session.joiningLink &&
		b.status === 'confirmed' &&
		!session.cancelledAt
	)
		lines.push(`Joining link: ${session.joiningLink}`);
	if (session.audienceLabel) lines.push(`Who it is for: ${session.audienceLabel}`);
	return lines;
}

function bookingLines(b: Booking): string[] {
	return [`Booking reference: ${b.reference}`, `Places: ${placesText(b)}`];
}

function manageLines({ baseUrl, manageToken }: TemplateInput, action: string): string[] {
	if (manageToken)
		return [
			`To ${action}, use this link:`,
			manageBookingUrl(baseUrl, manageToken),
			'',
			'Keep this link private. Anyone with it can change or cancel your booking.'
		];
	return [
		`To ${action}, use the link in the first email we sent you about this booking.`,
		`If you cannot find it, you can ask for a new link at:`,
		`${baseUrl.replace(/\/+$/, '')}/bookings/lost-link`
	];
}

const sign = ['', 'Thank you,', 'The SEND consultation team'];

function compose(
	greetingName: string,
	intro: string[],
	input: TemplateInput,
	after: string[]
): string {
	return [
		`Dear ${greetingName},`,
		'',
		...intro,
		'',
		...sessionLines(input.session, input.booking),
		'',
		...bookingLines(input.booking),
		...(after.length ? ['', ...after] : []),
		...sign,
		''
	].join('\n');
}

const when = (s: RoadshowSession) => formatDate(s.startsAt);

/** The family's copy says who booked for them before anything else. */
function forFamily(input: TemplateInput, email: RenderedEmail): RenderedEmail {
	const b = input.booking;
	const by = b.organisationName ? `${b.contactName} from ${b.organisationName}` : b.contactName;
	const greeting = `Dear ${b.contactName},`;
	const text = email.text.replace(
		greeting,
		[
			`Dear ${b.familyName || 'parent or carer'},`,
			'',
			`${by} booked this session for you and gave us your email address.`,
			`We have sent ${b.contactName} the same details.`
		].join('\n')
	);
	return { subject: email.subject, text };
}

export function renderEmail(template: TemplateName, input: TemplateInput): RenderedEmail {
	const email = renderForContact(template, input);
	return input.toFamily ? forFamily(input, email) : email;
}

function renderForContact(template: TemplateName, input: TemplateInput): RenderedEmail {
	const { booking: b, session: s } = input;
	const name = b.contactName;
	switch (template) {
		case 'booking_confirmed':
			return {
				subject: `Booking confirmed: ${s.title}, ${when(s)}`,
				text: compose(name, ['Your booking is confirmed.'], input, [
					...manageLines(input, 'change the number of places or cancel your booking'),
					'',
					'If you cannot come, please cancel so someone else can have your places.'
				])
			};
		case 'waiting_list_joined':
			return {
				subject: `You are on the waiting list: ${s.title}, ${when(s)}`,
				text: compose(
					name,
					[
						'This session is fully booked, so we have put you on the waiting list.',
						'If places become free, we will book them for you in the order people joined',
						'and email you. You do not need to do anything else.'
					],
					input,
					manageLines(input, 'change the number of places or leave the waiting list')
				)
			};
		case 'promoted_from_waiting_list':
			return {
				subject: `You now have a place: ${s.title}, ${when(s)}`,
				text: compose(
					name,
					['Good news: places became free, so we have booked you a place from the waiting list.'],
					input,
					[
						...manageLines(input, 'change the number of places or cancel your booking'),
						'',
						'If you cannot come, please cancel so someone else can have your places.'
					]
				)
			};
		case 'booking_changed':
			return {
				subject: `Booking changed: ${s.title}, ${when(s)}`,
				text: compose(
					name,
					[
						b.status === 'waiting'
							? 'We have changed your waiting list entry.'
							: 'We have changed your booking.'
					],
					input,
					manageLines(input, 'make another change or cancel')
				)
			};
		case 'booking_details_changed':
			return {
				subject: `Booking details changed: ${s.title}, ${when(s)}`,
				text: compose(
					name,
					[
						'We have changed the details of your booking. These are the details we now have:',
						'',
						...answerRows(b)
							.filter((row) => row.step === 'contact' || row.step === 'access-needs')
							.map((row) => `${row.key}: ${row.value}`)
					],
					input,
					manageLines(input, 'make another change or cancel')
				)
			};
		case 'booking_email_changed':
			// To the address the booking had: no link and not the new address, in case this was not them.
			return {
				subject: `The email address for your booking has changed: ${s.title}, ${when(s)}`,
				text: compose(
					name,
					[
						'The email address for this booking has just been changed.',
						'We will send emails about it to the new address from now on.'
					],
					input,
					[
						'If you did not make this change, please contact us'.concat(
							input.contactEmail ? ` at ${input.contactEmail}.` : '.'
						)
					]
				)
			};
		case 'booking_cancelled':
			return {
				subject: `Booking cancelled: ${s.title}, ${when(s)}`,
				text: compose(name, ['Your booking has been cancelled.'], input, [
					'If this is a mistake, you can book again on our website if there are places left.'
				])
			};
		case 'session_cancelled':
			return {
				subject: `Session cancelled: ${s.title}, ${when(s)}`,
				text: compose(
					name,
					[
						'We are sorry, but we have had to cancel this session.',
						...(s.cancellationReason ? [`Reason: ${s.cancellationReason}`] : []),
						'You do not need to do anything. Your booking has been cancelled.'
					],
					input,
					['You can still have your say online, or come to another session.']
				)
			};
		case 'session_moved': {
			const what = input.previous ? movedLines(input.previous, s) : [];
			return {
				subject: `Session changed: ${s.title}, now ${when(s)}`,
				text: compose(
					name,
					[
						b.status === 'waiting'
							? 'We have had to change the session you are on the waiting list for.'
							: 'We have had to change the session you booked.',
						...(what.length ? ['', ...what] : []),
						'',
						b.status === 'waiting'
							? 'You keep your place on the waiting list. The new details are below.'
							: 'Your booking still stands. The new details are below.'
					],
					input,
					[
						...manageLines(input, 'cancel if the new time or place does not suit you'),
						'',
						'If you cannot come now, please cancel so someone else can have your places.'
					]
				)
			};
		}
		case 'reminder':
			return {
				subject: `Reminder: ${s.title}, ${when(s)}`,
				text: compose(name, ['This is a reminder about the session you booked.'], input, [
					...manageLines(input, 'change the number of places or cancel your booking'),
					'',
					'If you cannot come, please cancel so someone else can have your places.'
				])
			};
		case 'manage_link_resent':
			return {
				subject: `Your link to manage your booking: ${s.title}, ${when(s)}`,
				text: compose(
					name,
					[
						'You asked for a new link to manage your booking.',
						'Any link we sent you before for this booking no longer works.'
					],
					input,
					[
						...manageLines(input, 'change the number of places or cancel your booking'),
						'',
						'If you did not ask for this, you can ignore this email.'
					]
				)
			};
	}
}
