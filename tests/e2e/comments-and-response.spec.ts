import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { dayFromToday } from './dates';
import { signIn } from './staff';

// One small consultation of our own, so closing it and publishing its response leaves the demo
// consultations (which other tests rely on staying open) alone.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const title = `Short breaks review ${stamp}`;
const slug = `short-breaks-${stamp}`;
const themeName = `School transport ${stamp}`;
let base = '';

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

/** A theme's row in the code frame table. */
const themeRow = (page: Page, name: string) =>
	page.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name }) });

test('a lead sets up a small consultation and types up roadshow notes', async ({ page }) => {
	await signIn(page, 'lead');
	await page.goto('/staff/consultations/new');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Web address (optional)').fill(slug);
	await page.getByLabel('Summary').fill('Tell us about short breaks.');
	await page.getByLabel('Draft strategy').fill('## Our plan\n\nMore short breaks.');
	await page.getByLabel('Contact email address').fill('send@council.example');
	await fillDate(page, 'Opening date', dayFromToday(0));
	await fillDate(page, 'Closing date', dayFromToday(30));
	await page.getByRole('button', { name: 'Save and continue' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	base = new URL(page.url()).pathname;

	await page.goto(`${base}/priorities`);
	for (const name of ['More short breaks', 'Better information']) {
		await page.getByLabel('Priority', { exact: true }).fill(name);
		await page.getByRole('button', { name: 'Add priority' }).click();
		await expect(page.getByText('Priority added')).toBeVisible();
	}
	await page.goto(`${base}/publish`);
	await page.getByRole('button', { name: 'Publish consultation' }).click();
	await expect(page.getByText('Consultation published')).toBeVisible();

	// Six notes about priority 1: enough for their theme's count to be shown, not suppressed.
	await page.goto(`${base}/roadshow-notes`);
	for (let i = 1; i <= 6; i++) {
		await page.getByLabel('Parents and carers').check();
		await page.getByLabel('Priority 1: More short breaks').check();
		await page
			.getByLabel('What did people say?')
			.fill(`Family ${i}: the buses to the short break club are never on time.`);
		await page.getByRole('button', { name: 'Add note' }).click();
		await expect(page.getByText('Roadshow note added')).toBeVisible();
		// Listed straight away, newest first, with who it came from and its priority.
		const newest = page.locator('.govuk-summary-card').first();
		await expect(newest).toContainText(
			`Family ${i}: the buses to the short break club are never on time.`
		);
		await expect(newest).toContainText('Parents and carers');
		await expect(newest).toContainText('Priority 1');
		await expect(page.locator('.govuk-summary-card')).toHaveCount(i);
	}
	await expectNoAxeViolations(page);
});

test('a lead builds a code frame, tags comments, accepts suggestions and merges themes', async ({
	page
}) => {
	await signIn(page, 'lead');

	await page.goto(`${base}/themes`);
	await expect(page.getByRole('heading', { level: 1, name: 'Code frame' })).toBeVisible();
	await expectNoAxeViolations(page);
	// A theme needs a name.
	await page.getByRole('button', { name: 'Add theme' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter a name for the theme');
	await expectNoAxeViolations(page);
	await page.getByLabel('Theme name').fill(themeName);
	await page.getByLabel('Keywords (optional)').fill('bus, taxi');
	await page.getByRole('button', { name: 'Add theme' }).click();
	await expect(page.getByText('Theme added')).toBeVisible();
	await page.getByLabel('Theme name').fill('Late running');
	await page.getByRole('button', { name: 'Add theme' }).click();
	await expect(page.getByText('Theme added')).toBeVisible();
	// Names are unique, whatever their case.
	await page.getByLabel('Theme name').fill('LATE RUNNING');
	await page.getByRole('button', { name: 'Add theme' }).click();
	await expect(page.locator('#name-error')).toContainText(
		'There is already a theme called "LATE RUNNING"'
	);
	await expect(themeRow(page, themeName).getByTestId('theme-count')).toHaveText('0');

	// The comments: a note gets a theme from the select, then every note's suggestion is accepted.
	await page.goto(`${base}/comments?untagged=yes`);
	await expect(page.getByRole('heading', { level: 2, name: '6 comments' })).toBeVisible();
	await expectNoAxeViolations(page);
	const first = page.locator('.app-comment').first();
	await first.getByLabel('Add theme').selectOption({ label: 'Late running' });
	await first.getByRole('button', { name: 'Add theme' }).click();
	await expect(page.getByText('Theme added to the comment')).toBeVisible();
	// The filter stays on: the tagged note has left the "not yet tagged" list.
	await expect(page.getByLabel('Not yet tagged')).toBeChecked();
	await expect(page.getByRole('heading', { level: 2, name: '5 comments' })).toBeVisible();

	await page.goto(`${base}/comments`);
	await expect(page.getByText('(mentions “bus”)')).toHaveCount(6);
	const accept = page.getByRole('button', { name: `Accept the suggested theme ${themeName}` });
	// The words a screen reader hears have a space between them ("Accept the", not "Acceptthe").
	await expect(accept.first()).toHaveText(`Accept the suggested theme ${themeName}`);
	// From the bottom up: after each, focus and scroll stay on the comment, far down the page.
	for (let left = 6; left > 0; left--) {
		const comment = page.locator('.app-comment').filter({ has: accept }).last();
		const id = await comment.getAttribute('id');
		await comment.getByRole('button', { name: /^Accept/ }).click();
		await expect(page).toHaveURL(new RegExp(`#${id}$`));
		const done = page.locator(`#${id}`).getByRole('alert');
		await expect(done).toContainText('Theme added to the comment');
		await expect(done).toBeFocused();
		await expect(done).toBeInViewport();
		await expect(page.getByRole('alert')).toHaveCount(1);
		await expect(accept).toHaveCount(left - 1);
	}
	await expectNoAxeViolations(page);

	// Filtering by theme.
	await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Late running' });
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/theme=\d+/);
	await expect(
		page.getByRole('heading', { level: 2, name: '1 comment', exact: true })
	).toBeVisible();
	// A made-up theme id is named as a problem, not a crash.
	await page.goto(`${base}/comments?theme=999999&audience=aliens`);
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.govuk-error-summary')).toContainText('Select a theme from the list');
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Select an audience from the list'
	);
	await expectNoAxeViolations(page);

	await page.goto(`${base}/themes`);
	await expect(themeRow(page, themeName).getByTestId('theme-count')).toHaveText(/^\s*6/);
	await expect(themeRow(page, 'Late running').getByTestId('theme-count')).toHaveText(/^\s*1/);

	// Merge "Late running" into the transport theme: the comment with both keeps one tag.
	await page.getByRole('link', { name: 'Change Late running' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('Merge into').selectOption({ label: themeName });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Are you sure you want to merge'
	);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Merge themes' }).click();
	await expect(page.getByText('Themes merged')).toBeVisible();
	await expect(themeRow(page, 'Late running')).toHaveCount(0);
	await expect(themeRow(page, themeName).getByTestId('theme-count')).toHaveText(/^\s*6/);
	await expectNoAxeViolations(page);

	// The dashboard reads the same tags.
	await page.goto(`${base}/insights`);
	const dashboardThemes = page.getByRole('table', { name: 'Top themes in comments on priority 1' });
	await expect(dashboardThemes.getByRole('row', { name: new RegExp(themeName) })).toContainText(
		'6'
	);
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	// The same pages, scanned above with JavaScript on; here only that they work without it.
	test('a lead filters comments, removes a tag and accepts the suggestion again', async ({
		page
	}) => {
		await signIn(page, 'lead');
		await page.goto(`${base}/comments`);
		await page.getByLabel('Theme', { exact: true }).selectOption({ label: themeName });
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page.getByRole('heading', { level: 2, name: '6 comments' })).toBeVisible();
		await page
			.locator('.app-comment')
			.first()
			.getByRole('button', { name: `Remove the theme ${themeName} from this comment` })
			.click();
		await expect(page.getByText('Theme removed from the comment')).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: '5 comments' })).toBeVisible();

		await page.goto(`${base}/comments?untagged=yes`);
		await expect(
			page.getByRole('heading', { level: 2, name: '1 comment', exact: true })
		).toBeVisible();
		await page.getByRole('button', { name: `Accept the suggested theme ${themeName}` }).click();
		// The comment has left the "not yet tagged" list, so the message is at the top.
		await expect(page.getByText('Theme added to the comment')).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: '0 comments' })).toBeVisible();

		// Unfiltered, the page comes back at the comment: the address ends with its #anchor.
		await page.goto(`${base}/comments`);
		const last = page.locator('.app-comment').last();
		const id = await last.getAttribute('id');
		await last.getByRole('button', { name: /^Remove the theme/ }).click();
		await expect(page).toHaveURL(new RegExp(`#${id}$`));
		await expect(page.locator(`#${id}`)).toContainText('Theme removed from the comment');
		await expect(page.locator(`#${id}`)).toBeInViewport();
		await last.getByLabel('Add theme').selectOption({ label: themeName });
		await last.getByRole('button', { name: 'Add theme' }).click();
		await expect(page).toHaveURL(new RegExp(`#${id}$`));
		await expect(page.locator(`#${id}`)).toContainText('Theme added to the comment');
		await expect(page.locator(`#${id}`)).toBeInViewport();
	});
});

test('a lead closes the consultation and publishes "You said, we did", which a visitor reads', async ({
	page,
	browser
}) => {
	// Nothing to read before it is published.
	const visitorContext = await browser.newContext();
	const visitor = await visitorContext.newPage();
	expect((await visitor.goto(`/consultations/${slug}/response`))?.status()).toBe(404);

	await signIn(page, 'lead');
	await page.goto(base);
	await page.getByRole('link', { name: 'You said, we did' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'You said, we did' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto(`${base}/response/publish`);
	await expect(page.locator('main')).toContainText(
		'Close the consultation before you publish the response'
	);
	await expect(page.locator('main')).toContainText(
		'Write “You said” and “We did” for priority 2: Better information'
	);
	await expectNoAxeViolations(page);

	await page.goto(`${base}/response`);
	await page.getByRole('link', { name: 'Priority 1: More short breaks' }).click();
	await expect(
		page.getByRole('table', { name: /What people’s comments on priority 1 were about most/ })
	).toContainText(themeName);
	await expectNoAxeViolations(page);
	// Too long is refused, keeping what was typed.
	await page.getByLabel('You said').fill('x'.repeat(3001));
	await page.getByLabel('We did').fill('We will run a minibus.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'What people said must be 3,000 characters or fewer'
	);
	await expect(page.getByLabel('We did')).toHaveValue('We will run a minibus.');
	await expectNoAxeViolations(page);
	await page.getByLabel('You said').fill('Transport to short breaks is unreliable.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('“You said, we did” saved')).toBeVisible();

	await page.getByRole('link', { name: 'Priority 2: Better information' }).click();
	await page.getByLabel('You said').fill('Families cannot find what is on offer.');
	await page.getByLabel('We did').fill('We will publish one list of every short break.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('“You said, we did” saved')).toBeVisible();

	await page.getByRole('link', { name: 'Introduction and Easy Read summary' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('Introduction').fill('Thank you to the families who came to our roadshow.');
	await page
		.getByLabel('Easy Read summary for young people')
		.fill('You told us the bus is late.\nWe will get a minibus.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Introduction and Easy Read summary saved')).toBeVisible();
	await expectNoAxeViolations(page);

	// Close the consultation, then publish.
	await page.goto(`${base}/publish`);
	await page.getByRole('button', { name: 'Close consultation now' }).click();
	await expect(page.getByText('Consultation closed')).toBeVisible();
	// Before publishing: the preview is the public page, with the empty tables named.
	await page.goto(`${base}/response/publish`);
	await expectNoAxeViolations(page);
	const warnings = page.getByTestId('empty-table-warnings');
	// Only roadshow notes here, so nobody has said how much they agree with either priority.
	for (const n of [1, 2])
		await expect(warnings).toContainText(
			`Priority ${n}: nobody answered how much they agree, so its agreement table shows only zeros`
		);
	await page.getByRole('link', { name: 'Preview the public page' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'What you told us and what we will do' })
	).toBeVisible();
	await expect(page.getByRole('region', { name: 'Preview' })).toContainText(
		'It is not published yet'
	);
	await expect(page.getByTestId('empty-table-warnings')).toContainText(
		'Priority 2: nobody answered'
	);
	await expect(page.locator('main')).toContainText('Transport to short breaks is unreliable.');
	await expect(page.locator('main')).toContainText('We will get a minibus.');
	await expectNoAxeViolations(page);
	// Previewing publishes nothing.
	expect((await visitor.goto(`/consultations/${slug}/response`))?.status()).toBe(404);
	await page.getByRole('button', { name: 'Continue to publish' }).click();
	await page.getByRole('button', { name: 'Publish response' }).click();
	await expect(page.getByText('Response published', { exact: true })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto(base);
	await expect(page.locator('.govuk-summary-list')).toContainText('Response published');

	// A visitor finds it from the consultation page.
	await visitor.goto(`/consultations/${slug}`);
	await visitor.getByRole('link', { name: 'Read what you told us and what we will do' }).click();
	await expect(
		visitor.getByRole('heading', { level: 1, name: 'What you told us and what we will do' })
	).toBeVisible();
	await expectNoAxeViolations(visitor);
	const main = visitor.locator('main');
	await expect(main).toContainText('Thank you to the families who came to our roadshow.');
	await expect(main).toContainText('Transport to short breaks is unreliable.');
	await expect(main).toContainText('We will publish one list of every short break.');
	const themes = visitor.getByRole('table', { name: /priority 1 were about most/ });
	await expect(themes.getByRole('row', { name: new RegExp(themeName) })).toContainText('100%');
	await expect(
		visitor.getByRole('table', { name: 'How much people agreed with priority 1' })
	).toBeVisible();
	// Every table fits the page's column on a desktop screen: nothing cut off or scrolled.
	await visitor.setViewportSize({ width: 1280, height: 800 });
	for (const table of await visitor.locator('main table').all()) {
		const { width, column } = await table.evaluate((t) => ({
			width: t.scrollWidth,
			column: t.closest('.govuk-width-container')!.clientWidth
		}));
		expect(width, (await table.locator('caption').textContent()) ?? '').toBeLessThanOrEqual(column);
	}
	// No lead's warnings on the public page.
	await expect(visitor.getByTestId('empty-table-warnings')).toHaveCount(0);
	await visitor.getByRole('link', { name: 'Easy Read version' }).click();
	await expect(visitor.locator('#easy-read')).toHaveClass(/app-larger-text/);
	await expect(visitor.locator('#easy-read')).toContainText('We will get a minibus.');
	await visitorContext.close();
});

test('the question filter names each question with its priority, no two alike', async ({
	page
}) => {
	await signIn(page, 'lead');
	await page.goto('/staff/consultations/1/comments');
	const options = await page
		.getByLabel('Question', { exact: true })
		.locator('option')
		.allTextContents();
	expect(options.length).toBeGreaterThan(2);
	expect(new Set(options).size, options.join(' | ')).toBe(options.length);
	expect(options).toContainEqual(expect.stringMatching(/\(priority 1: /));
});

test('a facilitator may not read or code comments', async ({ page }) => {
	await signIn(page, 'facilitator');
	for (const path of [
		'/staff/consultations/1/comments',
		'/staff/consultations/1/themes',
		'/staff/consultations/1/response'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
	}
	await expectNoAxeViolations(page);
	const post = await page.request.post('/staff/consultations/1/comments?/tag', {
		form: { kind: 'answer', commentId: '1', themeId: '1' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(post.status()).toBe(403);
});
