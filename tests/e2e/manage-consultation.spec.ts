import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { dayFromToday } from './dates';
import { signIn } from './staff';

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

async function createAndOpenConsultation(page: Page, title: string, scan: boolean) {
	await signIn(page, 'admin');
	await page.goto('/staff');
	await page.getByRole('button', { name: 'Create a consultation' }).click();
	if (scan) await expectNoAxeViolations(page);

	// Bad input first: every problem named, the other answers kept.
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Contact email address').fill('not-an-email');
	await fillDate(page, 'Opening date', dayFromToday(0));
	await fillDate(page, 'Closing date', dayFromToday(-1));
	await page.getByRole('button', { name: 'Save and continue' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText('Enter a summary');
	await expect(summary).toContainText('Enter a contact email address in the correct format');
	await expect(summary).toContainText(
		'The date the consultation closes must be after the date it opens'
	);
	await expect(page.getByLabel('Title')).toHaveValue(title);
	if (scan) await expectNoAxeViolations(page);

	await page.getByLabel('Summary').fill('Tell us what matters most to your family.');
	await page.getByLabel('Draft strategy').fill('## Our plan\n\nWe will work with families.');
	await page.getByLabel('Contact email address').fill('send@council.example');
	await fillDate(page, 'Closing date', dayFromToday(42));
	await page.getByRole('button', { name: 'Save and continue' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Consultation created as a draft')).toBeVisible();
	if (scan) await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Priorities' }).click();
	// An empty priority is refused.
	await page.getByRole('button', { name: 'Add priority' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter the priority');
	for (const name of ['Listen to families', 'Train school staff', 'Shorter waits for assessment']) {
		await page.getByLabel('Priority', { exact: true }).fill(name);
		await page.getByRole('button', { name: 'Add priority' }).click();
		await expect(page.getByText('Priority added')).toBeVisible();
	}
	// Move the third priority to the top.
	await page.getByRole('button', { name: 'Move up priority 3' }).click();
	await page.getByRole('button', { name: 'Move up priority 2' }).click();
	const headings = page.locator('.app-priority-editor__item h2');
	await expect(headings).toHaveText([
		'Priority 1: Shorter waits for assessment',
		'Priority 2: Listen to families',
		'Priority 3: Train school staff'
	]);
	if (scan) await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Back to the consultation set-up' }).click();
	await page.getByRole('link', { name: 'Publish the consultation' }).click();
	if (scan) await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Publish consultation' }).click();
	await expect(page.getByText('Consultation published')).toBeVisible();

	await page.goto('/');
	const open = page.locator('h2:has-text("Open consultations") + ul');
	await expect(open.getByRole('link', { name: title })).toBeVisible();
	await open.getByRole('link', { name: title }).click();
	await expect(page.locator('.app-priority-list > li').first()).toContainText(
		'Shorter waits for assessment'
	);
}

test('an admin creates a consultation with three priorities, reorders them and opens it', async ({
	page
}) => {
	await createAndOpenConsultation(page, `Preparing for adulthood ${Date.now()}`, true);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same create flow works', async ({ page }) => {
		await createAndOpenConsultation(page, `Early help review ${Date.now()}`, false);
	});
});

test('a duplicate web address is refused with a clear message', async ({ page }) => {
	await signIn(page, 'lead');
	await page.goto('/staff/consultations/new');
	await page.getByLabel('Title').fill('Another SEND strategy');
	await page.getByLabel('Web address (optional)').fill('send-partnership-strategy');
	await page.getByLabel('Summary').fill('A summary.');
	await page.getByLabel('Contact email address').fill('send@council.example');
	await fillDate(page, 'Opening date', dayFromToday(1));
	await fillDate(page, 'Closing date', dayFromToday(50));
	await page.getByRole('button', { name: 'Save and continue' }).click();
	await expect(page.locator('#slug-error')).toContainText(
		'A consultation with this web address already exists'
	);
	await expect(page.getByLabel('Summary')).toHaveValue('A summary.');
});

test('closing early shows the day it closed, not the planned close date, to the public and staff', async ({
	page
}) => {
	const title = `Short breaks review ${Date.now()}`;
	await createAndOpenConsultation(page, title, false);
	const publicPage = page.url();
	const { day, month, year } = dayFromToday(0);
	const today = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/London',
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	})
		.format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 12)))
		.replace(',', '');

	await page.goto('/staff');
	await page.getByRole('link', { name: title }).click();
	// The click resolves before the navigation: wait for the page before reading its address.
	await expect(page).toHaveURL(/\/staff\/consultations\/\d+$/);
	const staffPage = page.url();
	await page.getByRole('link', { name: 'Publishing and closing' }).click();
	await page.getByRole('button', { name: 'Close consultation now' }).click();
	await expect(page.getByText('Consultation closed')).toBeVisible();

	await page.goto(publicPage);
	await expect(page.getByText(`This consultation closed on ${today}.`)).toBeVisible();
	await expect(page.locator('.govuk-summary-list')).toContainText(new RegExp(`Closed\\s*${today}`));
	await page.goto('/');
	const closed = page.locator('li', { has: page.getByRole('link', { name: title }) });
	await expect(closed).toContainText(`Closed on ${today}`);
	await page.goto(staffPage);
	await expect(page.locator('.govuk-summary-list')).toContainText(`closed early on ${today}`);
	await page.getByRole('link', { name: 'Publishing and closing' }).click();
	await expect(page.getByText(`was closed early, on ${today}`)).toBeVisible();
});
