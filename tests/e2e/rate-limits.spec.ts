// A public form past its limit, as a person would meet it: the 429 page in plain English, with
// Retry-After, and what they typed kept for "Try again". The e2e server lifts the per-address
// limits (every test comes from one address), but not the per-email one tried here: at most 10
// link emails asked for one email address in an hour.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

async function askForLink(page: Page, email: string) {
	await page.goto('/bookings/lost-link');
	await page.getByLabel('Email address you booked with').fill(email);
	const [response] = await Promise.all([
		page.waitForResponse(
			(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/bookings/lost-link'
		),
		page.getByRole('button', { name: /send/i }).click()
	]);
	return response;
}

test('"Re-send my manage link" refused after 10 tries for one address, keeping what was typed', async ({
	page
}) => {
	const email = `limit.${Date.now().toString(36)}@example.com`;
	for (let i = 0; i < 10; i++) {
		const sent = await askForLink(page, email);
		expect(sent.status(), `request ${i + 1}`).toBe(303);
		await expect(page).toHaveURL(/\/bookings\/lost-link\/sent$/);
	}

	const refused = await askForLink(page, email);
	expect(refused.status()).toBe(429);
	const retryAfter = Number(refused.headers()['retry-after']);
	expect(retryAfter).toBeGreaterThan(3000);
	expect(retryAfter).toBeLessThanOrEqual(3600);
	await expect(
		page.getByRole('heading', { level: 1, name: 'You have tried this too many times' })
	).toBeVisible();
	await expect(
		page.getByText('You have tried this too many times. Try again in 1 hour.')
	).toBeVisible();
	await expect(page.getByText('We have kept what you typed.')).toBeVisible();
	await expect(page.locator('input[type="hidden"][name="email"]')).toHaveValue(email);
	await expectNoAxeViolations(page);

	// "Try again" sends the same answers back; still too soon, so the same page, still kept.
	const [again] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Try again' }).click()
	]);
	expect(again.status()).toBe(429);
	await expect(page.locator('input[type="hidden"][name="email"]')).toHaveValue(email);
});
