import { describe, expect, it } from 'vitest';
import { closingDate, consultationStatus } from './status';

const base = {
	opensOn: '2026-06-01',
	closesOn: '2026-06-30',
	publishedAt: new Date('2026-05-20T09:00:00Z'),
	closedEarlyAt: null,
	responsePublishedAt: null
};

describe('consultationStatus', () => {
	it('is a draft until published, whatever the dates', () => {
		expect(consultationStatus({ ...base, publishedAt: null }, '2026-06-10')).toBe('draft');
	});

	it('follows the dates once published, open through the whole close date', () => {
		expect(consultationStatus(base, '2026-05-31')).toBe('upcoming');
		expect(consultationStatus(base, '2026-06-01')).toBe('open');
		expect(consultationStatus(base, '2026-06-30')).toBe('open');
		expect(consultationStatus(base, '2026-07-01')).toBe('closed');
	});

	it('closes early when staff close it, and ends with the published response', () => {
		expect(consultationStatus({ ...base, closedEarlyAt: new Date() }, '2026-06-10')).toBe('closed');
		expect(consultationStatus({ ...base, responsePublishedAt: new Date() }, '2026-07-10')).toBe(
			'response_published'
		);
	});
});

describe('closingDate', () => {
	it('is the planned close date unless staff closed early, then the UK day they did', () => {
		expect(closingDate({ closesOn: '2027-01-12', closedEarlyAt: null })).toBe('2027-01-12');
		expect(
			closingDate({ closesOn: '2027-01-12', closedEarlyAt: new Date('2026-12-02T10:00:00Z') })
		).toBe('2026-12-02');
		// 23:30 UTC on a summer evening is already the next day in the UK.
		expect(
			closingDate({ closesOn: '2026-07-31', closedEarlyAt: new Date('2026-06-01T23:30:00Z') })
		).toBe('2026-06-02');
	});
});
