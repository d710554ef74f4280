// "Was this page helpful?" answers on the main public pages over the last two months.
import type { Db } from '../db';
import { addPageComments, recordPageAnswer } from '../pageFeedback';

const DAY = 86_400_000;

type Page = { path: string; yes: number; no: number; comments: [string | null, string | null][] };

export function demoPages(slug: string): Page[] {
	return [
		{
			path: '/',
			yes: 41,
			no: 6,
			comments: [
				['Find out how to give my views on the SEND strategy', null],
				[
					'Find the questionnaire for my son’s school',
					'I could not tell which one was for practitioners'
				]
			]
		},
		{
			path: `/consultations/${slug}`,
			yes: 58,
			no: 9,
			comments: [
				['Book a roadshow place', 'The session near me was full'],
				['See what the priorities are', null],
				['Check the dates', 'Times of the sessions were hard to find on my phone']
			]
		},
		{
			path: `/consultations/${slug}/strategy`,
			yes: 17,
			no: 11,
			comments: [['Read the strategy', 'Too long, needs a shorter summary']]
		},
		{
			path: '/core-consultations',
			yes: 12,
			no: 2,
			comments: [['Register our school for Core Consultations Plus', null]]
		},
		{ path: '/privacy', yes: 6, no: 1, comments: [] }
	];
}

/** Spread over the last 60 days, comments on the most recent answers. */
export async function seedPageFeedback(db: Db, slug: string, now: Date): Promise<void> {
	let n = 0;
	for (const page of demoPages(slug)) {
		const answers = [
			...page.comments.map(([t, w]) => ({ helpful: w === null, tryingToDo: t, whatWentWrong: w })),
			...Array.from({ length: page.yes + page.no - page.comments.length }, () => ({
				helpful: true,
				tryingToDo: null,
				whatWentWrong: null
			}))
		];
		// Fix up the plain answers so the page's yes and no add up.
		let yesLeft = page.yes - page.comments.filter(([, wentWrong]) => wentWrong === null).length;
		for (const a of answers.slice(page.comments.length)) {
			a.helpful = yesLeft-- > 0;
		}
		// Through the same functions as the public form: the answer, then its comments minutes later.
		for (const [i, a] of answers.entries()) {
			n++;
			const createdAt = new Date(now.getTime() - ((i * 7 + n) % 60) * DAY - (n % 24) * 3_600_000);
			const token = await recordPageAnswer(
				db,
				{ path: page.path, helpful: a.helpful ? 'yes' : 'no' },
				createdAt
			);
			if (a.tryingToDo || a.whatWentWrong)
				await addPageComments(
					db,
					token,
					{ tryingToDo: a.tryingToDo, whatWentWrong: a.whatWentWrong },
					new Date(createdAt.getTime() + 4 * 60_000)
				);
		}
	}
}
