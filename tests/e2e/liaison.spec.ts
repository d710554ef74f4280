import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { dayFromToday } from './dates';
import { signIn } from './staff';

/** The newest outbox email to an address whose subject matches, read by an admin (liaison emails are hidden from leads). */
async function emailText(browser: Browser, subject: RegExp, to: string): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'admin');
	await page.goto('/staff/outbox');
	const row = page.getByRole('row').filter({ hasText: subject }).filter({ hasText: to }).first();
	await row.getByRole('link', { name: subject }).click();
	// The click resolves before the navigation: wait for the email's own page.
	await expect(page).toHaveURL(/\/staff\/outbox\/\d+$/);
	const text = await page.locator('main').innerText();
	await context.close();
	return text;
}

async function familyLink(browser: Browser, to: string): Promise<string> {
	const text = await emailText(browser, /Tell the pre-school liaison group about/, to);
	const match = /\/pre-school-liaison\/[A-Za-z0-9_-]{43}/.exec(text);
	expect(match, `a questionnaire link in the email to ${to}`).not.toBeNull();
	return match![0];
}

async function fillDate(
	page: Page,
	legend: string | RegExp,
	date: { day: string; month: string; year: string }
) {
	const group = page.getByRole('group', { name: legend });
	await group.getByLabel('Day').fill(date.day);
	await group.getByLabel('Month').fill(date.month);
	await group.getByLabel('Year').fill(date.year);
}

/** A liaison officer sets up a group with a meeting; returns the meeting page's address. */
async function setUpMeeting(page: Page, name: string, scan: boolean): Promise<string> {
	await page.goto('/staff/liaison');
	if (scan) await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Set up a group' }).click();
	await page.getByRole('button', { name: 'Set up the group' }).click();
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText('Enter a name for the group');
	await expect(summary).toContainText('Enter the name of at least one member of the group');
	if (scan) await expectNoAxeViolations(page);
	await page.getByLabel('Name of the group').fill(name);
	await page.getByLabel('Area it covers').fill('Breckland');
	await page.getByLabel('Community paediatrician').fill('Dr Ada Okafor');
	await page.getByLabel('Speech and language therapist').fill('Tom Reed');
	await page.getByRole('button', { name: 'Set up the group' }).click();
	await expect(page.getByText('Group set up')).toBeVisible();
	await expect(page.getByText('Dr Ada Okafor')).toBeVisible();

	// A deadline after the meeting is refused, with the other answers kept.
	await fillDate(page, 'Date of the meeting', dayFromToday(30));
	await page.getByLabel('Start time').fill('9:30am');
	await page.getByLabel('Where').fill('Dereham Children’s Centre');
	await fillDate(page, /Last day for families/, dayFromToday(31));
	await page.getByRole('button', { name: 'Add the meeting' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'must be before the day of the meeting'
	);
	await expect(page.getByLabel('Where')).toHaveValue('Dereham Children’s Centre');
	if (scan) await expectNoAxeViolations(page);
	await fillDate(page, /Last day for families/, dayFromToday(20));
	await page.getByRole('button', { name: 'Add the meeting' }).click();
	await expect(page.getByText('Meeting added')).toBeVisible();
	if (scan) await expectNoAxeViolations(page);
	return new URL(page.url()).pathname;
}

/** Adds a child; the first try leaves out the parent's agreement and is refused. */
async function addChild(page: Page, meeting: string, child: string, email: string, scan: boolean) {
	await page.goto(meeting);
	await page.getByRole('button', { name: 'Add a child' }).click();
	await page.getByLabel('Child’s first name').fill(child);
	await page.getByLabel('Years').fill('3');
	await page.getByLabel('Months').fill('4');
	await page.getByLabel('Name of the professional referring').fill('Ruth Gale');
	await page.getByLabel('Their profession').fill('Specialist health visitor');
	await page.getByLabel('Full name').fill('Sam Hill');
	await page.getByLabel('Email address').fill(email);
	await page.getByRole('button', { name: 'Add the child and email the family' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'The parent or carer must agree to the referral before you add it'
	);
	await expect(page.getByLabel('Child’s first name')).toHaveValue(child);
	if (scan) await expectNoAxeViolations(page);
	await page.getByLabel(/has agreed to this referral/).check();
	await page.getByRole('button', { name: 'Add the child and email the family' }).click();
	await expect(page.getByText('We have emailed the family a link')).toBeVisible();
	await expect(page.getByRole('link', { name: child })).toBeVisible();
}

test('a referral through to the family’s answers, the agenda pack, and the outcome letter by email and PDF', async ({
	page,
	browser
}) => {
	const run = Date.now();
	const child = `Maya${run % 10000}`;
	const email = `sam.${run}@example.com`;
	await signIn(page, 'liaison');
	const meeting = await setUpMeeting(page, `Breckland group ${run}`, true);
	await addChild(page, meeting, child, email, true);

	const family = await (await browser.newContext()).newPage();
	const link = await familyLink(browser, email);
	await family.goto(link);
	await expect(
		family.getByRole('heading', { name: `Tell the pre-school liaison group about ${child}` })
	).toBeVisible();
	await expectNoAxeViolations(family);
	await family.getByRole('button', { name: 'Start now' }).click();

	await family.getByRole('button', { name: 'Continue' }).click();
	await expect(family).toHaveTitle(/^Error: /);
	await expect(family.locator('.govuk-error-summary')).toContainText(
		'Tell us what is going well for your child'
	);
	await expectNoAxeViolations(family);
	await family.getByLabel(`What is going well for ${child}?`).fill('She loves books and songs');
	await family.getByRole('button', { name: 'Continue' }).click();

	await family.getByLabel('Talking and understanding').check();
	await family.getByLabel('Sleeping').check();
	await expectNoAxeViolations(family);
	await family.getByRole('button', { name: 'Continue' }).click();

	await family.getByLabel('Question 1 (optional)').fill('Will she need speech therapy?');
	await expectNoAxeViolations(family);
	await family.getByRole('button', { name: 'Continue' }).click();
	await family.getByLabel('Who else supports your child and family?').fill('Portage visits');
	await family.getByRole('button', { name: 'Continue' }).click();

	// A letter needs an address: told so by the field, the choice kept.
	await family.getByLabel('By letter in the post').check();
	await family.getByRole('button', { name: 'Continue' }).click();
	await expect(family.locator('.govuk-error-summary')).toContainText(
		'Enter the address we should post the letter to'
	);
	await expect(family.getByLabel('By letter in the post')).toBeChecked();
	await expectNoAxeViolations(family);
	await family.getByLabel('Address to post the letter to').fill('4 Mill Lane\nDereham\nNR19 1AB');
	await family.getByRole('button', { name: 'Continue' }).click();

	await expect(
		family.getByRole('heading', { name: 'Check your answers before sending them' })
	).toBeVisible();
	await expectNoAxeViolations(family);
	await family.getByRole('link', { name: /Change.*who else supports you/i }).click();
	await family
		.getByLabel('Who else supports your child and family?')
		.fill('Portage visits every fortnight');
	await family.getByRole('button', { name: 'Continue' }).click();
	await expect(family.getByText('Portage visits every fortnight')).toBeVisible();
	await family.getByRole('button', { name: 'Send your answers' }).click();
	await expect(family.getByRole('heading', { name: 'Answers sent' })).toBeVisible();
	await expectNoAxeViolations(family);
	// The used link opens the confirmation, not the questions.
	await family.goto(`${link}/support`);
	await expect(family.getByRole('heading', { name: 'Answers sent' })).toBeVisible();
	await family.close();

	await page.goto(meeting);
	await expect(page.getByRole('row', { name: new RegExp(child) })).toContainText('Answers sent');
	await page.getByRole('button', { name: 'Agenda pack' }).click();
	await expect(page.getByText('She loves books and songs')).toBeVisible();
	await expect(page.getByText('Will she need speech therapy?')).toBeVisible();
	await expect(page.getByText('By letter')).toBeVisible();
	await expectNoAxeViolations(page);
	// Printed: the answers, without the header, navigation, buttons or footer.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByText('She loves books and songs')).toBeVisible();
	for (const hidden of ['.govuk-service-navigation', '.govuk-footer', '.govuk-back-link'])
		await expect(page.locator(hidden).first()).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print the agenda pack' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	await page.goto(meeting);
	await page.getByRole('link', { name: child }).click();
	await page.getByRole('button', { name: 'Save the outcome' }).click();
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText('Enter what the group decided');
	await expect(summary).toContainText('Enter the group’s answer to question 1');
	await expectNoAxeViolations(page);
	await page
		.getByLabel('What the group decided')
		.fill('A speech and language therapist will visit you at home.');
	await page
		.getByLabel(/answer to question 1/)
		.fill('Yes: weekly sessions at nursery from September.');
	await page.getByRole('button', { name: 'Save the outcome' }).click();
	await expect(page.getByTestId('letter')).toContainText(
		'You asked: Will she need speech therapy?'
	);
	await page.getByRole('button', { name: 'Send the outcome letter' }).click();
	await expect(page.getByText('Outcome letter sent.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Send the outcome letter' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	const pdfLink = page.getByRole('link', { name: /Download the letter/ });
	const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

	const letter = await emailText(browser, /What the pre-school liaison group said about/, email);
	expect(letter).toContain('Our answer: Yes: weekly sessions at nursery from September.');

	await page.goto('/staff/liaison/sent');
	const rows = page.getByRole('row').filter({ hasText: child });
	await expect(rows.filter({ hasText: 'Outcome letter' })).toHaveCount(2);
	await expect(rows.filter({ hasText: 'Questionnaire link' })).toHaveCount(1);
	await expectNoAxeViolations(page);
});

test('leads and facilitators cannot see liaison pages, and a wrong link gets a plain page', async ({
	page
}) => {
	await signIn(page, 'lead');
	expect((await page.goto('/staff/liaison'))?.status()).toBe(403);
	await expect(page.getByRole('link', { name: 'Pre-school liaison' })).toHaveCount(0);
	const res = await page.request.post('/staff/liaison/groups/new', { form: { name: 'x' } });
	expect(res.status()).toBe(403);
	expect((await page.request.get('/staff/liaison/referrals/1/letter.pdf')).status()).toBe(403);
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await signIn(page, 'facilitator');
	expect((await page.goto('/staff/liaison/sent'))?.status()).toBe(403);

	const family = await (await page.context().browser()!.newContext()).newPage();
	expect((await family.goto(`/pre-school-liaison/${'A'.repeat(43)}`))?.status()).toBe(404);
	await expect(family.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
	await expect(family.getByText('contact the professional who talked to you')).toBeVisible();
	await expectNoAxeViolations(family);
	await family.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a family answers, saved page by page, and is emailed the outcome', async ({
		page,
		browser
	}) => {
		const run = Date.now();
		const child = `Leo${run % 10000}`;
		const email = `jo.${run}@example.com`;
		await signIn(page, 'liaison');
		const meeting = await setUpMeeting(page, `Thetford group ${run}`, false);
		await addChild(page, meeting, child, email, false);

		const family = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		const link = await familyLink(browser, email);
		await family.goto(link);
		await family.getByRole('button', { name: 'Start now' }).click();
		await family.getByLabel(`What is going well for ${child}?`).fill('Walking more');
		await family.getByRole('button', { name: 'Continue' }).click();
		await family.getByRole('button', { name: 'Continue' }).click();
		await expect(family.locator('.govuk-error-summary')).toContainText(
			'Select the areas you are worried about, or tell us about something else'
		);
		await family.getByLabel('Anything else you are worried about (optional)').fill('Toileting');
		await family.getByRole('button', { name: 'Continue' }).click();
		// No questions is an answer.
		await family.getByRole('button', { name: 'Continue' }).click();
		await family.getByLabel('Who else supports your child and family?').fill('No one');
		await family.getByRole('button', { name: 'Continue' }).click();
		// Back to an earlier page: what was saved is there.
		await family.goto(`${link}/going-well`);
		await expect(family.getByLabel(`What is going well for ${child}?`)).toHaveValue('Walking more');
		await family.goto(`${link}/reply`);
		await family.getByLabel('By email').check();
		await family.getByRole('button', { name: 'Continue' }).click();
		await expect(family.getByText('No questions')).toBeVisible();
		await expect(family.getByText('Toileting')).toBeVisible();
		await family.getByRole('button', { name: 'Send your answers' }).click();
		await expect(family.getByRole('heading', { name: 'Answers sent' })).toBeVisible();
		await expect(family.getByText('we will email you')).toBeVisible();
		await family.close();

		await page.goto(meeting);
		await page.getByRole('link', { name: child }).click();
		await expect(page.getByText('Toileting')).toBeVisible();
		await page.getByLabel('What the group decided').fill('Portage will visit from next month.');
		await page.getByRole('button', { name: 'Save the outcome' }).click();
		await page.getByRole('button', { name: 'Send the outcome letter' }).click();
		await expect(page.getByText('Outcome letter sent.')).toBeVisible();
		// The family asked for email: no letter to print.
		await expect(page.getByRole('link', { name: /Download the letter/ })).toHaveCount(0);
		const letter = await emailText(browser, /What the pre-school liaison group said about/, email);
		expect(letter).toContain('Portage will visit from next month.');
	});
});
