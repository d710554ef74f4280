// The privacy notice states the keeping times the service actually applies: each number on the
// page comes from the setting or constant the clean-up code uses.
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import { RETENTION } from '$lib/server/retention';
import Page from './+page.svelte';
import { load } from './+page.server';

// The page title reads the layout's data from $app/state, which needs a running SvelteKit.
vi.mock('$app/state', () => ({ page: { data: {} } }));

// Read once by getConfig, on the first load below; odd numbers so nothing passes by chance.
process.env.LIAISON_KEEP_DAYS = '47';
process.env.RATE_LIMITS = 'link_request_address=10/10800';

function notice(): string {
	const data = {
		...load(),
		site: { councilName: 'Norfolk County Council', serviceName: 'Have your say', feedbackUrl: '' }
	};
	const html = render(Page, { props: { data, params: {} } as never }).body;
	return html
		.replace(/<!--[^>]*-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');
}

describe('the privacy notice', () => {
	it('states the pre-school liaison keeping time from LIAISON_KEEP_DAYS', () => {
		expect(notice()).toContain(
			'the group’s outcome are deleted 47 days after we send you the outcome letter'
		);
	});

	it('states every other keeping time from the numbers retention applies', () => {
		const text = notice();
		expect(text).toContain(
			`deleted ${RETENTION.bookingContactDaysAfterSession} days after the event`
		);
		expect(text).toContain(`deleted after ${RETENTION.unfinishedBookingHours} hour`);
		expect(text).toContain(`deleted after ${RETENTION.emailCopyDays} days`);
		expect(text).toContain(
			`deleted ${RETENTION.questionnaireContactDaysAfterClose} days after the consultation closes`
		);
		expect(text).toContain(`stops working ${RETENTION.resumeLinkDays} days after you last saved`);
		expect(text).toContain(`deleted after ${RETENTION.signInAttemptHours} hour`);
		// The longest rate limit window (3 hours, set above), plus the hour counters may outlive it.
		expect(text).toContain('deleted within 4 hours');
	});
});
