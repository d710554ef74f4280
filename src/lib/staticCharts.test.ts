import { describe, expect, it } from 'vitest';
import { dailyColumns, STACK_LAYOUT, stackedAgreementRows } from './staticCharts';

describe('stackedAgreementRows', () => {
	it('lays each audience’s shares left to right, in scale order, leaving out hidden answers', () => {
		const [row] = stackedAgreementRows([
			{
				label: 'Parents and carers',
				n: 1200,
				shares: { agree: 50, strongly_disagree: 25, neither: 25 }
			}
		]);
		expect(row.label).toBe('Parents and carers (n = 1,200)');
		expect(row.segments.map((s) => s.key)).toEqual(['strongly_disagree', 'neither', 'agree']);
		const { labelWidth, barWidth } = STACK_LAYOUT;
		expect(row.segments.map((s) => [s.x, s.width])).toEqual([
			[labelWidth, barWidth / 4],
			[labelWidth + barWidth / 4, barWidth / 4],
			[labelWidth + barWidth / 2, barWidth / 2]
		]);
	});

	it('puts each audience on its own row', () => {
		const rows = stackedAgreementRows([
			{ label: 'A', n: 5, shares: { agree: 100 } },
			{ label: 'B', n: 5, shares: {} }
		]);
		expect(rows.map((r) => r.y)).toEqual([0, STACK_LAYOUT.rowHeight]);
		expect(rows[1].segments).toEqual([]);
	});
});

describe('dailyColumns', () => {
	it('scales the columns to the busiest day', () => {
		const { columns, max } = dailyColumns([
			{ label: '1 June', n: 10 },
			{ label: '2 June', n: 5 },
			{ label: '3 June', n: 0 },
			{ label: '4 June', n: null }
		]);
		expect(max).toBe(10);
		expect(columns[1].height).toBeCloseTo(columns[0].height / 2);
		expect(columns[2].height).toBe(0);
		expect(columns[3].height).toBe(0);
		expect(columns[0].x).toBeLessThan(columns[1].x);
	});

	it('draws nothing, without dividing by zero, when there are no responses', () => {
		expect(dailyColumns([])).toEqual({ columns: [], max: 1 });
	});
});
