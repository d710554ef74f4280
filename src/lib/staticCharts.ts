// Geometry for the printable report's charts: plain SVG drawn on the server from the same
// series the dashboard's chart.js charts use, so a printed report needs no JavaScript.
// "Don't know" and answers hidden to protect small groups are left out of the bars, as on screen.

export type Segment = { key: string; x: number; width: number; share: number };
export type StackedRow = { label: string; y: number; segments: Segment[] };

export const STACK_ORDER = [
	'strongly_disagree',
	'disagree',
	'neither',
	'agree',
	'strongly_agree'
] as const;

export const STACK_LAYOUT = { labelWidth: 220, barWidth: 400, rowHeight: 34, barHeight: 22 };

/** One 100%-wide stacked bar per audience, strongly disagree on the left to strongly agree on the right. */
export function stackedAgreementRows(
	bars: { label: string; n: number; shares: Partial<Record<string, number>> }[]
): StackedRow[] {
	const { labelWidth, barWidth, rowHeight } = STACK_LAYOUT;
	return bars.map((b, i) => {
		let x = labelWidth;
		const segments: Segment[] = [];
		for (const key of STACK_ORDER) {
			const share = b.shares[key];
			if (share === undefined || share <= 0) continue;
			const width = (share / 100) * barWidth;
			segments.push({ key, x, width, share });
			x += width;
		}
		return { label: `${b.label} (n = ${b.n.toLocaleString('en-GB')})`, y: i * rowHeight, segments };
	});
}

export type Column = {
	label: string;
	n: number | null;
	x: number;
	y: number;
	width: number;
	height: number;
};

export const COLUMN_LAYOUT = { width: 620, height: 160, left: 40, bottom: 24 };

/**
 * A column per day, scaled to the busiest day; the axis shows 0 and the most in a day. A day
 * hidden to protect a small group (null) gets no column, as in its table.
 */
export function dailyColumns(points: { label: string; n: number | null }[]): {
	columns: Column[];
	max: number;
} {
	const { width, height, left, bottom } = COLUMN_LAYOUT;
	const max = Math.max(1, ...points.map((p) => p.n ?? 0));
	const plot = height - bottom;
	const step = points.length ? (width - left) / points.length : 0;
	return {
		max,
		columns: points.map((p, i) => {
			const h = ((p.n ?? 0) / max) * plot;
			return {
				label: p.label,
				n: p.n,
				x: left + i * step + step * 0.15,
				y: plot - h,
				width: Math.max(1, step * 0.7),
				height: h
			};
		})
	};
}
