// Liaison groups (an area, the professionals who sit on it) and their meetings. No child's
// details here: those are read through records.ts, which audits every view.
import { and, asc, count, eq, gt, isNotNull, min } from 'drizzle-orm';
import { z } from 'zod';
import {
	type Db,
	withWriteTransaction,
	firstRow,
	changedRows,
	onlyRow,
	lockForUpdate
} from '../db';
import {
	liaisonGroup,
	liaisonMeeting,
	liaisonMember,
	liaisonReferral,
	type LiaisonGroup,
	type LiaisonMeeting,
	type LiaisonMember
} from '../db/schema';
import { recordAudit, type Actor } from '../audit';
import { parseDateParts, type DateParts } from '../shared/dateInput';
import { parseTimeOfDay } from '../roadshow/schedule';
import { ukLocalToInstant } from '../../format';
import { PROFESSIONS } from './questionnaire';

export type GroupInput = {
	name: string;
	area: string;
	members: { profession: string; name: string }[];
};

type Errors = Record<string, string>;
type Checked<T> = { ok: true; data: T } | { ok: false; errors: Errors };

const text = (max: number, missing: string, label: string) =>
	z
		.string({ error: missing })
		.trim()
		.min(1, missing)
		.max(max, `${label} must be ${max} characters or fewer`);

const groupFields = z.object({
	name: text(100, 'Enter a name for the group', 'Name'),
	area: text(100, 'Enter the area the group covers', 'Area')
});

/**
 * The group form: a name, an area and, for each profession in the seed's list, the name of the
 * person who sits on the group (`member-0` … `member-9`; blank when the group has none).
 */
export function checkGroupForm(values: Record<string, unknown>): Checked<GroupInput> {
	const errors: Errors = {};
	const fields = groupFields.safeParse(values);
	if (!fields.success) for (const i of fields.error.issues) errors[String(i.path[0])] ??= i.message;
	const members: GroupInput['members'] = [];
	PROFESSIONS.forEach((profession, i) => {
		const name = String(values[`member-${i}`] ?? '').trim();
		if (name.length > 100) errors[`member-${i}`] = 'Name must be 100 characters or fewer';
		else if (name) members.push({ profession, name });
	});
	if (members.length === 0 && !Object.keys(errors).some((k) => k.startsWith('member-')))
		errors['member-0'] = 'Enter the name of at least one member of the group';
	if (Object.keys(errors).length || !fields.success) return { ok: false, errors };
	return { ok: true, data: { ...fields.data, members } };
}

export async function createGroup(
	db: Db,
	input: GroupInput,
	actor: Actor,
	now = new Date()
): Promise<LiaisonGroup> {
	return await withWriteTransaction(db, async (tx) => {
		const group = onlyRow(
			await tx
				.insert(liaisonGroup)
				.values({ name: input.name, area: input.area, createdAt: now })
				.returning()
		);
		if (input.members.length)
			await tx
				.insert(liaisonMember)
				.values(input.members.map((m) => ({ ...m, liaisonGroupId: group.id })));
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				ip: actor.ip,
				action: 'liaison_group.created',
				subjectType: 'liaison_group',
				subjectId: group.id,
				summary: `Liaison group ${group.id} (${group.name}) set up`
			},
			now
		);
		return group;
	});
}

/** Replaces the group's name, area and members together. */
export async function updateGroup(
	db: Db,
	id: number,
	input: GroupInput,
	actor: Actor,
	now = new Date()
): Promise<boolean> {
	return await withWriteTransaction(db, async (tx) => {
		const changed =
			changedRows(
				await tx
					.update(liaisonGroup)
					.set({ name: input.name, area: input.area })
					.where(eq(liaisonGroup.id, id))
			) === 1;
		if (!changed) return false;
		await tx.delete(liaisonMember).where(eq(liaisonMember.liaisonGroupId, id));
		if (input.members.length)
			await tx
				.insert(liaisonMember)
				.values(input.members.map((m) => ({ ...m, liaisonGroupId: id })));
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				ip: actor.ip,
				action: 'liaison_group.updated',
				subjectType: 'liaison_group',
				subjectId: id,
				summary: `Liaison group ${id} (${input.name}) changed`
			},
			now
		);
		return true;
	});
}

export type GroupSummary = LiaisonGroup & { members: number; nextMeetsAt: Date | null };

/** Every group, by name, with how many members it has and when it next meets. */
export async function listGroups(db: Db, now = new Date()): Promise<GroupSummary[]> {
	const groups = await db.select().from(liaisonGroup).orderBy(asc(liaisonGroup.name));
	const members = new Map(
		(
			await db
				.select({ id: liaisonMember.liaisonGroupId, n: count() })
				.from(liaisonMember)
				.groupBy(liaisonMember.liaisonGroupId)
		).map((r) => [r.id, r.n])
	);
	const next = new Map(
		(
			await db
				.select({
					id: liaisonMeeting.liaisonGroupId,
					at: min(liaisonMeeting.meetsAt)
				})
				.from(liaisonMeeting)
				.where(gt(liaisonMeeting.meetsAt, now))
				.groupBy(liaisonMeeting.liaisonGroupId)
		).map((r) => [r.id, r.at!])
	);
	return groups.map((g) => ({
		...g,
		members: members.get(g.id) ?? 0,
		nextMeetsAt: next.get(g.id) ?? null
	}));
}

export type MeetingSummary = LiaisonMeeting & {
	referrals: number;
	answered: number;
	lettersSent: number;
};

export type GroupDetail = {
	group: LiaisonGroup;
	members: LiaisonMember[];
	meetings: MeetingSummary[];
};

/** A group, its members in the seed's order, and its meetings with counts (never a child's details). */
export async function getGroup(db: Db, id: number): Promise<GroupDetail | undefined> {
	const group = firstRow(
		await db.select().from(liaisonGroup).where(eq(liaisonGroup.id, id)).limit(1)
	);
	if (!group) return undefined;
	const order = (p: string) => {
		const i = (PROFESSIONS as readonly string[]).indexOf(p);
		return i < 0 ? PROFESSIONS.length : i;
	};
	const members = (
		await db.select().from(liaisonMember).where(eq(liaisonMember.liaisonGroupId, id))
	).sort((a, b) => order(a.profession) - order(b.profession));
	const meetings = (
		await db
			.select({
				meeting: liaisonMeeting,
				referrals: count(liaisonReferral.id),
				answered: count(liaisonReferral.answersSentAt),
				lettersSent: count(liaisonReferral.letterSentAt)
			})
			.from(liaisonMeeting)
			.leftJoin(liaisonReferral, eq(liaisonReferral.liaisonMeetingId, liaisonMeeting.id))
			.where(eq(liaisonMeeting.liaisonGroupId, id))
			.groupBy(liaisonMeeting.id)
			.orderBy(asc(liaisonMeeting.meetsAt))
	).map((r) => ({
		...r.meeting,
		referrals: r.referrals,
		answered: r.answered,
		lettersSent: r.lettersSent
	}));
	return { group, members, meetings };
}

/** A meeting and its group (no child's details). */
export async function getMeeting(
	db: Db,
	id: number
): Promise<{ meeting: LiaisonMeeting; group: LiaisonGroup } | undefined> {
	return firstRow(
		await db
			.select({ meeting: liaisonMeeting, group: liaisonGroup })
			.from(liaisonMeeting)
			.innerJoin(liaisonGroup, eq(liaisonGroup.id, liaisonMeeting.liaisonGroupId))
			.where(eq(liaisonMeeting.id, id))
			.limit(1)
	);
}

export type MeetingForm = {
	date: DateParts;
	time: string;
	venue: string;
	due: DateParts;
};
export type MeetingInput = { meetsAt: Date; answersDueAt: Date; venue: string };

/**
 * The meeting form: its date and start time, where it is, and the last day families can send
 * their answers (the questionnaire closes at the end of that day, UK time), before the meeting
 * day and not already past.
 */
export function checkMeetingForm(form: MeetingForm, now = new Date()): Checked<MeetingInput> {
	const errors: Errors = {};
	const date = parseDateParts(form.date, 'the date of the meeting');
	if (!date.ok) errors['date'] = date.message;
	const time = form.time.trim() ? parseTimeOfDay(form.time) : null;
	if (!form.time.trim()) errors['time'] = 'Enter the start time';
	else if (!time)
		errors['time'] = 'Enter the start time in the correct format, like 9:30am or 14:00';
	const venue = form.venue.trim();
	if (!venue) errors['venue'] = 'Enter where the group will meet';
	else if (venue.length > 200) errors['venue'] = 'Where must be 200 characters or fewer';
	const due = parseDateParts(form.due, 'the last day for families’ answers');
	if (!due.ok) errors['due'] = due.message;
	if (Object.keys(errors).length || !date.ok || !due.ok || !time) return { ok: false, errors };
	const meetsAt = ukLocalToInstant(date.date, time);
	const answersDueAt = ukLocalToInstant(due.date, '23:59');
	if (meetsAt <= now) errors['date'] = 'The date of the meeting must be in the future';
	if (due.date >= date.date)
		errors['due'] = 'The last day for families’ answers must be before the day of the meeting';
	else if (answersDueAt <= now)
		errors['due'] = 'The last day for families’ answers must be today or in the future';
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, data: { meetsAt, answersDueAt, venue } };
}

export async function addMeeting(
	db: Db,
	groupId: number,
	input: MeetingInput,
	actor: Actor,
	now = new Date()
): Promise<LiaisonMeeting> {
	return await withWriteTransaction(db, async (tx) => {
		const meeting = onlyRow(
			await tx
				.insert(liaisonMeeting)
				.values({ liaisonGroupId: groupId, ...input, createdAt: now })
				.returning()
		);
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				ip: actor.ip,
				action: 'liaison_meeting.created',
				subjectType: 'liaison_meeting',
				subjectId: meeting.id,
				summary: `Meeting ${meeting.id} added to liaison group ${groupId}`
			},
			now
		);
		return meeting;
	});
}

/**
 * Moves a meeting or its deadline. Only a meeting still to come, and whose outcome letters have
 * not started going out, can change; the check is in the write.
 */
export async function updateMeeting(
	db: Db,
	id: number,
	input: MeetingInput,
	actor: Actor,
	now = new Date()
): Promise<{ ok: true } | { ok: false; reason: 'past' | 'letters_sent' | 'not_found' }> {
	return await withWriteTransaction(db, async (tx) => {
		const meeting = firstRow(
			await lockForUpdate(
				tx,
				tx.select().from(liaisonMeeting).where(eq(liaisonMeeting.id, id)).limit(1)
			)
		);
		if (!meeting) return { ok: false, reason: 'not_found' } as const;
		if (meeting.meetsAt <= now) return { ok: false, reason: 'past' } as const;
		const sent = firstRow(
			await tx
				.select({ n: count() })
				.from(liaisonReferral)
				.where(
					and(eq(liaisonReferral.liaisonMeetingId, id), isNotNull(liaisonReferral.letterSentAt))
				)
				.limit(1)
		)!.n;
		if (sent > 0) return { ok: false, reason: 'letters_sent' } as const;
		await tx.update(liaisonMeeting).set(input).where(eq(liaisonMeeting.id, id));
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				ip: actor.ip,
				action: 'liaison_meeting.updated',
				subjectType: 'liaison_meeting',
				subjectId: id,
				summary: `Meeting ${id} moved or its deadline changed`
			},
			now
		);
		return { ok: true } as const;
	});
}
