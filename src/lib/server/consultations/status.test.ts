import { describe, expect, it } from 'vitest';
import { consultationStatus } from './status';

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
