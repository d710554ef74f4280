// The figures "You said, we did" shows beside each priority: agreement by audience with its bases,
// and the top themes as shares of the priority's comments. They are the unfiltered dashboard's
// figures, protected with everything the dashboard shows, so the public page can never show a
// figure the dashboard hides (nor hide a different one).
import type { Db } from '../db';
import { agreementLabels, agreementValues } from '../../agreement';
import { loadDashboard } from './dashboard';
import {
	formatCount,
	formatPercent,
	isShown,
	SUPPRESSED_TEXT,
	WITHHELD_TEXT,
	type PublishedPriority
} from './disclosure';

export type PriorityFigures = Pick<PublishedPriority, 'agreement' | 'comments' | 'themes'>;

export async function responseFigures(
	db: Db,
	consultationId: number,
	priorityIds: number[]
): Promise<Map<number, PriorityFigures>> {
	const dashboard = (await loadDashboard(db, consultationId, {}, { examples: 0 }))!;
	const byId = new Map(dashboard.priorities.map((p) => [p.id, p]));
	return new Map(
		priorityIds.map((id) => {
			const p = byId.get(id)!;
			return [id, { agreement: p.agreement, comments: p.comments, themes: p.themes }];
		})
	);
}

export type FiguresForDisplay = {
	agreementHead: { text: string; numeric?: boolean }[];
	agreementRows: { text: string; numeric?: boolean; header?: boolean }[][];
	/** "120 people answered", from the all-audiences base. */
	base: string;
	/** The key under each table: what "fewer than 5" and "not shown" mean, when either is used. */
	agreementKey: string[];
	themesKey: string[];
	comments: string;
	themes: { name: string; count: string; percent: string }[];
};

function keyFor(texts: string[]): string[] {
	const key: string[] = [];
	if (texts.includes(SUPPRESSED_TEXT))
		key.push(`“${SUPPRESSED_TEXT}”: 1 to 4 people, not shown so that nobody can be identified.`);
	if (texts.includes(WITHHELD_TEXT))
		key.push(
			`“${WITHHELD_TEXT}”: a figure hidden so that a number under 5 cannot be worked out from the others.`
		);
	return key;
}

/** The figures as the words and cells a page shows, "fewer than 5" and "not shown" included. */
export function displayFigures(f: PriorityFigures): FiguresForDisplay {
	const rows = [...f.agreement.audiences, f.agreement.all];
	const agreementRows = rows.map((r) => [
		{ text: r.label, header: true },
		...agreementValues.map((v) => ({ text: formatCount(r.counts[v]), numeric: true })),
		{ text: formatCount(r.n), numeric: true },
		{ text: r.n === 0 ? 'no answers' : formatPercent(r.percentAgree), numeric: true }
	]);
	const themes = f.themes.map((t) => ({
		name: t.name,
		count: formatCount(t.count),
		percent: formatPercent(t.percent)
	}));
	const n = f.agreement.all.n;
	return {
		agreementHead: [
			{ text: 'Group' },
			...agreementValues.map((v) => ({ text: agreementLabels[v], numeric: true })),
			{ text: 'Answered (base)', numeric: true },
			{ text: 'Agree or strongly agree', numeric: true }
		],
		agreementRows,
		base:
			n === 0
				? 'Nobody answered this question'
				: isShown(n)
					? `${formatCount(n)} ${n === 1 ? 'person' : 'people'} answered`
					: n === 'small'
						? 'Fewer than 5 people answered'
						: 'The number who answered is not shown',
		agreementKey: keyFor(agreementRows.flat().map((c) => c.text)),
		themesKey: keyFor(themes.flatMap((t) => [t.count, t.percent])),
		comments: formatCount(f.comments),
		themes
	};
}
