// The dashboard as the page, the report and the workbook show it: table cells as text ("fewer
// than 5" or "not shown" for a hidden count), chart series without hidden groups, and a
// one-sentence summary of each chart for people who cannot see it. Everything here comes from a
// Dashboard that disclosure.ts has protected; it fills the types the components own.
import type { AgreementBar, DashboardView } from '$lib/components/insights/types';
import { agreementLabels, agreementValues, type AgreementValue } from '../../agreement';
import { audienceLabels, channelLabels } from '../questionnaires/audiences';
import { formatDate, formatShortDate } from '../../format';
import {
	formatCount,
	formatPercent,
	isShown,
	type Count,
	type Dashboard,
	type PublishedAgreementRow
} from './disclosure';

export type Cell = { text: string; numeric?: boolean; header?: boolean };

const numeric = (text: string): Cell => ({ text, numeric: true });

export const AGREEMENT_TABLE_HEAD = [
	{ text: 'Audience' },
	...agreementValues.map((v) => ({ text: agreementLabels[v], numeric: true })),
	{ text: 'Base (n)', numeric: true },
	{ text: '% agree', numeric: true }
];

/** "12", "fewer than 5", or "not shown" for a count hidden so that a small one stays hidden. */
export function agreementCountText(row: PublishedAgreementRow, value: AgreementValue): string {
	return formatCount(row.counts[value]);
}

export function agreementTableRow(row: PublishedAgreementRow): Cell[] {
	return [
		{ text: row.label, header: true },
		...agreementValues.map((v) => numeric(agreementCountText(row, v))),
		numeric(formatCount(row.n)),
		numeric(row.n === 0 ? 'no answers' : formatPercent(row.percentAgree))
	];
}

/** A bar only where the base is shown, with shares of the shown counts: nothing a table hides. */
function agreementBar(row: PublishedAgreementRow): AgreementBar | null {
	const n = row.n;
	if (!isShown(n) || n === 0) return null;
	const shares: AgreementBar['shares'] = {};
	for (const v of agreementValues) {
		const count = row.counts[v];
		if (isShown(count)) shares[v] = Math.round((count / n) * 1000) / 10;
	}
	return { label: row.label, n, shares };
}

function agreementSummary(audiences: PublishedAgreementRow[], all: PublishedAgreementRow): string {
	if (all.n === 0) return 'No one has answered this question yet with these filters.';
	if (all.n === 'small')
		return 'Fewer than 5 people answered this question with these filters, so the figures are not shown.';
	if (all.n === 'withheld')
		return 'The number who answered is not shown, so that a small group cannot be worked out from it.';
	const overall =
		all.percentAgree === null
			? `${formatCount(all.n)} people answered; the share who agreed is not shown because it would reveal a group of fewer than 5.`
			: `${all.percentAgree}% of the ${formatCount(all.n)} people who answered agreed or strongly agreed.`;
	const shown = audiences.filter((a) => a.percentAgree !== null);
	if (shown.length < 2) return overall;
	const sorted = [...shown].sort((a, b) => b.percentAgree! - a.percentAgree!);
	const most = sorted[0];
	const least = sorted[sorted.length - 1];
	if (most.percentAgree === least.percentAgree)
		return `${overall} Every audience agreed in the same proportion.`;
	return `${overall} ${most.label} agreed most (${most.percentAgree}%) and ${least.label.toLowerCase()} least (${least.percentAgree}%).`;
}

const shownOr0 = (c: Count) => (isShown(c) ? c : 0);

function daySummary(byDay: { day: string; n: Count }[], total: Count): string {
	if (byDay.length === 0) return 'No responses match these filters.';
	const busiest = byDay.reduce(
		(best, d) => (shownOr0(d.n) > shownOr0(best.n) ? d : best),
		byDay[0]
	);
	const days = byDay.length === 1 ? '1 day' : `${byDay.length} days`;
	const peak =
		shownOr0(busiest.n) > 0
			? ` The busiest day was ${formatDate(busiest.day)}, with ${formatCount(busiest.n)}.`
			: '';
	const count = formatCount(total);
	return `${count.charAt(0).toUpperCase()}${count.slice(1)} responses over ${days}.${peak}`;
}

const when = (at: number) => formatShortDate(new Date(at));

export function dashboardView(d: Dashboard): DashboardView {
	return {
		agreementHead: AGREEMENT_TABLE_HEAD,
		total: formatCount(d.totals.total),
		byAudience: d.totals.byAudience.map((a) => [
			{ text: a.label, header: true },
			numeric(formatCount(a.n))
		]),
		byChannel: d.totals.byChannel.map((c) => [
			{ text: c.label, header: true },
			numeric(formatCount(c.n))
		]),
		roadshowTotals: {
			booked: formatCount(d.roadshow.booked),
			attended: formatCount(d.roadshow.attended),
			waiting: formatCount(d.roadshow.waiting)
		},
		sessions: d.roadshow.sessions.map((s) => [
			{
				text: `${s.title}, ${formatShortDate(s.startsAt)}${s.cancelled ? ' (cancelled)' : ''}`,
				header: true
			},
			numeric(String(s.capacity)),
			numeric(formatCount(s.booked)),
			numeric(formatCount(s.waiting)),
			numeric(formatCount(s.attended)),
			numeric(formatCount(s.responses)),
			numeric(formatCount(s.notes))
		]),
		byDay: {
			summary: daySummary(d.byDay, d.totals.total),
			points: d.byDay.map((p) => ({ label: formatShortDate(p.day), n: isShown(p.n) ? p.n : null })),
			rows: d.byDay.map((p) => [
				{ text: formatDate(p.day), header: true },
				numeric(formatCount(p.n))
			])
		},
		priorities: d.priorities.map((p) => ({
			id: p.id,
			position: p.position,
			title: p.title,
			base: formatCount(p.agreement.all.n),
			percentAgree:
				p.agreement.all.n === 0 ? 'no answers' : formatPercent(p.agreement.all.percentAgree),
			summary: agreementSummary(p.agreement.audiences, p.agreement.all),
			bars: p.agreement.audiences.map(agreementBar).filter((b): b is AgreementBar => b !== null),
			rows: [...p.agreement.audiences, p.agreement.all].map(agreementTableRow),
			comments: formatCount(p.comments),
			themes: p.themes.map((t) => ({ name: t.name, count: formatCount(t.count) })),
			examples: p.examples.map((c) => ({
				text: c.text,
				who: `${audienceLabels[c.audience]}, ${channelLabels[c.channel].toLowerCase()}, ${when(c.at)}`
			}))
		}))
	};
}
