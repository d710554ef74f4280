import { describe, expect, it } from 'vitest';
import {
	dayOptions,
	describeFilters,
	filterQuery,
	loadFilterOptions,
	parseFilters
} from './filters';
import { insightsFixture } from './testFixtures';

const { db, consultationId, sessionId, otherSessionId } = await insightsFixture();
const options = await loadFilterOptions(db, consultationId);
const parse = (query: string) => parseFilters(new URLSearchParams(query), options);

describe('loadFilterOptions', () => {
	it("lists this consultation's sessions and the 'about you' answers shared across audiences", () => {
		expect(options.sessions.map((s) => s.value)).toEqual([String(sessionId)]);
		const need = options.profile.find((p) => p.param === 'need')!;
		expect(need.options.map((o) => o.value)).toContain('sensory_physical');
		expect(need.options.find((o) => o.value === 'semh')!.text).toBe(
			'Social, emotional and mental health'
		);
		expect(
			options.profile.find((p) => p.param === 'support')!.options.map((o) => o.value)
		).toContain('ehc_plan');
		expect(
			options.profile.find((p) => p.param === 'ageBand')!.options.map((o) => o.value)
		).toContain('13-15');
	});
});

describe('parseFilters', () => {
	it('reads valid filters and ignores blanks', () => {
		const p = parse(
			`audience=parents_carers&channel=&session=${sessionId}&from=2026-06-02&to=2026-06-03&need=sensory_physical&support=ehc_plan`
		);
		expect(p.errors).toEqual({});
		expect(p.filters).toEqual({
			audience: 'parents_carers',
			sessionId,
			from: '2026-06-02',
			to: '2026-06-03',
			profile: [
				{ key: 'type-of-need', value: 'sensory_physical' },
				{ key: 'support-level', value: 'ehc_plan' }
			]
		});
		expect(p.active).toBe(true);
		expect(filterQuery(p.values)).toBe(
			`?audience=parents_carers&session=${sessionId}&from=2026-06-02&to=2026-06-03&need=sensory_physical&support=ehc_plan`
		);
		expect(describeFilters(p.filters, options)).toContain('Parents and carers');
	});

	it('gives a message for each unknown or malformed value, and drops only those filters', () => {
		const p = parse(
			`audience=aliens&channel=fax&session=${otherSessionId}&from=2026-13-01&to=yesterday&need=telepathy&ageBand=99`
		);
		expect(p.errors).toEqual({
			audience: 'Select an audience from the list',
			channel: 'Select a way of responding from the list',
			session: 'Select a roadshow session of this consultation from the list',
			from: 'The start date must be a real date in the format YYYY-MM-DD, like 2026-06-01',
			to: 'The end date must be a real date in the format YYYY-MM-DD, like 2026-06-01',
			ageBand: 'Select an age from the list',
			need: 'Select a type of need from the list'
		});
		expect(p.filters).toEqual({ profile: [] });
	});

	it('rejects an end date before the start date and impossible dates', () => {
		expect(parse('from=2026-06-03&to=2026-06-02').errors.to).toBe(
			'The end date must be the same as or after the start date'
		);
		expect(parse('from=2026-02-30').errors.from).toBeDefined();
		expect(parse('session=abc').errors.session).toBeDefined();
	});

	it('has no filters for an empty query', () => {
		const p = parse('');
		expect(p).toMatchObject({ errors: {}, active: false, filters: { profile: [] } });
		expect(filterQuery(p.values)).toBe('');
	});
});

describe('dayOptions', () => {
	it('lists the open days and adds only a real filter date from the address', () => {
		const parsed = parse('from=2026-13-45&to=2026-07-01');
		// Used to format the raw "2026-13-45" and throw: a 500 for a mistyped address.
		expect(parsed.errors.from).toBeDefined();
		expect(dayOptions('2026-06-01', '2026-06-02', parsed.filters)).toEqual([
			{ value: '2026-06-01', text: 'Monday 1 June 2026' },
			{ value: '2026-06-02', text: 'Tuesday 2 June 2026' },
			{ value: '2026-07-01', text: 'Wednesday 1 July 2026' }
		]);
	});
});
