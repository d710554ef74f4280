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
	generateLinkToken,
	hashLinkToken
} from './referrals';
export { recordOutcome, outcomeLetterText, outcomeLetterPdf, sendOutcomeLetter } from './outcome';
export { applyLiaisonRetention } from './retention';
