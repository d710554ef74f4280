// Referrals and the family's secret link. Every staff view of a child's record is audited.
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, withWriteTransaction, firstRow, onlyRow, lockForUpdate } from '../db';
import {
	liaisonLetter,
	liaisonMeeting,
	liaisonReferral,
	type LiaisonMeeting,
	type LiaisonReferral
} from '../db/schema';
import { recordAudit, type Actor } from '../audit';
import { getConfig } from '../config';
import { deliverPending, queueEmails } from '../notify';
import { questionnaireLinkEmail } from './emails';
import {
	nextQuestion,
	parseAnswers,
	QUESTION_SCHEMAS,
	type LiaisonAnswers,
	type QuestionKey
} from './questionnaire';

export function generateLinkToken(): string {
	// 256 bits; only the hash is stored.
	return randomBytes(32).toString('base64url');
}
export function hashLinkToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

const blankAsMissing = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const referralSchema = z.object({
	childFirstName: z
		.string()
		.trim()
		.min(1, 'Enter the child’s first name')
		.max(50, 'First name must be 50 characters or fewer'),
	// A blank box is missing, not 0.
	childAgeYears: z.preprocess(
		blankAsMissing,
		z.coerce
			.number({ error: 'Enter the child’s age in years' })
			.int('Enter the years as a whole number, like 3')
			.min(0, 'Age must be 0 to 5 years')
			.max(5, 'Age must be 0 to 5 years')
	),
	childAgeMonths: z.preprocess(
		blankAsMissing,
		z.coerce
			.number({ error: 'Enter the months, or 0' })
			.int('Enter the months as a whole number, like 4')
			.min(0, 'Months must be 0 to 11')
			.max(11, 'Months must be 0 to 11')
	),
	referrerName: z
		.string({ error: 'Enter the name of the professional referring' })
		.trim()
		.min(1, 'Enter the name of the professional referring')
		.max(100, 'Name must be 100 characters or fewer'),
	referrerProfession: z
		.string({ error: 'Enter their profession' })
		.trim()
		.min(1, 'Enter their profession')
		.max(100, 'Profession must be 100 characters or fewer'),
	parentName: z
		.string({ error: 'Enter the parent or carer’s name' })
		.trim()
		.min(1, 'Enter the parent or carer’s name')
		.max(100, 'Name must be 100 characters or fewer'),
	parentEmail: z
		.string({ error: 'Enter the parent or carer’s email address' })
		.trim()
		.min(1, 'Enter the parent or carer’s email address')
		.max(200, 'Email address must be 200 characters or fewer')
		.pipe(
			z.email({ error: 'Enter an email address in the correct format, like name@example.org' })
		),
	parentPhone: z
		.string()
		.trim()
		.max(30, 'Phone number must be 30 characters or fewer')
		.optional()
		.transform((v) => v || null),
	parentAddress: z
		.string()
		.trim()
		.max(300, 'Address must be 300 characters or fewer')
		.optional()
		.transform((v) => v || null),
	parentAgreed: z.literal('yes', {
		error: 'The parent or carer must agree to the referral before you add it'
	})
});
export type ReferralInput = z.infer<typeof referralSchema>;

export type AddReferralResult =
	| { ok: true; referral: LiaisonReferral; token: string }
	| { ok: false; reason: 'not_found' | 'closed' };

/**
 * Adds a child to a meeting and, in the same write, queues the family's email with their secret
 * link and records that it was sent. A meeting whose questionnaire has closed takes no referrals
 * (the family could not answer).
 */
export async function addReferral(
	db: Db,
	meetingId: number,
	input: ReferralInput,
	actor: Actor,
	now = new Date(),
	baseUrl = getConfig().PUBLIC_URL
): Promise<AddReferralResult> {
	const token = generateLinkToken();
	const result = await withWriteTransaction(db, async (tx) => {
		const meeting = firstRow(
			await lockForUpdate(
				tx,
				tx.select().from(liaisonMeeting).where(eq(liaisonMeeting.id, meetingId)).limit(1)
			)
		);
		if (!meeting) return { ok: false, reason: 'not_found' } as const;
		if (now >= meeting.answersDueAt) return { ok: false, reason: 'closed' } as const;
		const row = onlyRow(
			await tx
				.insert(liaisonReferral)
				.values({
					liaisonMeetingId: meetingId,
					childFirstName: input.childFirstName,
					childAgeYears: input.childAgeYears,
					childAgeMonths: input.childAgeMonths,
					referrerName: input.referrerName,
					referrerProfession: input.referrerProfession,
					parentName: input.parentName,
					parentEmail: input.parentEmail,
					parentPhone: input.parentPhone,
					parentAddress: input.parentAddress,
					parentAgreed: true,
					linkTokenHash: hashLinkToken(token),
					createdAt: now
				})
				.returning()
		);
		await queueLinkEmail(tx, row, meeting, token, baseUrl, actor, now, false);
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				ip: actor.ip,
				action: 'liaison_referral.created',
				subjectType: 'liaison_referral',
				subjectId: row.id,
				summary: `Referral ${row.id} added to meeting ${meetingId}`
			},
			now
		);
		return { ok: true, referral: row, token } as const;
	});
	if (result.ok) void deliverPending(db);
	return result;
}

/** Inside the caller's write: the link email and the record of it in the sent list. */
async function queueLinkEmail(
	db: Db,
	referral: LiaisonReferral,
	meeting: LiaisonMeeting,
	token: string,
	baseUrl: string,
	actor: Actor,
	now: Date,
	replacesEarlierLink: boolean
): Promise<void> {
	const [emailId] = await queueEmails(
		db,
		[questionnaireLinkEmail(referral, meeting, token, baseUrl, replacesEarlierLink)],
		now
	);
	await db.insert(liaisonLetter).values({
		liaisonReferralId: referral.id,
		kind: 'questionnaire_link',
		channel: 'email',
		sentTo: referral.parentEmail,
		emailOutboxId: emailId ?? null,
		sentByStaffUserId: actor.staffUserId,
		sentAt: now
	});
}

/**
 * The family lost their email or the link was copied wrongly: a new link replaces the old one
 * (which stops working) and is emailed. Only while the questionnaire is still open to them.
 */
export async function sendNewFamilyLink(
	db: Db,
	referralId: number,
	actor: Actor,
	now = new Date(),
	baseUrl = getConfig().PUBLIC_URL
): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'closed' | 'sent' }> {
	const token = generateLinkToken();
	const result = await withWriteTransaction(db, async (tx) => {
		const row = firstRow(
			await tx
				.select({ referral: liaisonReferral, meeting: liaisonMeeting })
				.from(liaisonReferral)
				.innerJoin(liaisonMeeting, eq(liaisonMeeting.id, liaisonReferral.liaisonMeetingId))
				.where(eq(liaisonReferral.id, referralId))
				.limit(1)
		);
		if (!row || row.referral.removedAt) return { ok: false, reason: 'not_found' } as const;
		if (row.referral.answersSentAt) return { ok: false, reason: 'sent' } as const;
		if (now >= row.meeting.answersDueAt) return { ok: false, reason: 'closed' } as const;
		await tx
			.update(liaisonReferral)
			.set({ linkTokenHash: hashLinkToken(token) })
			.where(eq(liaisonReferral.id, referralId));
		await queueLinkEmail(tx, row.referral, row.meeting, token, baseUrl, actor, now, true);
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				ip: actor.ip,
				action: 'liaison_referral.link_sent',
				subjectType: 'liaison_referral',
				subjectId: referralId,
				summary: `New questionnaire link sent for referral ${referralId}`
			},
			now
		);
		return { ok: true } as const;
	});
	if (result.ok) void deliverPending(db);
	return result;
}

/** A staff member opened a child's record (the record page, the agenda pack, a letter). */
export async function recordReferralView(
	db: Db,
	referralIds: number[],
	actor: Actor,
	where: string,
	now = new Date()
): Promise<void> {
	await withWriteTransaction(db, async (tx) => {
		for (const id of referralIds)
			await recordAudit(
				tx,
				{
					actorStaffUserId: actor.staffUserId,
					ip: actor.ip,
					action: 'liaison_referral.viewed',
					subjectType: 'liaison_referral',
					subjectId: id,
					summary: `Viewed referral ${id} (${where})`
				},
				now
			);
	});
}

export type FamilyLink =
	| {
			state: 'open' | 'sent' | 'closed';
			referral: LiaisonReferral;
			meeting: LiaisonMeeting;
			answers: LiaisonAnswers;
	  }
	| { state: 'unknown' };

/** What the family's link opens: open until the deadline, then closed; sent once answered. */
export async function openFamilyLink(db: Db, token: string, now = new Date()): Promise<FamilyLink> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: 'unknown' };
	const row = firstRow(
		await db
			.select({ referral: liaisonReferral, meeting: liaisonMeeting })
			.from(liaisonReferral)
			.innerJoin(liaisonMeeting, eq(liaisonMeeting.id, liaisonReferral.liaisonMeetingId))
			.where(eq(liaisonReferral.linkTokenHash, hashLinkToken(token)))
			.limit(1)
	);
	if (!row || row.referral.removedAt) return { state: 'unknown' };
	const answers = parseAnswers(row.referral.answers);
	const state = row.referral.answersSentAt
		? 'sent'
		: now >= row.meeting.answersDueAt
			? 'closed'
			: 'open';
	return { state, ...row, answers };
}

export type SaveResult =
	| { ok: true; next: QuestionKey | null }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> }
	| { ok: false; reason: 'closed' | 'sent' | 'unknown' };

/** Saves one page's answer as the family goes; the deadline and a sent questionnaire are checked in the write. */
export async function saveAnswer(
	db: Db,
	token: string,
	key: QuestionKey,
	values: Record<string, unknown>,
	now = new Date()
): Promise<SaveResult> {
	const parsed = QUESTION_SCHEMAS[key].safeParse(values);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const i of parsed.error.issues) errors[String(i.path[0] ?? key)] ??= i.message;
		return { ok: false, reason: 'invalid', errors };
	}
	return await withWriteTransaction(db, async (tx) => {
		const link = await openFamilyLink(tx as unknown as Db, token, now);
		if (link.state !== 'open') return { ok: false, reason: link.state } as const;
		const answers = { ...link.answers, ...parsed.data };
		await tx
			.update(liaisonReferral)
			.set({
				answers: JSON.stringify(answers),
				answersStartedAt: link.referral.answersStartedAt ?? now
			})
			.where(eq(liaisonReferral.id, link.referral.id));
		return { ok: true, next: nextQuestion(answers) } as const;
	});
}

/** Sends the answers to the group: every page answered, before the deadline, once. */
export async function submitAnswers(db: Db, token: string, now = new Date()) {
	return await withWriteTransaction(db, async (tx) => {
		const link = await openFamilyLink(tx as unknown as Db, token, now);
		if (link.state === 'sent') return { ok: true, repeat: true } as const;
		if (link.state !== 'open') return { ok: false, reason: link.state } as const;
		const missing = nextQuestion(link.answers);
		if (missing) return { ok: false, reason: 'incomplete', missing } as const;
		await tx
			.update(liaisonReferral)
			.set({ answersSentAt: now })
			.where(eq(liaisonReferral.id, link.referral.id));
		return { ok: true, repeat: false } as const;
	});
}
