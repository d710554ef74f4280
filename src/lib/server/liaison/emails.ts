// What the family is told when their child is referred: the secret link to the questionnaire.
import type { LiaisonMeeting, LiaisonReferral } from '../db/schema';
import type { OutgoingEmail } from '../notify';
import { formatDate, formatDeadline, formatTime } from '../../format';

export const familyLinkPath = (token: string) => `/pre-school-liaison/${token}`;

export function questionnaireLinkEmail(
	referral: Pick<
		LiaisonReferral,
		'parentName' | 'parentEmail' | 'childFirstName' | 'referrerName' | 'referrerProfession'
	>,
	meeting: Pick<LiaisonMeeting, 'meetsAt' | 'answersDueAt'>,
	token: string,
	baseUrl: string,
	replacesEarlierLink = false
): OutgoingEmail {
	const child = referral.childFirstName;
	return {
		to: referral.parentEmail,
		subject: `Tell the pre-school liaison group about ${child}`,
		text: [
			`Dear ${referral.parentName},`,
			'',
			`As you agreed with ${referral.referrerName} (${referral.referrerProfession.toLowerCase()}), ${child} will be discussed at the pre-school liaison group on ${formatDate(meeting.meetsAt)} at ${formatTime(meeting.meetsAt)}. Families do not go to the meeting.`,
			'',
			`Before the meeting, please tell the group what is going well for ${child}, anything you are worried about, and any questions you would like answered. After the meeting we will write to you with what the group decided and answers to your questions.`,
			'',
			`Answer by ${formatDeadline(meeting.answersDueAt)}:`,
			`${baseUrl}${familyLinkPath(token)}`,
			'',
			'It takes about 10 minutes. Your answers are saved as you go, so you can use this link again to finish later. Do not share this link: anyone with it can see your answers.',
			...(replacesEarlierLink ? ['', 'The link in our earlier email no longer works.'] : []),
			'',
			`If you have a question, or you would rather answer on paper or by phone, contact ${referral.referrerName}.`
		].join('\n'),
		template: 'liaison_questionnaire_link',
		bookingId: null
	};
}
