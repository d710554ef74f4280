// What the service tells schools about their core consultations. Call after the write commits.
import type { Db } from '../db';
import type { CoreConsultation } from '../db/schema';
import { getConfig } from '../config';
import { log } from '../log';
import { sendEmails, type OutgoingEmail } from '../notify';
import { formatDateTime } from '../../format';
import { coreCalendarFile, manageCoreUrl } from './calendar';
import { STRANDS, termName } from './labels';

export type CoreEmailKind = 'registered' | 'allocated' | 'moved' | 'cancelled' | 'evaluation';

function lines(...parts: (string | null | false)[]): string {
	return parts.filter((p) => p !== null && p !== false).join('\n');
}

/** The wording of each email; `manageToken` is known just after registering only. */
export function coreEmail(
	kind: CoreEmailKind,
	r: CoreConsultation,
	manageToken: string | null,
	baseUrl = getConfig().PUBLIC_URL
): OutgoingEmail {
	const strand = STRANDS[r.strand].name;
	const link = manageToken
		? `Use this link to see your registration, add it to your calendar, change it or cancel it:\n${manageCoreUrl(baseUrl, manageToken)}${kind === 'registered' ? '' : '\n(Links in our earlier emails no longer work.)'}`
		: 'Use the link in our last email to see your registration.';
	const when = r.meetingAt ? formatDateTime(r.meetingAt) : '';
	const texts: Record<CoreEmailKind, { subject: string; text: string }> = {
		registered: {
			subject: `We have your registration for ${strand}`,
			text: lines(
				`Dear ${r.contactName},`,
				'',
				`Thank you for registering ${r.schoolName} for ${strand} in the ${termName(r.term)}.`,
				`Your reference is ${r.reference}.`,
				'',
				'We will email you when we have matched you with a specialist and a date.',
				'',
				link,
				'',
				'Please do not send us any child’s name or details by email.'
			)
		},
		allocated: {
			subject: `${strand}: your meeting on ${when}`,
			text: lines(
				`Dear ${r.contactName},`,
				'',
				`Your ${strand} meeting for ${r.schoolName} is booked.`,
				'',
				`When: ${when}`,
				`Where: ${r.meetingPlace}`,
				`Specialist: ${r.specialistName}`,
				`Reference: ${r.reference}`,
				'',
				'You can add the meeting to your calendar from the page your link opens.',
				link
			)
		},
		moved: {
			subject: `${strand}: your meeting has changed`,
			text: lines(
				`Dear ${r.contactName},`,
				'',
				`We have changed your ${strand} meeting for ${r.schoolName}.`,
				'',
				`When: ${when}`,
				`Where: ${r.meetingPlace}`,
				`Specialist: ${r.specialistName}`,
				`Reference: ${r.reference}`,
				'',
				'Download the calendar file again from your link to update your calendar.',
				link
			)
		},
		cancelled: {
			subject: `${strand}: cancelled`,
			text: lines(
				`Dear ${r.contactName},`,
				'',
				r.cancelledBy === 'school'
					? `You have cancelled ${r.schoolName}’s ${strand} registration (${r.reference}).`
					: `We have had to cancel ${r.schoolName}’s ${strand} registration (${r.reference}). We are sorry.`,
				'',
				'You can register again at any time for a term that suits you.'
			)
		},
		evaluation: {
			subject: `${strand}: how useful was your meeting?`,
			text: lines(
				`Dear ${r.contactName},`,
				'',
				`Thank you for taking part in ${strand} at ${r.schoolName}.`,
				'Please tell us how useful the meeting was. It takes about two minutes and helps us plan.',
				'',
				link.replace(
					'see your registration, add it to your calendar, change it or cancel it',
					'tell us'
				)
			)
		}
	};
	return {
		to: r.contactEmail,
		...texts[kind],
		template: `core_consultation_${kind}`,
		bookingId: null,
		// The meeting goes into (or comes out of) the school's calendar; the file has no secret link.
		calendar: WITH_CALENDAR.has(kind) && r.meetingAt ? () => calendarFile(r) : null,
		// Anyone can register a school with any address: capped per address (notify/outbox.ts).
		capped: kind === 'registered'
	};
}

const WITH_CALENDAR = new Set<CoreEmailKind>(['allocated', 'moved', 'cancelled']);

/** The email still goes without its calendar file if that cannot be made. */
function calendarFile(r: CoreConsultation): string | null {
	try {
		return coreCalendarFile(r);
	} catch (err) {
		log.warn({ reference: r.reference, err: String(err) }, 'calendar file not attached');
		return null;
	}
}

export async function notifySchool(
	db: Db,
	kind: CoreEmailKind,
	r: CoreConsultation,
	manageToken: string | null = null
): Promise<number> {
	return await sendEmails(db, [coreEmail(kind, r, manageToken)]);
}
