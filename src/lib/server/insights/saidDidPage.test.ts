import { describe, expect, it } from 'vitest';
import { agreementRow as rawRow } from './aggregate';
import type { PriorityFigures } from './responseFigures';
import { emptyTableWarnings, responsePageContent } from './saidDidPage';
import { codingFixture } from './codingFixtures';
import { getResponseDraft, savePrioritySaidDid } from './saidDid';

// Rows as the disclosure module publishes them (no percentage needed for these warnings).
const agreementRow = (...args: Parameters<typeof rawRow>) => ({
	...rawRow(...args),
	percentAgree: null
});

const figures = (parents: number, young: number): PriorityFigures => ({
	agreement: {
		audiences: [
			agreementRow('parents_carers', { agree: parents }),
			agreementRow('practitioners', {}),
			agreementRow('young_people', { strongly_agree: young })
		],
		all: agreementRow('all', { agree: parents, strongly_agree: young })
	},
	comments: 0,
	themes: []
});

describe('emptyTableWarnings', () => {
	const priorities = [
		{ priorityId: 11, position: 1 },
		{ priorityId: 12, position: 2 },
		{ priorityId: 13, position: 3 }
	];

	it('names a table nobody answered and the rows of groups who did not respond', () => {
		const warnings = emptyTableWarnings(
			priorities,
			new Map([
				[11, figures(0, 0)],
				[12, figures(8, 0)],
				[13, figures(8, 6)]
			])
		);
		expect(warnings).toEqual([
			'Priority 1: nobody answered how much they agree, so its agreement table shows only zeros',
			'Priority 2: no responses from practitioners or young people, so those rows show only zeros',
			'Priority 3: no responses from practitioners, so that row shows only zeros'
		]);
	});

	it('does not take a small, hidden count ("fewer than 5") for no responses', () => {
		const all = (n: number) => ({
			agreement: {
				audiences: ['parents_carers', 'practitioners', 'young_people'].map((a) =>
					agreementRow(a as 'parents_carers', { agree: n })
				),
				all: agreementRow('all', { agree: 3 * n })
			},
			comments: 0,
			themes: []
		});
		expect(emptyTableWarnings([priorities[0]], new Map([[11, all(2)]]))).toEqual([]);
	});
});

describe('responsePageContent', () => {
	it('shapes the draft as the public page shows it, with warnings for the lead', async () => {
		const f = await codingFixture();
		await savePrioritySaidDid(
			f.db,
			f.consultationId,
			f.priorityIds[0],
			{ youSaid: 'Buses are late.\n\nTaxis too.', weDid: 'A minibus.' },
			f.actor
		);
		const { content, warnings } = await responsePageContent(
			f.db,
			f.consultationId,
			await getResponseDraft(f.db, f.consultationId)
		);
		expect(content.priorities.map((p) => [p.position, p.youSaid, p.weDid])).toEqual([
			[1, ['Buses are late.', 'Taxis too.'], ['A minibus.']],
			[2, [], []]
		]);
		expect(content.publishedAt).toBeNull();
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toMatch(/^Priority 1: nobody answered/);
	});
});
