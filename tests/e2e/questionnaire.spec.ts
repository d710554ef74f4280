import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const consultationPath = '/consultations/send-partnership-strategy';
const agreeHeading = 'To what extent do you agree or disagree that this should be a priority?';

/**
 * Every page of the journey is checked with axe as it is reached. axe needs JavaScript: the
 * pages the tests without it visit are the same pages scanned in the tests with it.
 */
async function reached(page: Page, heading: string | RegExp, axe = true): Promise<void> {
	await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	if (axe) await expectNoAxeViolations(page);
}

async function startQuestionnaire(page: Page, link: string, axe = true): Promise<void> {
	await page.goto(consultationPath);
	await page.getByRole('link', { name: link }).click();
	await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
	if (axe) await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Start now' }).click();
}

const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue' });

/**
 * Answers whatever question is showing until check your answers: "agreeLabel" on agreement
 * questions, nothing on optional ones. Returns the headings seen.
 */
async function answerTheRest(page: Page, agreeLabel: string, axe = true): Promise<string[]> {
	const seen: string[] = [];
	for (let i = 0; i < 40; i++) {
		const h1 = page.getByRole('heading', { level: 1 });
		const heading = (await h1.textContent())?.trim() ?? '';
		if (heading.startsWith('Check your answers')) return seen;
		seen.push(heading);
		if (axe) await expectNoAxeViolations(page);
		const agreement = page.getByRole('radio', { name: agreeLabel, exact: true });
		if (await agreement.count()) await agreement.check();
		await continueButton(page).click();
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(heading);
	}
	throw new Error('never reached check your answers');
}

test('a parent answers with a skip-logic branch, changes an answer and sends it', async ({
	page
}) => {
	await startQuestionnaire(page, 'Questionnaire for parents and carers');

	await reached(page, agreeHeading);
	// GOV.UK advice for branching forms: a question number, never a total that moves.
	await expect(page.locator('.app-question-number')).toHaveText('Question 1');
	await expect(
		page.getByText('Priority 1: Identify additional needs at the earliest opportunity')
	).toBeVisible();
	// Never pre-selected.
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
	await page.getByRole('radio', { name: 'Disagree', exact: true }).check();
	await continueButton(page).click();

	// Disagreeing opens the follow-up written for it.
	await reached(page, 'Why do you disagree, and what should we do differently? (optional)');
	await expect(page.locator('.app-question-number')).toHaveText('Question 2');
	await expect(page.getByText(/Question \d+ of \d+/)).toHaveCount(0);
	await page.getByRole('textbox').fill('Assessments take too long.\nWe wait months.');
	await continueButton(page).click();

	// Agreeing does not: "Why do you say that?" instead.
	await reached(page, agreeHeading);
	await expect(page.getByText('Priority 2:')).toBeVisible();
	await page.getByRole('radio', { name: 'Agree', exact: true }).check();
	await continueButton(page).click();
	await reached(page, 'Why do you say that? (optional)');
	await page.getByRole('link', { name: 'Back', exact: true }).click();
	await expect(page.getByRole('radio', { name: 'Agree', exact: true })).toBeChecked();
	await continueButton(page).click();
	await reached(page, 'Why do you say that? (optional)');
	await continueButton(page).click();

	const rest = await answerTheRest(page, 'Agree');
	expect(rest).not.toContain('Why do you disagree, and what should we do differently? (optional)');
	expect(rest).toContain('Which best describes you? (optional)');
	await reached(page, 'Check your answers before sending your response');

	const priority1 = page.locator('.govuk-summary-card', { hasText: 'Priority 1:' });
	await expect(priority1).toContainText('Disagree');
	await expect(priority1).toContainText('Assessments take too long.');
	await priority1.getByRole('link', { name: `Change ${agreeHeading}` }).click();

	// Changing to "Agree" asks the follow-up it opens, then returns to check your answers.
	await reached(page, agreeHeading);
	await expect(page.getByRole('radio', { name: 'Disagree', exact: true })).toBeChecked();
	await page.getByRole('radio', { name: 'Agree', exact: true }).check();
	await continueButton(page).click();
	await reached(page, 'Why do you say that? (optional)');
	await page.getByRole('textbox').fill('It matters most.');
	await continueButton(page).click();
	await reached(page, 'Check your answers before sending your response');
	await expect(priority1).toContainText('Agree');
	await expect(priority1).toContainText('It matters most.');
	await expect(priority1).not.toContainText('Assessments take too long.');

	await page.getByLabel('Name (optional)').fill('Sam Parent');
	await page.getByLabel('Email address (optional)').fill('sam@example.com');
	await page.getByRole('button', { name: 'Send your response' }).click();

	await reached(page, 'Response sent');
	await expect(page.locator('.govuk-panel__body')).toContainText(/R-[A-Z0-9]{4}-[A-Z0-9]{4}/);
	await expect(
		page.getByText('we will publish what people told us and what we will do')
	).toBeVisible();
	await page.getByRole('button', { name: 'Delete my contact details' }).click();
	await expect(page.getByText('Your contact details have been deleted')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Delete my contact details' })).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('a young person answers the Easy Read version, with faces beside the words', async ({
	page
}) => {
	await startQuestionnaire(page, 'Easy Read version for young people');

	await reached(page, 'Do you agree that we should work on this?');
	await expect(page.locator('.app-larger-text')).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Read this page aloud' })).toBeVisible();
	// Screen readers hear the words only; each word is visible beside its face.
	const scale = [
		'I really agree',
		'I agree',
		"I'm not sure",
		"I don't agree",
		"I really don't agree",
		"I don't know"
	];
	for (const [i, name] of scale.entries()) {
		await expect(page.getByRole('radio').nth(i)).toHaveAccessibleName(name);
		await expect(page.locator('.govuk-radios__label').nth(i)).toContainText(name);
	}
	// Faces are decoration beside each label: hidden from screen readers, never focusable.
	const faces = page.locator('.govuk-radios__label svg');
	await expect(faces).toHaveCount(6);
	for (const face of await faces.all()) {
		await expect(face).toHaveAttribute('aria-hidden', 'true');
		await expect(face).toHaveAttribute('focusable', 'false');
	}
	// Each face shows the feeling its words say.
	const shapes = ['big-smile', 'smile', 'straight', 'frown', 'big-frown', 'question'];
	for (const [i, shape] of shapes.entries())
		await expect(faces.nth(i)).toHaveAttribute('data-face', shape);
	// The priority in Easy Read words, written by staff, not the official title.
	await expect(page.locator('.govuk-caption-l, .govuk-caption-m').first()).toHaveText(
		'Priority 1: Find out early if children need extra help'
	);
	await expect(page.getByText('Identify additional needs at the earliest opportunity')).toHaveCount(
		0
	);
	// A hard word links to the glossary where it first appears (here the caption), and only there.
	await expect(
		page
			.locator('.govuk-caption-l, .govuk-caption-m')
			.first()
			.getByRole('link', { name: 'Priority' })
	).toHaveAttribute('href', '/easy-read-words#priority');
	await expect(page.locator('a[href="/easy-read-words#priority"]')).toHaveCount(1);
	await expect(page.getByRole('radio', { name: 'I agree', exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Read this page aloud' }).click();

	const rest = await answerTheRest(page, 'I agree');
	expect(rest).toContain('Did someone help you answer? (optional)');
	await reached(page, 'Check your answers before sending your response');
	// No name, email or phone asked of young people.
	await expect(page.getByLabel('Email address (optional)')).toHaveCount(0);
	await page.getByRole('button', { name: 'Send your response' }).click();
	await reached(page, 'Response sent');
	await expect(page.locator('.govuk-panel__body')).toContainText(/R-[A-Z0-9]{4}-[A-Z0-9]{4}/);
});

test('someone saves their answers and comes back later from the link', async ({
	page,
	browser
}) => {
	await startQuestionnaire(page, 'Questionnaire for parents and carers');
	await reached(page, agreeHeading);
	await page.getByRole('radio', { name: 'Strongly agree' }).check();
	await continueButton(page).click();
	await reached(page, 'Why do you say that? (optional)');
	await page.getByRole('textbox').fill('Saved for later');
	await page.getByRole('button', { name: 'Save and come back later' }).click();

	await reached(page, 'Your answers have been saved');
	const link = (await page.locator('.app-resume-link a').getAttribute('href'))!;
	expect(link).toMatch(/\/questionnaires\/parents-carers\/r\/[A-Za-z0-9_-]{43}$/);
	await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'same-origin');
	// The date given is the date answers can be sent until, not an earlier or later one.
	await expect(page.locator('main')).toContainText(
		/The link works until the consultation closes at 11:59pm on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}\./
	);

	await page.getByRole('button', { name: 'Send me the link' }).click();
	await reached(page, 'Your answers have been saved');
	await expect(page.getByRole('link', { name: 'Enter your email address' })).toBeVisible();
	await expect(page).toHaveTitle(/^Error: /);
	await page.getByLabel('Email address').fill('sam@example.com');
	await page.getByRole('button', { name: 'Send me the link' }).click();
	await expect(page.getByText('We have sent the link to sam@example.com')).toBeVisible();
	await expectNoAxeViolations(page);

	// Another browser, no cookies: the link alone carries on after the last answer.
	const later = await browser.newContext();
	const again = await later.newPage();
	await again.goto(link);
	await reached(again, agreeHeading);
	await expect(again.getByText('Priority 2:')).toBeVisible();
	await again.getByRole('link', { name: 'Back', exact: true }).click();
	await reached(again, 'Why do you say that? (optional)');
	await expect(again.getByRole('textbox')).toHaveValue('Saved for later');
	await later.close();
});

test('bad input gets GOV.UK errors, and broken links an explanation', async ({ page }) => {
	await startQuestionnaire(page, 'Questionnaire for parents and carers');
	await reached(page, agreeHeading);
	const url = page.url();

	await continueButton(page).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(
		page.getByRole('link', { name: 'Select how much you agree or disagree' })
	).toBeVisible();
	await expect(page.locator('#answer-error')).toContainText(
		'Select how much you agree or disagree'
	);
	await expectNoAxeViolations(page);

	// A choice not on the list, and a stale version id.
	await page.locator('#answer').evaluate((radio: HTMLInputElement) => {
		radio.value = 'invented';
		radio.checked = true;
	});
	await continueButton(page).click();
	await expect(page.locator('#answer-error')).toContainText(
		'Select how much you agree or disagree'
	);
	await page.getByRole('radio', { name: 'Agree', exact: true }).check();
	await page
		.locator('input[name="versionId"]')
		.evaluate((input: HTMLInputElement) => (input.value = '999999'));
	await continueButton(page).click();
	await expect(page.locator('#answer-error')).toContainText('This page is out of date');

	await page.getByRole('radio', { name: 'Agree', exact: true }).check();
	await continueButton(page).click();
	await reached(page, 'Why do you say that? (optional)');
	const tooLong = 'x'.repeat(1201);
	await page.getByRole('textbox').fill(tooLong);
	await continueButton(page).click();
	await expect(
		page.getByRole('link', { name: 'Your answer must be 1,200 characters or fewer' })
	).toBeVisible();
	await expect(page.getByRole('textbox')).toHaveValue(tooLong);
	await expectNoAxeViolations(page);

	// The follow-up for disagreeing is hidden by the answer given.
	await page.goto(url.replace(/priority-1-agree$/, 'priority-1-disagree-why'));
	await reached(page, 'You do not need to answer this question');

	const forged = url.replace(/\/r\/[^/]+\/.*$/, `/r/${'A'.repeat(43)}`);
	const response = await page.goto(forged);
	expect(response?.status()).toBe(404);
	await reached(page, 'This link does not work');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a parent answers and sends a response', async ({ page }) => {
		await startQuestionnaire(page, 'Questionnaire for parents and carers', false);
		await reached(page, agreeHeading, false);
		await continueButton(page).click();
		await expect(page).toHaveTitle(/^Error: /);
		await expect(
			page.getByRole('link', { name: 'Select how much you agree or disagree' })
		).toBeVisible();
		await page.getByRole('radio', { name: 'Strongly disagree' }).check();
		await continueButton(page).click();
		await reached(
			page,
			'Why do you disagree, and what should we do differently? (optional)',
			false
		);
		await expect(page.getByText('You can enter up to 1200 characters')).toBeVisible();
		await page.getByRole('textbox').fill('No JavaScript needed');
		await continueButton(page).click();
		await answerTheRest(page, 'Agree', false);
		await reached(page, 'Check your answers before sending your response', false);
		await expect(page.locator('.govuk-summary-card', { hasText: 'Priority 1:' })).toContainText(
			'No JavaScript needed'
		);
		await page.getByLabel('Email address (optional)').fill('not an email');
		await page.getByRole('button', { name: 'Send your response' }).click();
		await expect(
			page.getByRole('link', {
				name: 'Enter an email address in the correct format, like name@example.com'
			})
		).toBeVisible();
		await page.getByLabel('Email address (optional)').fill('');
		await page.getByRole('button', { name: 'Send your response' }).click();
		await reached(page, 'Response sent', false);
	});

	test('the Easy Read version works without the read-aloud button', async ({ page }) => {
		await startQuestionnaire(page, 'Easy Read version for young people', false);
		await reached(page, 'Do you agree that we should work on this?', false);
		await expect(page.getByRole('button', { name: 'Read this page aloud' })).toHaveCount(0);
		await page.getByRole('radio', { name: 'I really agree' }).check();
		await continueButton(page).click();
		await reached(page, 'Why do you think that? (optional)', false);
	});
});
