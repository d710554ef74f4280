import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const pages = [
	{
		path: '/accessibility',
		heading: /^Accessibility statement for /,
		title: /^Accessibility statement – /
	},
	{ path: '/privacy', heading: 'Privacy notice', title: /^Privacy notice – / },
	{ path: '/cookies', heading: 'Cookies', title: /^Cookies – / }
];

for (const { path, heading, title } of pages) {
	test(`${path} is an accessible page reachable from the footer`, async ({ page }) => {
		await page.goto('/');
		await page
			.getByRole('contentinfo')
			.getByRole('link', { name: new RegExp(`^${path.slice(1)}`, 'i') })
			.click();
		await expect(page).toHaveURL(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expect(page).toHaveTitle(title);
		await expectNoAxeViolations(page);
	});
}

test('the accessibility statement follows the GOV.UK sample statement', async ({ page }) => {
	await page.goto('/accessibility');
	for (const name of [
		'How accessible this website is',
		'Feedback and contact information',
		'Enforcement procedure',
		'Compliance status',
		'Preparation of this accessibility statement'
	]) {
		await expect(page.getByRole('heading', { name })).toBeVisible();
	}
	await expect(page.getByText('This statement was prepared on 23 November 2026')).toBeVisible();
});

test('the cookies page lists only the staff session cookie', async ({ page }) => {
	await page.goto('/cookies');
	const table = page.getByRole('table', { name: 'Essential cookies we use' });
	await expect(table.getByRole('row')).toHaveCount(2);
	await expect(table.getByRole('cell', { name: 'coproduce_session' })).toBeVisible();
	await expect(table.getByRole('cell', { name: 'Keeps council staff signed in' })).toBeVisible();
});

test('a missing page says so in plain English with a 404 status', async ({ page }) => {
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await expect(page.getByText('If you typed the web address, check it is correct.')).toBeVisible();
	await expect(page).toHaveTitle(/^Page not found – /);
	await expectNoAxeViolations(page);
});

test('the skip link moves focus to the main content', async ({ page }) => {
	await page.goto('/privacy');
	await page.keyboard.press('Tab');
	const skipLink = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skipLink).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('#main-content')).toBeFocused();
});

test('the pages work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/privacy');
	await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
	await expect(page.locator('body')).not.toHaveClass(/govuk-frontend-supported/);
	await context.close();
});
