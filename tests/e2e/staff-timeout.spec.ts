import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { signIn } from './staff';

// The test server signs staff out after 60 idle minutes (SESSION_IDLE_MINUTES' default). The
// page's clock is Playwright's, so an hour passes in the browser in an instant; the server's
// clock is real, so each extension it grants is a real one.

const warning = (page: Page) =>
	page.getByRole('alertdialog', { name: 'You’re about to be signed out' });

async function idleUntilWarned(page: Page) {
	await expect(warning(page)).toBeHidden();
	await page.clock.fastForward('57:00');
	await expect(warning(page)).toBeHidden();
	await page.clock.fastForward('01:30');
	await expect(warning(page)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
	await page.clock.install();
	await signIn(page, 'lead');
});

test('staff are warned 2 minutes before the idle time-out and can stay signed in', async ({
	page
}) => {
	await expect(page.getByText('we sign you out after 60 minutes without activity')).toBeVisible();
	await idleUntilWarned(page);

	// Focus moves into the dialog and its words are announced.
	const dialog = warning(page);
	const stay = dialog.getByRole('button', { name: 'Stay signed in' });
	await expect(stay).toBeFocused();
	await expect(dialog).toContainText('we will sign you out in 2 minutes');
	await expect(dialog.locator('[aria-live]')).toHaveText('We will sign you out in 2 minutes.');
	await expectNoAxeViolations(page);
	await page.keyboard.press('Tab');
	await expect(dialog.getByRole('button', { name: 'Sign out' })).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(stay).toBeFocused();

	// "Stay signed in" asks the server for a fresh hour.
	const extended = page.waitForResponse(
		(r) => r.url().endsWith('/staff/session') && r.request().method() === 'POST'
	);
	await page.keyboard.press('Enter');
	const response = await extended;
	expect(response.status()).toBe(200);
	expect((await response.json()).secondsLeft).toBeGreaterThan(59 * 60);
	await expect(dialog).toBeHidden();

	// The clock starts again: no warning until 58 more minutes have passed; Escape also extends.
	await idleUntilWarned(page);
	const escaped = page.waitForResponse((r) => r.url().endsWith('/staff/session'));
	await page.keyboard.press('Escape');
	expect((await escaped).status()).toBe(200);
	await expect(dialog).toBeHidden();

	// Still signed in on the server.
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/staff$/);
});

test('"Sign out" in the warning signs out', async ({ page }) => {
	await idleUntilWarned(page);
	await warning(page).getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/staff\/sign-in\?signedOut/);
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/staff\/sign-in/);
});

test('when the time runs out, the session ends and the sign-in page says why', async ({ page }) => {
	await idleUntilWarned(page);
	await page.clock.fastForward('02:01');
	await expect(page).toHaveURL(/\/staff\/sign-in\?timedOut/);
	await expect(
		page.getByText('We signed you out because you had not done anything for a while')
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/staff\/sign-in/);
});

test('without JavaScript, staff pages state the idle time', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, 'lead');
	await expect(page.getByText('we sign you out after 60 minutes without activity')).toBeVisible();
	await context.close();
});
