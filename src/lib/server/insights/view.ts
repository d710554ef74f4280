// The dashboard as the page, the report and the workbook show it: table cells as text ("fewer
// than 5" for a suppressed count), chart series without suppressed groups, and a one-sentence
// summary of each chart for people who cannot see it.
import { agreementLabels, agreementValues, type AgreementValue } from '../../agreement';
import { audienceLabels, channelLabels } from '../questionnaires/audiences';
import { formatDate, formatShortDate } from '../../format';
import type { AgreementRow, Count } from './aggregate';
import type { Dashboard } from './dashboard';
import { formatCount, formatPercent, WITHHELD_TEXT } from './suppress';
import type { AgreementBar, DashboardView } from '../../components/insights/types';

export type { AgreementBar, DashboardView };

export type Cell = { text: string; numeric?: boolean; header?: boolean };

const numeric = (text: string): Cell => ({ text, numeric: true });

export const AGREEMENT_TABLE_HEAD = [
	{ text: 'Audience' },
	...agreementValues.map((v) => ({ text: agreementLabels[v], numeric: true })),
	{ text: 'Base (n)', numeric: true },
	{ text: '% agree', numeric: true }
];

/** "12", "fewer than 5", or "not shown" for a count hidden so that a small one stays hidden. */
export function agreementCountText(row: AgreementRow, value: AgreementValue): string {
	return row.withheld.includes(value) ? WITHHELD_TEXT : formatCount(row.counts[value]);
}

export function agreementTableRow(row: AgreementRow): Cell[] {
	return [
		{ text: row.label, header: true },
		...agreementValues.map((v) => numeric(agreementCountText(row, v))),
		numeric(formatCount(row.n)),
		numeric(row.n === 0 ? 'no answers' : formatPercent(row.percentAgree))
	];
}

function agreementBar(row: AgreementRow): AgreementBar | null {
	if (row.n === null || row.n === 0) return null;
	const shares: AgreementBar['shares'] = {};
	for (const v of agreementValues) {
		const count = row.counts[v];
		if (count !== null) shares[v] = Math.round((count / row.n) * 1000) / 10;
	}
	return { label: row.label, n: row.n, shares };
}

function agreementSummary(audiences: AgreementRow[], all: AgreementRow): string {
	if (all.n === 0) return 'No one has answered this question yet with these filters.';
	if (all.n === null)
		return 'Fewer than 5 people answered this question with these filters, so the figures are not shown.';
	const overall =
		all.percentAgree === null
			? `${formatCount(all.n)} people answered; the share who agreed is not shown because it would reveal a group of fewer than 5.`
			: `${all.percentAgree}% of the ${formatCount(all.n)} people who answered agreed or strongly agreed.`;
	const shown = audiences.filter((a) => a.percentAgree !== null && a.n !== null && a.n > 0);
	if (shown.length < 2) return overall;
	const sorted = [...shown].sort((a, b) => b.percentAgree! - a.percentAgree!);
	const most = sorted[0];
	const least = sorted[sorted.length - 1];
	if (most.percentAgree === least.percentAgree)
		return `${overall} Every audience agreed in the same proportion.`;
	return `${overall} ${most.label} agreed most (${most.percentAgree}%) and ${least.label.toLowerCase()} least (${least.percentAgree}%).`;
}

function daySummary(byDay: { day: string; n: Count }[], total: Count): string {
	if (byDay.length === 0) return 'No responses match these filters.';
	const busiest = byDay.reduce((best, d) => ((d.n ?? 0) > (best.n ?? 0) ? d : best), byDay[0]);
	const days = byDay.length === 1 ? '1 day' : `${byDay.length} days`;
	const peak =
		busiest.n && busiest.n > 0
			? ` The busiest day was ${formatDate(busiest.day)}, with ${formatCount(busiest.n)}.`
			: '';
	return `${total === null ? 'Fewer than 5' : formatCount(total)} responses over ${days}.${peak}`;
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
			points: d.byDay.map((p) => ({ label: formatShortDate(p.day), n: p.n })),
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
