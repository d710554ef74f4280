import { can } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { requireSessionToRun } from '$lib/server/roadshow/guard';
import { getSessionRegister, listFailedSessionMessages } from '$lib/server/roadshow/register';
import { accessNeedSummary, burstsView, registerEntry } from '$lib/server/roadshow/registerView';
import { fullnessMessage, promotedNote, sessionStatusTag } from '$lib/server/roadshow/labels';
import { formatDateTime, formatSessionWhen } from '$lib/format';
import { listRoadshowNotes } from '$lib/server/questionnaires/answering';
import { audienceLabels } from '$lib/server/questionnaires/audiences';

function doneMessage(url: URL): string | null {
	const promoted = promotedNote(Number(url.searchParams.get('promoted') ?? 0));
	const done = url.searchParams.get('done');
	if (done === 'booking-cancelled') return `Booking cancelled.${promoted}`;
	if (done === 'bookings-cancelled') {
		const n = Number(url.searchParams.get('count') ?? 0);
		return `${n === 1 ? '1 booking' : `${n} bookings`} cancelled.${promoted}`;
	}
	return null;
}

export const load = async ({ locals, params, url }) => {
	const { user, session, consultation } = await requireSessionToRun(locals, params.sessionId);
	const register = (await getSessionRegister(getDb(), session.id))!;
	const now = new Date();
	return {
		consultation: { id: consultation.id, title: consultation.title },
		canManage: can(user, 'consultation:manage'),
		session: {
			id: session.id,
			title: session.title,
			when: formatSessionWhen(session.startsAt, session.endsAt),
			venue: session.mode === 'online' ? 'Online' : `${session.venueName}, ${session.postcode}`,
			audience: session.audienceLabel,
			capacity: session.capacity,
			cancelled: session.cancelledAt !== null,
			cancellationReason: session.cancellationReason,
			status: sessionStatusTag(session, register.confirmedPlaces, now)
		},
		confirmedPlaces: register.confirmedPlaces,
		waitingPlaces: register.waitingPlaces,
		checkedInPlaces: register.checkedInPlaces,
		fullness: session.cancelledAt
			? null
			: fullnessMessage(register.confirmedPlaces, session.capacity, register.waiting.length),
		accessNeeds: accessNeedSummary(register.accessNeedTotals),
		confirmed: register.confirmed.map(registerEntry),
		waiting: register.waiting.map((b) => ({
			...registerEntry(b),
			since: b.waitingSince ? formatDateTime(b.waitingSince) : ''
		})),
		failedMessages: (await listFailedSessionMessages(getDb(), session.id)).map((m) => ({
			id: m.id,
			reference: m.bookingReference,
			to: m.toAddress,
			subject: m.subject,
			channel: m.channel === 'sms' ? 'Text message' : m.channel === 'letter' ? 'Letter' : 'Email',
			when: formatDateTime(m.createdAt),
			error: m.error ?? ''
		})),
		// What facilitators typed up at this session's tables, newest first.
		notes: (await listRoadshowNotes(getDb(), consultation.id, session.id)).map((n) => ({
			id: n.id,
			note: n.note,
			audience: audienceLabels[n.audience],
			added: formatDateTime(n.createdAt)
		})),
		bursts: session.cancelledAt ? [] : burstsView([...register.confirmed, ...register.waiting]),
		canSeeOutbox: can(user, 'outbox:view'),
		done: doneMessage(url)
	};
};
