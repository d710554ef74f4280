// After the meeting: the outcome, an answer to each of the family's questions, and the letter
// that tells the family in plain English (email, and a PDF for those who asked for a letter).
import { and, eq, isNull } from 'drizzle-orm';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { type Db, withWriteTransaction, firstRow, changedRows } from '../db';
import {
	liaisonLetter,
	liaisonMeeting,
	liaisonReferral,
	type LiaisonMeeting,
	type LiaisonReferral
} from '../db/schema';
import { recordAudit, type Actor } from '../audit';
import { deliverPending, queueEmails } from '../notify';
import { formatDate } from '../../format';
import { sentAnswers } from './questionnaire';

export type Outcome = { outcome: string; replies: string[] };

export type RecordOutcomeResult =
	| { ok: true }
	| { ok: false; errors: Record<string, string> }
	| { ok: false; reason: 'letter_sent' | 'still_answering' | 'not_found' };

/**
 * Staff record the outcome and a reply to every question the family asked. The questions are
 * settled first (answers sent, or the questionnaire closed), and once the letter has gone the
 * outcome stays as it was sent; both are checked again in the write.
 */
export async function recordOutcome(
	db: Db,
	referral: LiaisonReferral,
	input: Outcome,
	actor: Actor,
	now = new Date()
): Promise<RecordOutcomeResult> {
	const questions = sentAnswers(referral).questions ?? [];
	const errors: Record<string, string> = {};
	if (!input.outcome.trim()) errors.outcome = 'Enter what the group decided';
	else if (input.outcome.length > 5000)
		errors.outcome = 'What the group decided must be 5000 characters or fewer';
	questions.forEach((_, i) => {
		const reply = input.replies[i]?.trim() ?? '';
		if (!reply) errors[`reply${i + 1}`] = `Enter the group’s answer to question ${i + 1}`;
		else if (reply.length > 2000)
			errors[`reply${i + 1}`] = `The answer to question ${i + 1} must be 2000 characters or fewer`;
	});
	if (Object.keys(errors).length) return { ok: false, errors };
	return await withWriteTransaction(db, async (tx) => {
		const row = firstRow(
			await tx
				.select({ referral: liaisonReferral, dueAt: liaisonMeeting.answersDueAt })
				.from(liaisonReferral)
				.innerJoin(liaisonMeeting, eq(liaisonMeeting.id, liaisonReferral.liaisonMeetingId))
				.where(eq(liaisonReferral.id, referral.id))
				.limit(1)
		);
		if (!row || row.referral.removedAt) return { ok: false, reason: 'not_found' } as const;
		if (row.referral.letterSentAt) return { ok: false, reason: 'letter_sent' } as const;
		if (!row.referral.answersSentAt && now < row.dueAt)
			return { ok: false, reason: 'still_answering' } as const;
		// The questions as they are now, in case the page was older than the family's answers.
		const current = sentAnswers(row.referral).questions ?? [];
		if (current.length !== questions.length)
			return { ok: false, reason: 'still_answering' } as const;
		await tx
			.update(liaisonReferral)
			.set({
				outcome: input.outcome.trim(),
				replies: JSON.stringify(questions.map((_, i) => input.replies[i].trim())),
				outcomeRecordedAt: now
			})
			.where(eq(liaisonReferral.id, referral.id));
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				ip: actor.ip,
				action: 'liaison_referral.outcome_recorded',
				subjectType: 'liaison_referral',
				subjectId: referral.id,
				summary: `Outcome recorded for referral ${referral.id}`
			},
			now
		);
		return { ok: true } as const;
	});
}

/** The letter's words, shared by the email and the PDF. */
export function outcomeLetterText(
	referral: LiaisonReferral,
	meeting: LiaisonMeeting,
	council: string
): { subject: string; paragraphs: string[] } {
	const questions = sentAnswers(referral).questions ?? [];
	const replies: string[] = referral.replies ? JSON.parse(referral.replies) : [];
	return {
		subject: `What the pre-school liaison group said about ${referral.childFirstName}`,
		paragraphs: [
			`Dear ${referral.parentName},`,
			`Thank you for telling us about ${referral.childFirstName} before the pre-school liaison group met on ${formatDate(meeting.meetsAt)}.`,
			'What the group decided',
			referral.outcome ?? '',
			...questions.flatMap((q, i) => [`You asked: ${q}`, `Our answer: ${replies[i] ?? ''}`]),
			'If anything here is unclear, or you would like to talk about it, reply to this letter or call the number on our website. You can ask for this letter in another format.',
			`From the pre-school liaison group, ${council}`
		]
	};
}

/** A printable A4 letter, made with pdf-lib. Characters its standard font cannot draw are left out. */
export async function outcomeLetterPdf(
	referral: LiaisonReferral,
	meeting: LiaisonMeeting,
	council: string,
	address: string | null
): Promise<Uint8Array> {
	const { paragraphs } = outcomeLetterText(referral, meeting, council);
	const pdf = await PDFDocument.create();
	pdf.setTitle(`Letter about ${referral.childFirstName}`);
	const font = await pdf.embedFont(StandardFonts.Helvetica);
	const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
	const size = 12;
	const margin = 60;
	const safe = (text: string) =>
		[...text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"')]
			.filter((c) => {
				try {
					font.encodeText(c);
					return true;
				} catch {
					return false;
				}
			})
			.join('');
	let page = pdf.addPage([595, 842]);
	let y = 842 - margin;
	const width = 595 - margin * 2;
	const write = (text: string, f = font) => {
		for (const raw of safe(text).split('\n')) {
			let line = '';
			for (const word of raw.split(/\s+/)) {
				const tryLine = line ? `${line} ${word}` : word;
				if (f.widthOfTextAtSize(tryLine, size) > width && line) {
					emit(line, f);
					line = word;
				} else line = tryLine;
			}
			emit(line, f);
		}
		y -= size * 0.8;
	};
	const emit = (line: string, f: typeof font) => {
		if (y < margin) {
			page = pdf.addPage([595, 842]);
			y = 842 - margin;
		}
		page.drawText(line, { x: margin, y, size, font: f, color: rgb(0, 0, 0) });
		y -= size * 1.5;
	};
	if (address) write(`${referral.parentName}\n${address}`);
	// Dated the day it was sent, so a copy downloaded later is the same letter.
	write(formatDate(referral.letterSentAt ?? new Date()));
	paragraphs.forEach((p, i) => write(p, i === 2 ? bold : font));
	return pdf.save();
}

/**
 * Sends the outcome: always an email; and when the family asked for a letter, records that the
 * printed PDF is to be posted (the lead connects Notify's letter route at merge). One send only.
 */
export async function sendOutcomeLetter(
	db: Db,
	referral: LiaisonReferral,
	meeting: LiaisonMeeting,
	council: string,
	actor: Actor,
	now = new Date()
): Promise<
	| { ok: true; channels: ('email' | 'letter')[] }
	| { ok: false; reason: 'no_outcome' | 'already_sent' }
> {
	if (!referral.outcomeRecordedAt) return { ok: false, reason: 'no_outcome' };
	const { subject, paragraphs } = outcomeLetterText(referral, meeting, council);
	const answers = sentAnswers(referral);
	const wantsLetter = answers.reply === 'letter';
	const address = answers.replyAddress ?? referral.parentAddress;
	const result = await withWriteTransaction(db, async (tx) => {
		// Claimed in the write, so a double click or a second tab sends nothing more.
		const claimed = changedRows(
			await tx
				.update(liaisonReferral)
				.set({ letterSentAt: now })
				.where(and(eq(liaisonReferral.id, referral.id), isNull(liaisonReferral.letterSentAt)))
		);
		if (claimed === 0) return null;
		const [emailId] = await queueEmails(
			tx,
			[
				{
					to: referral.parentEmail,
					subject,
					text: paragraphs.join('\n\n'),
					template: 'liaison_outcome',
					bookingId: null
				}
			],
			now
		);
		await tx.insert(liaisonLetter).values({
			liaisonReferralId: referral.id,
			kind: 'outcome',
			channel: 'email',
			sentTo: referral.parentEmail,
			emailOutboxId: emailId,
			sentByStaffUserId: actor.staffUserId,
			sentAt: now
		});
		if (wantsLetter && address)
			await tx.insert(liaisonLetter).values({
				liaisonReferralId: referral.id,
				kind: 'outcome',
				channel: 'letter',
				sentTo: address.split('\n')[0],
				sentByStaffUserId: actor.staffUserId,
				sentAt: now
			});
		await recordAudit(
			tx,
			{
				actorStaffUserId: actor.staffUserId,
				ip: actor.ip,
				action: 'liaison_referral.letter_sent',
				subjectType: 'liaison_referral',
				subjectId: referral.id,
				summary: `Outcome letter sent for referral ${referral.id}`
			},
			now
		);
		return wantsLetter && address ? (['email', 'letter'] as const) : (['email'] as const);
	});
	if (!result) return { ok: false, reason: 'already_sent' };
	void deliverPending(db);
	return { ok: true, channels: [...result] };
}
