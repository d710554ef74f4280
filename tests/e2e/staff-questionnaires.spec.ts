import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { signIn } from './staff';

// The demo seed publishes the three starter questionnaires for consultation 1, which is open.
const consultation = '/staff/consultations/1';
const agreeQuestion = 'To what extent do you agree or disagree that this should be a priority?';
const newWording = 'How far do you agree that this should be one of our priorities?';

/** Answers every required agreement question on a paper entry form with "Agree". */
async function agreeToEveryPriority(page: Page) {
	const groups = page.getByRole('group', { name: agreeQuestion });
	const count = await groups.count();
	expect(count).toBeGreaterThan(0);
	for (let i = 0; i < count; i++) await groups.nth(i).getByLabel('Agree', { exact: true }).check();
}

test('a lead changes a published questionnaire and earlier responses keep the wording they answered', async ({
	page
}) => {
	// A long journey with an axe scan of every page, some of them long forms.
	test.setTimeout(180_000);
	await signIn(page, 'lead');
	await page.goto(consultation);
	await page.getByRole('link', { name: 'Questionnaires', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
	const practitionersRow = page.getByRole('row', { name: /Practitioners/ });
	await expect(practitionersRow).toContainText('Published version 1');
	await expectNoAxeViolations(page);

	// A paper response to version 1, entered before the change.
	await page.goto(`${consultation}/paper-entry`);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Questionnaire for practitioners' }).click();
	// A form with nothing on it is not a response.
	await page.getByRole('button', { name: 'Save paper response' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Enter at least one answer from the paper form'
	);
	await expectNoAxeViolations(page);
	await page
		.getByLabel('What would make the biggest difference to you? (optional)')
		.fill('More training for school staff');
	await agreeToEveryPriority(page);
	await page.getByRole('button', { name: 'Save paper response' }).click();
	await expect(page.getByText('Paper response saved')).toBeVisible();
	const reference = (await page.locator('.govuk-notification-banner strong').textContent())!.trim();
	expect(reference).not.toBe('');

	// Editing a published questionnaire makes a new draft version.
	await page.goto(`${consultation}/questionnaires`);
	await page
		.getByRole('row', { name: /Practitioners/ })
		.getByRole('link', { name: /View and change/ })
		.click();
	await expect(page.getByText('Version 1 is published')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Change this questionnaire' }).click();
	await expect(
		page.getByText(
			"You're editing version 2. People answering now still see version 1 until you publish."
		)
	).toBeVisible();
	await expectNoAxeViolations(page);

	// Bad input on the question editor: each problem named, the answers kept.
	await page.getByRole('button', { name: 'Add a question' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('One answer from a list').check();
	await page.getByLabel('Options').fill('Only one option');
	await page.getByLabel('Character limit (optional)').fill('lots');
	await page.getByRole('button', { name: 'Add question' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText('Enter the question');
	await expect(summary).toContainText('Enter at least 2 options, one on each line');
	await expect(summary).toContainText('Select yes if people must answer this question');
	await expect(page.getByLabel('Options')).toHaveValue('Only one option');
	await expect(page.getByLabel('One answer from a list')).toBeChecked();
	await expectNoAxeViolations(page);

	// Skip logic needs the answers that show the question.
	await page
		.getByLabel('Question', { exact: true })
		.fill('Which part of the assessment takes too long?');
	await page.getByLabel('Options').fill('Waiting for the first meeting\nWaiting for reports');
	await page.getByLabel('Character limit (optional)').fill('');
	await page
		.getByRole('group', { name: 'Must people answer this question?' })
		.getByLabel('No')
		.check();
	await page.getByRole('radio', { name: /^Only after certain answers to question 1:/ }).check();
	await page.getByRole('button', { name: 'Add question' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Select the answers that show this question'
	);
	await expectNoAxeViolations(page);
	await page
		.getByRole('group', { name: 'Show it after these answers to question 1', exact: true })
		.getByLabel('Disagree', { exact: true })
		.check();
	await page.getByRole('button', { name: 'Add question' }).click();
	await expect(page.getByText('Question added')).toBeVisible();
	await expect(page.locator('#main-content')).toContainText(
		'Shown only if the answer to question 1 is “Disagree”'
	);

	// Reword the first question.
	await page.getByRole('link', { name: 'Change question 1', exact: true }).click();
	await expect(page.getByLabel('Question', { exact: true })).toHaveValue(agreeQuestion);
	await expectNoAxeViolations(page);
	await page.getByLabel('Question', { exact: true }).fill(newWording);
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page.getByText('Question saved')).toBeVisible();
	await expect(page.locator('#main-content')).toContainText(newWording);

	await page.getByRole('link', { name: 'Preview the draft' }).click();
	await expect(page.locator('.app-preview-banner')).toContainText('Preview');
	await expect(page.getByRole('group', { name: newWording })).toBeVisible();
	await expect(page.locator('#main-content').getByRole('button')).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Back', exact: true }).click();

	await page.getByRole('button', { name: 'Publish version 2' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Publish version 2?' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Publish version 2' }).click();
	await expect(page.getByText('Version 2 published')).toBeVisible();
	await expectNoAxeViolations(page);

	// The earlier response still shows the version 1 wording.
	await page.getByRole('link', { name: 'See the responses' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: reference }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Response ${reference}` })
	).toBeVisible();
	await expect(page.locator('.govuk-summary-list').first()).toContainText('Version 1');
	await expect(page.locator('#main-content')).toContainText(agreeQuestion);
	await expect(page.locator('#main-content')).not.toContainText(newWording);
	await expect(page.locator('#main-content')).toContainText('More training for school staff');
	await expectNoAxeViolations(page);

	await page.goto(`${consultation}/questionnaires`);
	await expect(page.getByRole('row', { name: /Practitioners/ })).toContainText(
		'Published version 2'
	);
});

test('a paper form with questions left blank is saved, the blanks as not answered', async ({
	page
}) => {
	await signIn(page, 'facilitator');
	await page.goto(`${consultation}/paper-entry`);
	await page.getByRole('link', { name: 'Questionnaire for parents and carers' }).click();
	await expect(page.getByText('Leave a question blank if it was not answered')).toBeVisible();
	// Only the last comment was written on the paper: every agreement question is blank.
	await page
		.getByLabel('What would make the biggest difference to you? (optional)')
		.fill('Shorter waits for assessments');
	await page.getByRole('button', { name: 'Save paper response' }).click();
	await expect(page.getByText('Paper response saved')).toBeVisible();
	await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
});

test('a facilitator enters a paper response and a roadshow note, but cannot edit questionnaires', async ({
	page
}) => {
	test.setTimeout(180_000);
	await signIn(page, 'facilitator');
	// Facilitators find paper entry from their staff home page.
	await page
		.getByRole('link', { name: 'Enter paper responses for SEND Partnership Strategy' })
		.click();
	await expect(page).toHaveURL(new RegExp(`${consultation}/paper-entry$`));
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Questionnaire for parents and carers' }).click();
	await expectNoAxeViolations(page);
	await agreeToEveryPriority(page);
	// A follow-up question the skip logic hides must stay blank.
	await page
		.getByLabel('Why do you disagree, and what should we do differently? (optional)')
		.first()
		.fill('Too slow');
	await page.getByRole('button', { name: 'Save paper response' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'This question does not apply, given the earlier answers. Leave it blank'
	);
	await expectNoAxeViolations(page);
	await page
		.getByLabel('Why do you disagree, and what should we do differently? (optional)')
		.first()
		.fill('');
	await page.getByLabel('Why do you say that? (optional)').first().fill('Early help matters');
	const session = page.getByLabel('Was it filled in at a roadshow session?');
	const firstSession = await session.locator('option').nth(1).getAttribute('value');
	await session.selectOption(firstSession!);
	await page.getByRole('button', { name: 'Save paper response' }).click();
	await expect(page.getByText('Paper response saved')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Add notes from a roadshow table' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Select who the feedback came from'
	);
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter the feedback');
	await expectNoAxeViolations(page);
	await page.getByLabel('Roadshow session').selectOption(firstSession!);
	await page.getByRole('radio', { name: 'Parents and carers' }).check();
	await page.getByLabel(/^Priority 2:/).check();
	await page
		.getByLabel('What did people say?')
		.fill('Families want to be involved from the start, not told at the end.');
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(page.getByText('Roadshow note added')).toBeVisible();
	await expect(page.locator('#main-content')).toContainText(
		'Families want to be involved from the start, not told at the end.'
	);
	await expect(page.locator('#main-content')).toContainText('Priority 2');
	await expectNoAxeViolations(page);

	// Setting up questionnaires is for leads.
	const response = await page.goto(`${consultation}/questionnaires`);
	expect(response?.status()).toBe(403);
});
