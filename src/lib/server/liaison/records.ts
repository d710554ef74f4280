// Staff reads of children's records. Each one writes who looked, at what and where to the audit
// log before the record is handed back, so no page can show a child's details unrecorded.
import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import { type Db, firstRow } from '../db';
import {
	liaisonGroup,
	liaisonLetter,
	liaisonMeeting,
	liaisonReferral,
	staffUser,
	type LiaisonGroup,
	type LiaisonLetter,
	type LiaisonMeeting,
	type LiaisonReferral
} from '../db/schema';
import type { Actor } from '../audit';
import { sentAnswers, type LiaisonAnswers } from './questionnaire';
import { recordReferralView } from './referrals';

export type ReferralStatus =
	| 'removed'
	| 'letter_sent'
	| 'outcome_recorded'
	| 'answered'
	| 'started'
	| 'not_started'
	| 'not_answered';

/** Where a referral has got to, for staff lists. */
export function referralStatus(
	referral: Pick<
		LiaisonReferral,
		'removedAt' | 'letterSentAt' | 'outcomeRecordedAt' | 'answersSentAt' | 'answersStartedAt'
	>,
	meeting: Pick<LiaisonMeeting, 'answersDueAt'>,
	now = new Date()
): ReferralStatus {
	if (referral.removedAt) return 'removed';
	if (referral.letterSentAt) return 'letter_sent';
	if (referral.outcomeRecordedAt) return 'outcome_recorded';
	if (referral.answersSentAt) return 'answered';
	if (now >= meeting.answersDueAt) return 'not_answered';
	return referral.answersStartedAt ? 'started' : 'not_started';
}

export const STATUS_TAGS: Record<
	ReferralStatus,
	{ text: string; colour: 'grey' | 'blue' | 'yellow' | 'green' | 'purple' | 'red' }
> = {
	not_started: { text: 'Not started', colour: 'grey' },
	started: { text: 'Answering', colour: 'yellow' },
	not_answered: { text: 'Did not answer', colour: 'red' },
	answered: { text: 'Answers sent', colour: 'blue' },
	outcome_recorded: { text: 'Outcome recorded', colour: 'purple' },
	letter_sent: { text: 'Letter sent', colour: 'green' },
	removed: { text: 'Details removed', colour: 'grey' }
};

export type ReferralListItem = {
	id: number;
	childFirstName: string;
	childAgeYears: number;
	childAgeMonths: number;
	referrerName: string;
	referrerProfession: string;
	status: ReferralStatus;
};

/** A meeting's referrals in the order they were added, their reading audited as `where`. */
async function readMeetingReferrals(
	db: Db,
	meeting: LiaisonMeeting,
	actor: Actor,
	where: string,
	now: Date
): Promise<LiaisonReferral[]> {
	const rows = await db
		.select()
		.from(liaisonReferral)
		.where(eq(liaisonReferral.liaisonMeetingId, meeting.id))
		.orderBy(asc(liaisonReferral.id));
	if (rows.length)
		await recordReferralView(
			db,
			rows.map((r) => r.id),
			actor,
			where,
			now
		);
	return rows;
}

/** The children referred to a meeting, in the order they were added; audited. */
export async function listMeetingReferrals(
	db: Db,
	meeting: LiaisonMeeting,
	actor: Actor,
	now = new Date()
): Promise<ReferralListItem[]> {
	const rows = await readMeetingReferrals(db, meeting, actor, 'meeting page', now);
	return rows.map((r) => ({
		id: r.id,
		childFirstName: r.childFirstName,
		childAgeYears: r.childAgeYears,
		childAgeMonths: r.childAgeMonths,
		referrerName: r.referrerName,
		referrerProfession: r.referrerProfession,
		status: referralStatus(r, meeting, now)
	}));
}

export type SentLetter = LiaisonLetter & { sentByName: string | null };

export type ReferralRecord = {
	referral: LiaisonReferral;
	/** The answers the family sent; empty until they send them. */
	meeting: LiaisonMeeting;
	group: LiaisonGroup;
	answers: LiaisonAnswers;
	replies: string[];
	letters: SentLetter[];
	status: ReferralStatus;
};

async function lettersFor(db: Db, referralIds: number[]): Promise<SentLetter[]> {
	if (referralIds.length === 0) return [];
	return (
		await db
			.select({ letter: liaisonLetter, sentByName: staffUser.name })
			.from(liaisonLetter)
			.leftJoin(staffUser, eq(staffUser.id, liaisonLetter.sentByStaffUserId))
			.where(inArray(liaisonLetter.liaisonReferralId, referralIds))
			.orderBy(asc(liaisonLetter.sentAt), asc(liaisonLetter.id))
	).map((r) => ({ ...r.letter, sentByName: r.sentByName }));
}

function replyList(referral: LiaisonReferral): string[] {
	try {
		const v: unknown = referral.replies ? JSON.parse(referral.replies) : [];
		return Array.isArray(v) ? v.map(String) : [];
	} catch {
		return [];
	}
}

/** One child's record with its meeting, group, answers and what was sent; audited. */
export async function readReferral(
	db: Db,
	id: number,
	actor: Actor,
	where: string,
	now = new Date()
): Promise<ReferralRecord | undefined> {
	const row = firstRow(
		await db
			.select({ referral: liaisonReferral, meeting: liaisonMeeting, group: liaisonGroup })
			.from(liaisonReferral)
			.innerJoin(liaisonMeeting, eq(liaisonMeeting.id, liaisonReferral.liaisonMeetingId))
			.innerJoin(liaisonGroup, eq(liaisonGroup.id, liaisonMeeting.liaisonGroupId))
			.where(eq(liaisonReferral.id, id))
			.limit(1)
	);
	if (!row) return undefined;
	await recordReferralView(db, [id], actor, where, now);
	return {
		...row,
		answers: sentAnswers(row.referral),
		replies: replyList(row.referral),
		letters: await lettersFor(db, [id]),
		status: referralStatus(row.referral, row.meeting, now)
	};
}

export type AgendaItem = {
	referral: LiaisonReferral;
	answers: LiaisonAnswers;
	status: ReferralStatus;
};

/** Every family's answers for a meeting, for the printed agenda pack; audited. */
export async function readAgendaPack(
	db: Db,
	meeting: LiaisonMeeting,
	actor: Actor,
	now = new Date()
): Promise<AgendaItem[]> {
	const rows = await readMeetingReferrals(db, meeting, actor, 'agenda pack', now);
	return rows.map((referral) => ({
		referral,
		answers: sentAnswers(referral),
		status: referralStatus(referral, meeting, now)
	}));
}

export type SentListItem = SentLetter & {
	childFirstName: string;
	meetsAt: Date;
	groupName: string;
};

export const SENT_PAGE_SIZE = 50;

/** What was sent to whom and when, newest first, a page at a time; audited. */
export async function listSentLetters(
	db: Db,
	actor: Actor,
	{ page = 1, pageSize = SENT_PAGE_SIZE }: { page?: number; pageSize?: number } = {},
	now = new Date()
): Promise<{ items: SentListItem[]; page: number; pageCount: number; total: number }> {
	const total = firstRow(await db.select({ n: count() }).from(liaisonLetter).limit(1))!.n;
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
	const items = (
		await db
			.select({
				letter: liaisonLetter,
				sentByName: staffUser.name,
				childFirstName: liaisonReferral.childFirstName,
				meetsAt: liaisonMeeting.meetsAt,
				groupName: liaisonGroup.name
			})
			.from(liaisonLetter)
			.innerJoin(liaisonReferral, eq(liaisonReferral.id, liaisonLetter.liaisonReferralId))
			.innerJoin(liaisonMeeting, eq(liaisonMeeting.id, liaisonReferral.liaisonMeetingId))
			.innerJoin(liaisonGroup, eq(liaisonGroup.id, liaisonMeeting.liaisonGroupId))
			.leftJoin(staffUser, eq(staffUser.id, liaisonLetter.sentByStaffUserId))
			.orderBy(desc(liaisonLetter.sentAt), desc(liaisonLetter.id))
			.limit(pageSize)
			.offset((current - 1) * pageSize)
	).map((r) => ({
		...r.letter,
		sentByName: r.sentByName,
		childFirstName: r.childFirstName,
		meetsAt: r.meetsAt,
		groupName: r.groupName
	}));
	const ids = [...new Set(items.map((i) => i.liaisonReferralId))];
	if (ids.length) await recordReferralView(db, ids, actor, 'sent list', now);
	return { items, page: current, pageCount, total };
}
