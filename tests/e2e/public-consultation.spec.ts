import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test('a visitor reads the demo consultation, its priorities and its draft strategy', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Have your say' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Open consultations' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Opening soon' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Closed consultations' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'SEND Partnership Strategy' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'SEND Partnership Strategy' })
	).toBeVisible();
	await expect(page).toHaveTitle(/SEND Partnership Strategy/);
	// Six numbered priorities, in order.
	const priorities = page.locator('.app-priority-list > li');
	await expect(priorities).toHaveCount(6);
	await expect(priorities.first()).toContainText(
		'Identify additional needs at the earliest opportunity'
	);
	// GOV.UK style dates: "Monday 4 June 2026".
	await expect(
		page
			.getByText(
				/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}$/
			)
			.first()
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'How to take part' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Read the draft strategy and its highlights' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Draft strategy' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Highlights' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Why we need a new strategy' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('an unknown consultation is a plain-English 404', async ({ page }) => {
	const response = await page.goto('/consultations/no-such-consultation');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('pages carry the security headers and a strict content security policy', async ({ page }) => {
	const response = await page.goto('/');
	const headers = response!.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBeTruthy();
	const csp = headers['content-security-policy'];
	expect(csp).toContain("object-src 'none'");
	expect(csp).toContain("base-uri 'none'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).not.toContain("'unsafe-inline'");
});
