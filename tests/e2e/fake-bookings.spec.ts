// Fake bookings made in a burst from one address are shown together on the register, and staff
// cancel a selection at once (without JavaScript): the places go to the waiting list and the
// people are emailed.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { signIn } from './staff';
import { bookByPosts as book, createSession } from './sessions';

test.use({ javaScriptEnabled: false });

test('staff see a burst of bookings from one address and cancel the fake ones at once', async ({
	browser,
	page
}) => {
	const { title, href } = await createSession(browser, 4);
	const stamp = Date.now().toString(36);
	const fakes = [1, 2, 3].map((i) => ({
		name: `Fake ${stamp} ${i}`,
		email: `fake${i}.${stamp}@example.com`,
		adults: '1'
	}));
	for (const fake of fakes) await book(page.request, href, fake);
	await book(page.request, href, {
		name: `Real ${stamp}`,
		email: `real.${stamp}@example.com`,
		adults: '1'
	});
	// The session is full: a real family of two waits.
	const waiting = { name: `Waiting ${stamp}`, email: `waiting.${stamp}@example.com`, adults: '2' };
	await book(page.request, href, waiting, 'wait');

	await signIn(page, 'lead');
	await page.goto('/staff');
	await page.getByRole('main').getByRole('link', { name: 'SEND Partnership Strategy' }).click();
	await page
		.getByRole('main')
		.getByRole('link', { name: /^Roadshow sessions/ })
		.click();
	await page.getByRole('link', { name: new RegExp(`^${title}\\s*: register$`) }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Register: ${title}` })).toBeVisible();

	const burst = page.getByRole('group', { name: /^5 bookings from one address/ });
	await expect(burst).toBeVisible();
	const registerUrl = page.url();
	for (const fake of fakes)
		await burst.getByRole('checkbox', { name: new RegExp(fake.name) }).check();
	await page.getByRole('button', { name: 'Cancel selected bookings' }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Cancel these 3 bookings?' })
	).toBeVisible();
	for (const fake of fakes)
		await expect(page.getByRole('rowheader', { name: new RegExp(fake.name) })).toBeVisible();
	await expect(page.getByText('The 3 places go to the waiting list')).toBeVisible();
	const confirmUrl = page.url();

	// axe needs JavaScript: both pages scanned in a second window with it on.
	const scanning = await browser.newContext({ javaScriptEnabled: true });
	const scan = await scanning.newPage();
	await signIn(scan, 'lead');
	for (const url of [registerUrl, confirmUrl]) {
		await scan.goto(url);
		await expectNoAxeViolations(scan);
		// And neither scrolls sideways at 320 CSS px (400% zoom).
		await scan.setViewportSize({ width: 320, height: 800 });
		expect(
			await scan.evaluate(() => document.documentElement.scrollWidth),
			url
		).toBeLessThanOrEqual(320);
		await scan.setViewportSize({ width: 1280, height: 800 });
	}
	await scanning.close();
	await page.getByRole('button', { name: 'Cancel 3 bookings' }).click();

	await expect(
		page.getByText(
			'3 bookings cancelled. 1 booking moved from the waiting list to confirmed, and the people were emailed.'
		)
	).toBeVisible();
	const confirmed = page.locator('table', { has: page.getByText('Confirmed bookings, by name') });
	await expect(confirmed.getByText(waiting.name)).toBeVisible();
	await expect(confirmed.getByText(`Real ${stamp}`)).toBeVisible();
	for (const fake of fakes) await expect(page.getByText(fake.name)).toHaveCount(0);
	// Two bookings left from that address: no longer a burst.
	await expect(page.getByRole('heading', { name: 'Bookings made close together' })).toHaveCount(0);

	// Back to the confirmation and sending it again cancels nothing more.
	await page.goto(confirmUrl);
	await expect(page.getByRole('heading', { level: 1, name: 'No bookings selected' })).toBeVisible();

	// Each fake booking was told, and the family from the waiting list too.
	await page.goto('/staff/outbox');
	for (const to of [...fakes.map((f) => f.email), waiting.email])
		await expect(page.getByText(to).first()).toBeVisible();
});
