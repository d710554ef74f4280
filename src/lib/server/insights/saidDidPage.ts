// What the public "You said, we did" page shows, shaped once for the public page and for the
// staff preview before publishing, so the preview is the page people will read.
import type { Db } from '../db';
import type { ResponseDraft } from './saidDid';
import { displayFigures, responseFigures, type PriorityFigures } from './responseFigures';

const paragraphs = (text: string) =>
	text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);

/** The page's content, and warnings for the lead about tables that would hold no responses. */
export async function responsePageContent(db: Db, consultationId: number, response: ResponseDraft) {
	const figures = await responseFigures(
		db,
		consultationId,
		response.priorities.map((p) => p.priorityId)
	);
	const content = {
		publishedAt: response.publishedAt,
		introduction: paragraphs(response.introduction),
		easyRead: response.easyReadSummary
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean),
		priorities: response.priorities.map((p) => ({
			position: p.position,
			title: p.title,
			easyReadTitle: p.easyReadTitle || p.title,
			youSaid: paragraphs(p.youSaid),
			weDid: paragraphs(p.weDid),
			figures: displayFigures(figures.get(p.priorityId)!)
		}))
	};
	return { content, warnings: emptyTableWarnings(response.priorities, figures) };
}

/**
 * Tables that would be published holding no responses (all zeros), one plain line each, so a
 * lead sees them before a publication that cannot be undone. They do not stop publishing: an
 * empty table may be the truth, but it should never be a surprise.
 */
export function emptyTableWarnings(
	priorities: { priorityId: number; position: number }[],
	figures: Map<number, PriorityFigures>
): string[] {
	const warnings: string[] = [];
	for (const p of priorities) {
		const f = figures.get(p.priorityId);
		if (!f) continue;
		if (f.agreement.all.n === 0) {
			warnings.push(
				`Priority ${p.position}: nobody answered how much they agree, so its agreement table shows only zeros`
			);
			continue;
		}
		const empty = f.agreement.audiences.filter((a) => a.n === 0).map((a) => a.label.toLowerCase());
		if (empty.length)
			warnings.push(
				`Priority ${p.position}: no responses from ${empty.join(' or ')}, so ${empty.length === 1 ? 'that row shows' : 'those rows show'} only zeros`
			);
	}
	return warnings;
}
