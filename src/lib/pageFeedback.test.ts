import { describe, expect, it } from 'vitest';
import { feedbackPath, showsPageFeedback } from './pageFeedback';

describe('showsPageFeedback', () => {
	it('is on public pages only', () => {
		expect(showsPageFeedback('/')).toBe(true);
		expect(showsPageFeedback('/consultations/send-strategy')).toBe(true);
		expect(showsPageFeedback('/staffing-news')).toBe(true);
		expect(showsPageFeedback('/staff')).toBe(false);
		expect(showsPageFeedback('/staff/outbox')).toBe(false);
		expect(showsPageFeedback('/page-feedback/abc')).toBe(false);
	});
});

describe('feedbackPath', () => {
	it('cuts secret link segments and keeps the rest', () => {
		const token = 'A'.repeat(43);
		expect(feedbackPath(`/bookings/manage/${token}/change`, { token })).toBe(
			'/bookings/manage/[link]/change'
		);
		expect(
			feedbackPath('/consultations/s/sessions/4/book/d1x/who', {
				slug: 's',
				sessionId: '4',
				draftId: 'd1x'
			})
		).toBe('/consultations/s/sessions/4/book/[link]/who');
		expect(feedbackPath('/consultations/send', { slug: 'send' })).toBe('/consultations/send');
	});
});
