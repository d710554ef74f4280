// The figures "You said, we did" shows beside each priority: agreement by audience and the top
// themes as shares of the priority's comments. Every figure arrives suppressed from aggregate.ts.
import type { Db } from '../db';
import {
	agreementByPriority,
	commentCounts,
	topThemesByPriority,
	type Count,
	type PriorityAgreement
} from './aggregate';
import { agreementLabels, agreementValues } from '../../agreement';
import { formatCount, formatPercent, suppress, suppressedPercent } from './suppress';
import { agreementCountText } from './view';

export type ThemeShare = { themeId: number; name: string; count: Count; percent: number | null };
export type PriorityFigures = {
	agreement: PriorityAgreement;
	comments: Count;
	themes: ThemeShare[];
};

export function responseFigures(
	db: Db,
	consultationId: number,
	priorityIds: number[],
	themeLimit = 5
): Map<number, PriorityFigures> {
	const agreement = agreementByPriority(db, consultationId, priorityIds);
	const comments = commentCounts(db, consultationId);
	const themes = topThemesByPriority(db, consultationId, {}, themeLimit);
	return new Map(
		priorityIds.map((id) => {
			const total = comments.get(id) ?? 0;
			return [
				id,
				{
					agreement: agreement.get(id)!,
					comments: suppress(total),
					themes: (themes.get(id) ?? []).map((t) => ({
						...t,
						percent: t.count === null ? null : suppressedPercent(t.count, total)
					}))
				}
			];
		})
	);
}

export type FiguresForDisplay = {
	agreementHead: { text: string; numeric?: boolean }[];
	agreementRows: { text: string; numeric?: boolean; header?: boolean }[][];
	/** "120 people answered", from the all-audiences base. */
	base: string;
	comments: string;
	themes: { name: string; count: string; percent: string }[];
};

/** The figures as the words and cells a page shows, "fewer than 5" and "not shown" included. */
export function displayFigures(f: PriorityFigures): FiguresForDisplay {
	const rows = [...f.agreement.audiences, f.agreement.all];
	return {
		agreementHead: [
			{ text: 'Group' },
			...agreementValues.map((v) => ({ text: agreementLabels[v], numeric: true })),
			{ text: 'Answered', numeric: true },
			{ text: 'Agree or strongly agree', numeric: true }
		],
		agreementRows: rows.map((r) => [
			{ text: r.label, header: true },
			...agreementValues.map((v) => ({ text: agreementCountText(r, v), numeric: true })),
			{ text: formatCount(r.n), numeric: true },
			{ text: formatPercent(r.percentAgree), numeric: true }
		]),
		base:
			f.agreement.all.n === 0
				? 'Nobody answered this question'
				: `${formatCount(f.agreement.all.n)} ${f.agreement.all.n === 1 ? 'person' : 'people'} answered`,
		comments: formatCount(f.comments),
		themes: f.themes.map((t) => ({
			name: t.name,
			count: formatCount(t.count),
			percent: formatPercent(t.percent)
		}))
	};
}
