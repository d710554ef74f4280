// Pre-school liaison groups: referrals, the family's questionnaire, outcomes and letters.
// Only the liaison role and admins may reach these (auth/access.ts, 'liaison:manage').
export {
	PROFESSIONS,
	CONCERNS,
	QUESTION_KEYS,
	QUESTION_SCHEMAS,
	nextQuestion,
	parseAnswers,
	type LiaisonAnswers,
	type QuestionKey
} from './questionnaire';
export {
	referralSchema,
	addReferral,
	recordReferralView,
	openFamilyLink,
	saveAnswer,
	submitAnswers,
	sendNewFamilyLink,
	generateLinkToken,
	hashLinkToken,
	type FamilyLink,
	type ReferralInput
} from './referrals';
export { recordOutcome, outcomeLetterText, outcomeLetterPdf, sendOutcomeLetter } from './outcome';
export {
	checkGroupForm,
	createGroup,
	updateGroup,
	listGroups,
	getGroup,
	getMeeting,
	checkMeetingForm,
	addMeeting,
	updateMeeting,
	type GroupInput,
	type MeetingForm,
	type MeetingInput
} from './groups';
export {
	referralStatus,
	STATUS_TAGS,
	listMeetingReferrals,
	readReferral,
	readAgendaPack,
	listSentLetters,
	type ReferralStatus,
	type ReferralRecord
} from './records';
export { familyLinkPath } from './emails';
export { applyLiaisonRetention } from './retention';
