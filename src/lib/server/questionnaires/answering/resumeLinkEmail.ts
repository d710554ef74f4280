// The "save and come back later" email: the resume link, sent only when someone asks for it.
// The address is used for this email alone; it is not stored with the answers.
import type { Db } from '../../db';
import { formatDate } from '../../../format';
import { sendEmails } from '../../notify';

export type ResumeLinkInput = {
	to: string;
	link: string;
	consultationTitle: string;
	/** The consultation's last day, 'YYYY-MM-DD': the link works until answers can no longer be sent. */
	closesOn: string;
};

export function resumeLinkEmail({
	link,
	consultationTitle,
	closesOn
}: Omit<ResumeLinkInput, 'to'>): { subject: string; text: string } {
	return {
		subject: `Your link to finish your answers: ${consultationTitle}`,
		text: [
			'Hello,',
			'',
			`You saved your answers to the ${consultationTitle} questionnaire.`,
			'To carry on where you left off, use this link:',
			link,
			'',
			`The link works until the consultation closes at 11:59pm on ${formatDate(closesOn)}.`,
			'Your answers only count when you send them, so send them by then.',
			'Keep this link private. Anyone with it can see and change your answers.',
			'',
			'If you did not ask for this, you can ignore this email.',
			'',
			'Thank you,',
			'The SEND consultation team',
			''
		].join('\n')
	};
}

/** Queues the email and starts delivery; never rejects (the answers are already saved). */
export async function notifyResumeLink(
	db: Db,
	input: ResumeLinkInput,
	now = new Date()
): Promise<number> {
	const { subject, text } = resumeLinkEmail(input);
	return await sendEmails(
		db,
		[
			{
				to: input.to,
				subject,
				text,
				template: 'questionnaire_resume_link',
				bookingId: null,
				// Anyone can ask for this to any address: capped per address (notify/outbox.ts).
				capped: true
			}
		],
		now
	);
}
