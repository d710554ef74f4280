import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { dayFromToday } from './dates';
import { signIn } from './staff';

/** The newest outbox email to an address whose subject matches: its text and the manage link in it. */
async function outboxEmail(
	browser: Browser,
	subject: RegExp,
	to: string
): Promise<{ text: string; link: string }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'lead');
	await page.goto('/staff/outbox');
	const row = page.getByRole('row').filter({ hasText: subject }).filter({ hasText: to }).first();
	await row.getByRole('link', { name: subject }).click();
	// The email's own page, not the list still showing while it loads.
	await expect(page).toHaveURL(/\/staff\/outbox\/\d+$/);
	await expect(page.locator('main')).toContainText(/\/core-consultations\/manage\/[\w-]{43}/);
	const text = await page.locator('main').innerText();
	await context.close();
	const match = /\/core-consultations\/manage\/[A-Za-z0-9_-]{43}/.exec(text);
	expect(match, `a manage link in the email to ${to}`).not.toBeNull();
	return { text, link: match![0] };
}

const linkInEmail = async (browser: Browser, subject: RegExp, to: string) =>
	(await outboxEmail(browser, subject, to)).link;

/** The registration form filled in for one school and sent. */
async function register(page: Page, school: string, email: string) {
	await page.getByLabel('School name').fill(school);
	await page.getByLabel('Type of school').selectOption('primary');
	await page.getByLabel('Full name').fill('Jane Holmes');
	await page.getByLabel('Role', { exact: true }).fill('SENCo');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Core Consultations Plus').check();
	await page
		.getByRole('group', { name: /Which term/ })
		.getByRole('radio')
		.first()
		.check();
	await page.getByLabel('Social, emotional and mental health').check();
	await page.getByRole('button', { name: 'Register' }).click();
}

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

test('a school registers, is told about a second registration, is given a date with a calendar file, and cancels', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const school = `Mulbarton Primary ${Date.now()}`;
	const email = `senco.${Date.now()}@mulbarton.example.org`;
	await page.goto('/core-consultations');
	await expect(page.getByText('Core Consultations Plus')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Register your interest' }).click();
	await expect(
		page.getByText('Do not include any child’s name or details on this form')
	).toBeVisible();

	await page.getByLabel('School name').fill(school);
	await page.getByRole('button', { name: 'Register' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText('Select the type of school');
	await expect(summary).toContainText('Select at least one theme you want to talk about');
	await expect(page.getByLabel('School name')).toHaveValue(school);
	await expectNoAxeViolations(page);

	const registerAgain = () => register(page, school, email);
	await registerAgain();
	await expect(page.getByRole('heading', { name: 'Registration received' })).toBeVisible();
	await expect(page.getByText(/CC-[A-Z0-9]{4}-[A-Z0-9]{4}/)).toBeVisible();
	await expectNoAxeViolations(page);

	// The same school for the same term, typed a little differently: told so, nothing added.
	await page.goto('/core-consultations/register');
	await registerAgain();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'has already registered for the'
	);

	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, 'lead');
	await staff.goto('/staff/core-consultations');
	await expectNoAxeViolations(staff);
	await expect(staff.getByRole('link', { name: school })).toHaveCount(1);
	await staff.getByRole('link', { name: school }).click();
	await staff.getByLabel('Specialist').fill('Dr Hannah Cole');
	await fillDate(staff, 'Date of the meeting', dayFromToday(14));
	await staff.getByLabel('Start time').fill('25:00');
	await staff.getByLabel('Where').fill('Online');
	await staff.getByRole('button', { name: /Book and email the school/ }).click();
	await expect(staff.locator('.govuk-error-summary')).toContainText(
		'Enter the start time in the correct format'
	);
	await expect(staff.getByLabel('Specialist')).toHaveValue('Dr Hannah Cole');
	await expectNoAxeViolations(staff);
	await staff.getByLabel('Start time').fill('9:30am');
	await staff.getByRole('button', { name: /Book and email the school/ }).click();
	await expect(staff.getByText('Meeting booked')).toBeVisible();
	await expectNoAxeViolations(staff);

	const link = await linkInEmail(browser, /your meeting on/, email);
	await page.goto(link);
	await expect(page.getByText('Dr Hannah Cole')).toBeVisible();
	await expect(page.getByText('9:30am')).toBeVisible();
	await expectNoAxeViolations(page);
	const ics = await page.request.get(`${link}/calendar.ics`);
	expect(ics.headers()['content-type']).toContain('text/calendar');
	const body = await ics.text();
	expect(body).toContain('BEGIN:VEVENT');
	expect(body).toContain('Core Consultations Plus');

	await page.getByRole('link', { name: 'Cancel this core consultation' }).click();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Select yes if you want to cancel'
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('Yes, cancel it').check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByText('This registration is cancelled')).toBeVisible();
	await staff.reload();
	await expect(staff.locator('.govuk-tag', { hasText: 'Cancelled' })).toBeVisible();
	await staff.goto('/staff/core-consultations/results');
	await expectNoAxeViolations(staff);
	const term = staff.getByLabel('Term');
	await term.selectOption({ index: 2 });
	await staff.getByRole('button', { name: 'Show' }).click();
	await expect(staff).toHaveURL(/\?term=\d{4}-/);
	await expectNoAxeViolations(staff);
	await staff.close();
});

test('a wrong manage link gets a plain page', async ({ page }) => {
	const res = await page.goto(`/core-consultations/manage/${'A'.repeat(43)}`);
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
	await expect(page.getByText('use the link in our most recent email')).toBeVisible();
});

for (const who of ['facilitator', 'liaison'] as const)
	test(`${who} staff cannot see schools’ registrations or results`, async ({ page }) => {
		await signIn(page, who);
		expect((await page.goto('/staff/core-consultations'))?.status()).toBe(403);
		expect((await page.goto('/staff/core-consultations/results'))?.status()).toBe(403);
	});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	// Axe runs in the page, so these journeys are scanned where they also run with JavaScript.

	test('a school registers, is booked with an email and calendar file, a held meeting is evaluated, and results show per strand and term', async ({
		page,
		browser
	}) => {
		test.setTimeout(180_000);
		const school = `Hingham Primary ${Date.now()}`;
		const email = `senco.${Date.now()}@hingham.example.org`;
		await page.goto('/core-consultations');
		await page.getByRole('button', { name: 'Register your interest' }).click();
		await register(page, school, email);
		await expect(page.getByRole('heading', { name: 'Registration received' })).toBeVisible();
		// Back, and the same form sent again (a second tab, a colleague): told so, nothing added.
		await page.goBack();
		await page.goto('/core-consultations/register');
		await register(page, school.toUpperCase(), email);
		await expect(page).toHaveTitle(/^Error: /);
		await expect(page.locator('.govuk-error-summary')).toContainText(
			`has already registered for the`
		);
		const received = await outboxEmail(browser, /We have your registration/, email);
		expect(received.text).toContain(school);

		const staff = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await signIn(staff, 'lead');
		await staff.goto('/staff/core-consultations');
		await expect(staff.getByRole('link', { name: school })).toHaveCount(1);
		await staff.getByRole('link', { name: school }).click();
		await staff.getByLabel('Specialist').fill('Aisha Khan');
		await fillDate(staff, 'Date of the meeting', dayFromToday(21));
		await staff.getByLabel('Start time').fill('1:30pm');
		await staff.getByLabel('Where').fill('Hingham Primary, the library');
		await staff.getByRole('button', { name: /Book and email the school/ }).click();
		await expect(staff.getByText('Meeting booked')).toBeVisible();

		// The school's confirmation in the outbox: the meeting, and the link to its calendar file.
		const booked = await outboxEmail(browser, /your meeting on/, email);
		expect(booked.text).toContain('Specialist: Aisha Khan');
		expect(booked.text).toContain('Where: Hingham Primary, the library');
		expect(booked.text).toContain('1:30pm');
		await page.goto(booked.link);
		await expect(page.getByText('Aisha Khan')).toBeVisible();
		const ics = await page.request.get(`${booked.link}/calendar.ics`);
		expect(ics.headers()['content-type']).toContain('text/calendar');
		const calendar = await ics.text();
		expect(calendar).toContain('BEGIN:VEVENT');
		expect(calendar).toContain('LOCATION:Hingham Primary\\, the library');
		// The registration's first link no longer opens it: only the newest email's does.
		expect((await page.request.get(received.link)).status()).toBe(404);

		// A meeting held last week (seeded): staff mark it held and the school is asked to evaluate.
		await staff.goto('/staff/core-consultations');
		await staff.getByRole('link', { name: 'Bignold Primary School' }).click();
		await staff.getByRole('button', { name: /Mark as held/ }).click();
		await expect(staff.getByText('Marked as held')).toBeVisible();

		const link = await linkInEmail(
			browser,
			/how useful was your meeting/,
			'senco@bignold.example.org'
		);
		// Axe needs JavaScript: the evaluation form and its error are scanned in a second tab.
		const scan = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
		await scan.goto(`${link}/evaluate`);
		await expectNoAxeViolations(scan);
		await scan.getByRole('button', { name: 'Send' }).click();
		await expect(scan.locator('.govuk-error-summary')).toBeVisible();
		await expectNoAxeViolations(scan);
		await scan.close();

		await page.goto(link);
		await page.getByRole('button', { name: 'Tell us how it went' }).click();
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(page.locator('.govuk-error-summary')).toContainText(
			'Select how useful the meeting was'
		);
		await page.getByLabel('Very useful').check();
		await page
			.getByLabel('What will your school do differently after the meeting?')
			.fill('Visual timetables in Year 2');
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(
			page.getByText('Thank you for telling us how useful the meeting was')
		).toBeVisible();
		// Back and send again: the one evaluation stands.
		await page.goto(`${link}/evaluate`);
		await expect(page).toHaveURL(new RegExp(`${link}$`));

		await staff.reload();
		await expect(staff.getByText('Visual timetables in Year 2')).toBeVisible();
		await staff.goto('/staff/core-consultations/results');
		const reached = async () =>
			Number((await staff.getByTestId('schools-reached').innerText()).replace(/\D/g, ''));
		expect(await reached()).toBeGreaterThan(200);
		const activity = staff.getByRole('table', { name: 'Registrations and meetings by strand' });
		for (const strand of [
			'Core Consultations',
			'Core Consultations Plus',
			'Core Consultations Special'
		])
			await expect(activity.getByRole('rowheader', { name: strand, exact: true })).toBeVisible();
		await expect(staff.getByRole('table', { name: /How useful/ })).toBeVisible();
		// One term on its own: fewer schools than the year, and small counts hidden as [x].
		const term = staff.getByLabel('Term');
		const options = await term.locator('option').allInnerTexts();
		await term.selectOption({ label: options[2] });
		await staff.getByRole('button', { name: 'Show' }).click();
		await expect(staff.getByText(`${options[2]}.`, { exact: true })).toBeVisible();
		const oneTerm = await reached();
		expect(oneTerm).toBeGreaterThan(4);
		expect(oneTerm).toBeLessThan(200);
		await expect(staff.getByRole('table', { name: /How useful/ })).toContainText('[x]');
		await staff.close();
	});
});
