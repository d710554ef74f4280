import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { dayFromToday } from './dates';
import { signIn } from './staff';

const strategyPath = '/consultations/send-partnership-strategy/strategy';

async function fillDate(
	page: Page,
	legend: string,
	date: { day: string; month: string; year: string }
) {
	const group = page.getByRole('group', { name: legend });
	await group.getByLabel('Day').fill(date.day);
	await group.getByLabel('Month').fill(date.month);
	await group.getByLabel('Year').fill(date.year);
}

/** The staff view filtered to today, the row for a page. */
async function todaysRow(page: Page, path: string) {
	await page.goto('/staff/page-feedback');
	await fillDate(page, 'From', dayFromToday(0));
	await fillDate(page, 'To', dayFromToday(0));
	await page.getByRole('button', { name: 'Show answers' }).click();
	return page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: path, exact: true }) });
}

test('"Was this page helpful?" answers and comments reach the staff view, with CSV', async ({
	page,
	browser
}) => {
	await page.goto(strategyPath);
	const feedback = page.getByRole('group', { name: 'Was this page helpful?' });
	await expect(feedback).toBeVisible();
	await expectNoAxeViolations(page);
	await feedback.getByRole('button', { name: /^No/ }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Thank you for your feedback' })
	).toBeVisible();
	await expect(page.getByText('Do not include personal information')).toBeVisible();
	await expectNoAxeViolations(page);
	// Nothing typed: told what to do, on the page.
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Enter what you were trying to do or what went wrong'
	);
	await expectNoAxeViolations(page);
	const trying = `Find the short version ${Date.now()}`;
	await page.getByLabel('What were you trying to do?').fill(trying);
	await page.getByLabel('What went wrong?').fill('=SUM(A1) it was long');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByText('We have your comments')).toBeVisible();
	// Reload: still the thank-you page, no second copy.
	await page.reload();
	await expect(page.getByText('We have your comments')).toBeVisible();
	await page.getByRole('link', { name: 'Go back to the page you were on' }).click();
	await expect(page).toHaveURL(new RegExp(`${strategyPath}$`));

	// Staff pages carry no feedback form.
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, 'lead');
	await expect(staff.getByRole('group', { name: 'Was this page helpful?' })).toHaveCount(0);
	const row = await todaysRow(staff, strategyPath);
	await expect(row).toHaveCount(1);
	await expect(row.getByRole('cell').nth(2)).not.toHaveText('0');
	await expectNoAxeViolations(staff);
	await row.getByRole('link', { name: /comments on/ }).click();
	await expect(staff.getByText(trying)).toBeVisible();
	await expectNoAxeViolations(staff);

	await staff.goto('/staff/page-feedback');
	const download = staff.waitForEvent('download');
	await staff.getByRole('link', { name: /Download every answer/ }).click();
	const csv = await (await download).createReadStream();
	let text = '';
	for await (const chunk of csv) text += chunk;
	expect(text).toContain(trying);
	expect(text).toContain("'=SUM(A1) it was long");

	// Bad dates are explained, not a 500.
	await staff.goto('/staff/page-feedback?from-day=31&from-month=2&from-year=2026');
	await expect(staff.locator('.govuk-error-summary')).toContainText('must be a real date');
	await staff.close();
});

for (const who of ['facilitator', 'liaison'] as const)
	test(`the staff view is for leads and admins, not ${who} staff`, async ({ page }) => {
		await signIn(page, who);
		expect((await page.goto('/staff/page-feedback'))?.status()).toBe(403);
		expect((await page.goto('/staff/page-feedback/feedback.csv'))?.status()).toBe(403);
	});

test('a forged answer for a staff page or a strange path is refused plainly', async ({
	request
}) => {
	const res = await request.post('/page-feedback', {
		form: { path: '/staff/accounts', helpful: 'yes' },
		headers: { origin: new URL(test.info().project.use.baseURL!).origin, accept: 'text/html' }
	});
	expect(res.status()).toBe(400);
	expect(await res.text()).toContain('We could not record your answer');
	const bad = await request.get('/page-feedback/AAAAAAAAAAAAAAAAAAAAAA');
	expect(bad.status()).toBe(404);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a visitor says a page was helpful and adds what they came to do', async ({
		page,
		browser
	}) => {
		await page.goto('/privacy');
		await page.getByRole('button', { name: /^Yes/ }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Thank you for your feedback' })
		).toBeVisible();
		// A helpful answer asks only what they were doing.
		await expect(page.getByLabel('What went wrong?')).toHaveCount(0);
		const trying = `Check how long you keep my details ${Date.now()}`;
		await page.getByLabel('What were you trying to do?').fill(trying);
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(page.getByText('We have your comments')).toBeVisible();

		const staff = await (await browser.newContext()).newPage();
		await signIn(staff, 'admin');
		const row = await todaysRow(staff, '/privacy');
		await expect(row.getByRole('cell').nth(1)).not.toHaveText('0');
		await row.getByRole('link', { name: /comments on/ }).click();
		await expect(staff.getByText(trying)).toBeVisible();
		await staff.close();
	});
});
