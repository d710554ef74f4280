// Answering questionnaires: journeys, answers, resume links, paper entry and roadshow notes, and
// staff views of what was answered. It reads published versions only (../versions).
export { addRoadshowNote, enterPaperResponse, listRoadshowNotes, NOTE_LIMIT } from './channels';
export { deleteContactDetailsAsStaff } from './contactDeletion';
export {
	checkAnswerRows,
	estimateMinutes,
	findStartPage,
	openJourney,
	publishedAudiences,
	questionAfter,
	questionForField,
	questionPage,
	resumeQuestion
} from './journey';
export type { Journey, OpenResult } from './journey';
export {
	answerOnLink,
	answerQuestion,
	deleteContactDetails,
	getContactDetails,
	getResponse,
	missingAnswers,
	startResponse,
	submitResponse
} from './responses';
export type { MissingAnswer } from './responses';
export {
	answerRows,
	findVersionIdByNumber,
	listSubmittedResponses,
	questionnaireSummaries,
	summaryStatus
} from './staffViews';
export type { RawAnswer } from './validation';
export { notifyResumeLink } from './resumeLinkEmail';
