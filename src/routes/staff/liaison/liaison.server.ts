// What every liaison staff page needs: the permission check, the staff member as the actor for
// the audit log, and a 404 for a group, meeting or child's record that is not there.
import { error } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { getGroup, getMeeting, readReferral, type MeetingForm } from '$lib/server/liaison';
import { datePartsOf } from '$lib/server/shared/dateInput';
import type { StaffSessionUser } from '$lib/server/auth/types';

type Event = {
	locals: { user: StaffSessionUser | null };
	url: URL;
	getClientAddress: () => string;
};

export function requireLiaisonStaff(event: Event): { user: StaffSessionUser; actor: Actor } {
	const user = requirePermission(event.locals, 'liaison:manage', event.url);
	return { user, actor: { staffUserId: user.id, ip: event.getClientAddress() } };
}

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function requireGroup(raw: string) {
	const id = idOf(raw);
	const group = id === null ? undefined : await getGroup(getDb(), id);
	if (!group) error(404, 'There is no such group');
	return group;
}

export async function requireMeeting(raw: string) {
	const id = idOf(raw);
	const meeting = id === null ? undefined : await getMeeting(getDb(), id);
	if (!meeting) error(404, 'There is no such meeting');
	return meeting;
}

/** A child's record, read through the domain's audited read. */
export async function requireReferral(raw: string, actor: Actor, where: string) {
	const id = idOf(raw);
	const record = id === null ? undefined : await readReferral(getDb(), id, actor, where);
	if (!record) error(404, 'There is no such referral');
	return record;
}

/** The meeting form's boxes, as the domain's checkMeetingForm reads them. */
export function meetingFormOf(values: Record<string, unknown>): MeetingForm {
	return {
		date: datePartsOf(values, 'date'),
		time: String(values.time ?? ''),
		venue: String(values.venue ?? ''),
		due: datePartsOf(values, 'due')
	};
}
