// The props the insights components take: plain text and numbers, already suppressed and worded on
// the server (whose view code builds these types), so no component reaches into $lib/server.
import type { AgreementValue } from '$lib/agreement';
import type { TableCell, TableHead } from '../types';

/** One bar of the diverging chart: shares (per cent of n) by answer; suppressed answers are left out. */
export type AgreementBar = {
	label: string;
	n: number;
	shares: Partial<Record<AgreementValue, number>>;
};

/** A day of the responses chart: null where the count is suppressed. */
export type DayPoint = { label: string; n: number | null };

export type PriorityView = {
	id: number;
	position: number;
	title: string;
	base: string;
	percentAgree: string;
	summary: string;
	bars: AgreementBar[];
	rows: TableCell[][];
	comments: string;
	themes: { name: string; count: string }[];
	examples: { text: string; who: string }[];
};

export type DashboardView = {
	agreementHead: TableHead[];
	total: string;
	byAudience: TableCell[][];
	byChannel: TableCell[][];
	roadshowTotals: { booked: string; attended: string; waiting: string };
	sessions: TableCell[][];
	byDay: { summary: string; points: DayPoint[]; rows: TableCell[][] };
	priorities: PriorityView[];
};
