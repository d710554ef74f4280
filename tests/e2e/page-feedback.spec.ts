import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
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

/** Shows the staff view between two days (days from today) and returns the row for a page. */
async function rowBetween(page: Page, path: string, from: number, to: number) {
	await page.goto('/staff/page-feedback');
	await fillDate(page, 'From', dayFromToday(from));
	await fillDate(page, 'To', dayFromToday(to));
	await page.getByRole('button', { name: 'Show answers' }).click();
	// The filtered page, not the unfiltered one still showing while it loads.
	await expect(page).toHaveURL(/from-day=/);
	await expect(
		page
			.getByRole('table', { name: 'Answers by page' })
			.or(page.getByText('No one has answered in these dates.'))
	).toBeVisible();
	return page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: path, exact: true }) });
}

const todaysRow = (page: Page, path: string) => rowBetween(page, path, 0, 0);

type Figures = { answers: number; yes: number; no: number; share: string; comments: number };

/** Today's figures for a page on the staff view (all 0 before anyone has answered today). */
async function todaysFigures(page: Page, path: string): Promise<Figures> {
	const row = await todaysRow(page, path);
	if ((await row.count()) === 0) return { answers: 0, yes: 0, no: 0, share: '', comments: 0 };
	const cells = await row.getByRole('cell').allInnerTexts();
	const [answers, yes, no] = cells.slice(0, 3).map(Number);
	return { answers, yes, no, share: cells[3], comments: Number(cells[4].replace(/\D/g, '')) };
}

/** The CSV behind the staff view's download link, parsed with csv-parse. */
async function downloadCsv(page: Page): Promise<Record<string, string>[]> {
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: /Download every answer/ }).click();
	let text = '';
	for await (const chunk of await (await download).createReadStream()) text += chunk;
	return parse(text, { columns: true, bom: true });
}

test('"Was this page helpful?" answers and comments reach the staff view, with CSV', async ({
	page,
	browser
}) => {
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, 'lead');
	// Staff pages carry no feedback form.
	await expect(staff.getByRole('group', { name: 'Was this page helpful?' })).toHaveCount(0);
	const before = await todaysFigures(staff, strategyPath);

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
	// A second visitor finds it helpful and leaves no comment.
	await page
		.getByRole('group', { name: 'Was this page helpful?' })
		.getByRole('button', { name: /^Yes/ })
		.click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Thank you for your feedback' })
	).toBeVisible();

	const after = await todaysFigures(staff, strategyPath);
	const answers = before.answers + 2;
	const yes = before.yes + 1;
	expect(after).toEqual({
		answers,
		yes,
		no: before.no + 1,
		share: `${Math.round((100 * yes) / answers)}%`,
		comments: before.comments + 1
	});
	await expectNoAxeViolations(staff);
	const row = await todaysRow(staff, strategyPath);
	await row.getByRole('link', { name: /comments on/ }).click();
	await expect(staff.getByText(trying)).toBeVisible();
	await expect(staff.getByText('=SUM(A1) it was long')).toBeVisible();
	await expectNoAxeViolations(staff);

	// Today's CSV holds both answers, the comment made safe for spreadsheets.
	await todaysRow(staff, strategyPath);
	const today = await downloadCsv(staff);
	const mine = today.filter((r) => r['Page'] === strategyPath);
	expect(mine).toHaveLength(answers);
	expect(mine.filter((r) => r['Helpful'] === 'Yes')).toHaveLength(yes);
	const commented = today.find((r) => r['What they were trying to do'] === trying);
	expect(commented).toMatchObject({
		Page: strategyPath,
		Helpful: 'No',
		'What went wrong': "'=SUM(A1) it was long"
	});
	// Dates before today leave today's answers out, of the table and of the CSV.
	await rowBetween(staff, strategyPath, -60, -1);
	const earlier = await downloadCsv(staff);
	expect(earlier.length).toBeGreaterThan(0);
	expect(earlier.some((r) => r['What they were trying to do'] === trying)).toBe(false);

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

	test('visitors answer Yes and No with comments, and staff see it without JavaScript too', async ({
		page,
		browser
	}) => {
		// The staff context shares this describe's settings: no JavaScript there either.
		const staff = await (await browser.newContext()).newPage();
		await signIn(staff, 'admin');
		const before = await todaysFigures(staff, '/privacy');

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

		await page.goto('/privacy');
		await page.getByRole('button', { name: /^No/ }).click();
		const wrong = `The retention list is long ${Date.now()}`;
		await page.getByLabel('What went wrong?').fill(wrong);
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(page.getByText('We have your comments')).toBeVisible();

		const after = await todaysFigures(staff, '/privacy');
		const answers = before.answers + 2;
		expect(after).toEqual({
			answers,
			yes: before.yes + 1,
			no: before.no + 1,
			share: `${Math.round((100 * (before.yes + 1)) / answers)}%`,
			comments: before.comments + 2
		});
		const row = await todaysRow(staff, '/privacy');
		await row.getByRole('link', { name: /comments on/ }).click();
		await expect(staff.getByText(trying)).toBeVisible();
		await expect(staff.getByText(wrong)).toBeVisible();

		await todaysRow(staff, '/privacy');
		const csv = await downloadCsv(staff);
		expect(csv.find((r) => r['What they were trying to do'] === trying)?.Helpful).toBe('Yes');
		expect(csv.find((r) => r['What went wrong'] === wrong)?.Helpful).toBe('No');
		await staff.close();
	});
});
