// The demo parents' questionnaire answered as a browser without JavaScript answers it: the start
// page, "Start", each question's form post and the page it redirects to, check answers, "Send your
// response" and the sent page. For the questionnaire tests and bench/responses.ts.

export const DEMO_PARENTS_START =
	'/consultations/send-partnership-strategy/questionnaires/parents-carers';

const comment = 'Support should start earlier, and families should be told what happens next.';

/** 15 answers: six priorities with a comment each, then three more. */
export const DEMO_PARENT_ANSWERS: [string, string][] = [
	...[1, 2, 3, 4, 5, 6].flatMap((n): [string, string][] => [
		[`priority-${n}-agree`, n % 3 === 0 ? 'disagree' : 'agree'],
		[n % 3 === 0 ? `priority-${n}-disagree-why` : `priority-${n}-why`, comment]
	]),
	['biggest-difference', 'Shorter waits for assessments.'],
	['responding-as', 'parent_carer'],
	['age-band', '7-9']
];
