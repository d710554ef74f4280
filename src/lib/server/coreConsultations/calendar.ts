// The school's calendar file for its meeting. The UID stays the same and SEQUENCE goes up with
// every change, so a calendar app moves or cancels the event it already has.
import { createEvent } from 'ics';
import type { CoreConsultation } from '../db/schema';
import { STRANDS } from './labels';

const MEETING_MS = 90 * 60_000;

export function manageCoreUrl(baseUrl: string, token: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/core-consultations/manage/${token}`;
}

export function coreCalendarFile(registration: CoreConsultation): string | null {
	if (!registration.meetingAt) return null;
	const start = registration.meetingAt.getTime();
	const { error, value } = createEvent({
		uid: `core-consultation-${registration.reference}@coproduce`,
		productId: 'coproduce/core-consultations',
		method: registration.status === 'cancelled' ? 'CANCEL' : 'PUBLISH',
		sequence: registration.calendarSequence,
		start,
		startInputType: 'utc',
		startOutputType: 'utc',
		end: start + MEETING_MS,
		endInputType: 'utc',
		endOutputType: 'utc',
		title: `${STRANDS[registration.strand].name}: ${registration.schoolName}`,
		description: [
			`Reference: ${registration.reference}`,
			`Specialist: ${registration.specialistName ?? ''}`
		].join('\n'),
		location: registration.meetingPlace ?? undefined,
		status: registration.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'
	});
	if (error || !value) throw error ?? new Error('Could not create the calendar file');
	return value;
}
