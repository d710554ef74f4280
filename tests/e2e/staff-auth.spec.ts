import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoStaff, signIn } from './staff';

async function attemptSignIn(page: Page, email: string, password: string) {
	await page.goto('/staff/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

test('staff pages need a signed-in user', async ({ page }) => {
	await page.goto('/staff/consultations/new');
	await expect(page).toHaveURL(/\/staff\/sign-in\?redirectTo=%2Fstaff%2Fconsultations%2Fnew/);
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a wrong password is refused with one generic message, keeping the email but not the password', async ({
	page
}) => {
	await attemptSignIn(page, demoStaff.lead, 'not the right password');
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'The email address or password is not correct'
	);
	await expect(page.getByLabel('Email address')).toHaveValue(demoStaff.lead);
	await expect(page.getByLabel('Password')).toHaveValue('');
	await expectNoAxeViolations(page);

	// An unknown email gets exactly the same message.
	await attemptSignIn(page, 'nobody@example.org', 'whatever it is');
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'The email address or password is not correct'
	);
});

test('repeated wrong passwords are throttled for that account from this address only', async ({
	page
}) => {
	const target = `someone-${Date.now()}@example.org`;
	for (let i = 0; i < 5; i++) {
		await attemptSignIn(page, target, `wrong password ${i}`);
		await expect(page.locator('.govuk-error-summary')).toContainText(
			'The email address or password is not correct'
		);
	}
	await attemptSignIn(page, target, 'wrong password again');
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'You have tried to sign in too many times'
	);
	// Other accounts are not locked out by someone else's failures.
	await signIn(page, 'lead');
	await expect(page.getByRole('heading', { level: 1, name: 'Consultations' })).toBeVisible();
});

test('a facilitator cannot reach consultation editing or staff accounts', async ({ page }) => {
	await signIn(page, 'facilitator');
	for (const path of [
		'/staff/consultations/new',
		'/staff/consultations/1',
		'/staff/consultations/1/edit',
		'/staff/accounts',
		'/staff/audit'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			'You do not have permission'
		);
	}
	await expectNoAxeViolations(page);
	// A crafted form post is refused too, and creates nothing.
	const post = await page.request.post('/staff/consultations/new', {
		form: { title: 'Sneaky', summary: 'x', contactEmail: 'a@b.co' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(post.status()).toBe(403);
});

test('an admin creates a staff account whose one-time password must be changed at first sign-in', async ({
	page,
	browser
}) => {
	await signIn(page, 'admin');
	await page.goto('/staff/accounts');
	await expectNoAxeViolations(page);
	await page
		.getByRole('button', { name: /Create (a staff )?account/ })
		.first()
		.click();
	const email = `new.facilitator.${Date.now()}@example.org`;
	await page.getByLabel('Full name').fill('Nia Roberts');
	await page.getByLabel('Email address').fill(email);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText('Select a role');
	await expect(page.getByLabel('Email address')).toHaveValue(email);
	await page.getByLabel('Facilitator').check();
	await page.getByRole('button', { name: 'Create account' }).click();
	const oneTimePassword = (await page.getByTestId('one-time-password').innerText()).trim();
	expect(oneTimePassword.length).toBeGreaterThanOrEqual(16);
	await expectNoAxeViolations(page);

	const context = await browser.newContext();
	const other = await context.newPage();
	await attemptSignIn(other, email, oneTimePassword);
	await expect(other).toHaveURL(/\/staff\/password/);
	await other.getByLabel('Temporary password').fill(oneTimePassword);
	await other.getByLabel('New password', { exact: true }).fill('password');
	await other.getByLabel('Confirm new password').fill('password');
	await other.getByRole('button', { name: /Change password|Save/ }).click();
	await expect(other.locator('.govuk-error-summary')).toBeVisible();
	await other.getByLabel('Temporary password').fill(oneTimePassword);
	await other.getByLabel('New password', { exact: true }).fill('a long and memorable phrase');
	await other.getByLabel('Confirm new password').fill('a long and memorable phrase');
	await other.getByRole('button', { name: /Change password|Save/ }).click();
	await expect(other.locator('.govuk-notification-banner--success')).toBeVisible();
	await expectNoAxeViolations(other);
	await context.close();

	await page.goto('/staff/audit');
	await expect(page.locator('table')).toContainText(email);
	await expectNoAxeViolations(page);
});

test('signing out ends the session', async ({ page }) => {
	await signIn(page, 'lead');
	const cookie = (await page.context().cookies()).find((c) => c.name === 'coproduce_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).not.toHaveURL(/\/staff$/);
	// The old token no longer works even if replayed.
	await page.context().addCookies([cookie!]);
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/staff\/sign-in/);
});
