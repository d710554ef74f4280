import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { signIn } from './staff';
import { readWorkbook, sheetNamed } from '../readWorkbook';

async function openDashboard(page: Page): Promise<string> {
	await page.goto('/staff');
	await page.getByRole('link', { name: 'SEND Partnership Strategy' }).first().click();
	await page.getByRole('link', { name: 'Feedback dashboard' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Feedback dashboard' })).toBeVisible();
	return new URL(page.url()).pathname;
}

/** A cell's text, by the table's caption and the row's header (tables in a closed "Show the data" count too). */
async function cell(page: Page, caption: string, row: string, column = 1): Promise<string> {
	const table = page
		.locator('table', { has: page.locator('caption', { hasText: caption }) })
		.first();
	const tr = table.locator('tr', {
		has: page.locator('th[scope="row"]', { hasText: new RegExp(`^\\s*${row}\\s*$`) })
	});
	return (
		(await tr
			.locator('td')
			.nth(column - 1)
			.textContent()) ?? ''
	).trim();
}

const number = (text: string) => Number(text.replace(/,/g, ''));

test('a lead filters the dashboard and the charts, tables and downloads follow', async ({
	page
}) => {
	await signIn(page, 'lead');
	const path = await openDashboard(page);
	await expectNoAxeViolations(page);

	// Charts are images with a text alternative; their data is one click away as a table.
	const chart = page.locator('.app-chart[role="img"]').nth(1);
	await expect(chart).toHaveAttribute(
		'aria-label',
		/Agreement with priority 1, by audience\. \d+% of the [\d,]+ people who answered/
	);
	await expect(chart.locator('canvas')).toBeVisible();
	await page.getByText('Show the data as a table').nth(1).click();
	const allBase = number(
		await cell(page, 'Agreement with priority 1, by audience', 'All audiences', 7)
	);
	const parentsBefore = number(await cell(page, 'Responses by audience', 'Parents and carers'));
	expect(allBase).toBeGreaterThan(parentsBefore);
	await expect(chart).toHaveAttribute(
		'aria-label',
		new RegExp(`of the ${allBase.toLocaleString('en-GB')} people`)
	);

	await page.getByLabel('Audience', { exact: true }).selectOption('parents_carers');
	await page.getByLabel('Type of need').selectOption('sensory_physical');
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/audience=parents_carers/);
	await expect(page).toHaveURL(/need=sensory_physical/);
	await expect(
		page.getByText('Showing: Parents and carers; Type of need: Sensory or physical needs')
	).toBeVisible();
	await expectNoAxeViolations(page);

	const parentsAfter = number(await cell(page, 'Responses by audience', 'Parents and carers'));
	expect(parentsAfter).toBeGreaterThanOrEqual(5);
	expect(parentsAfter).toBeLessThan(parentsBefore);
	await expect(
		page
			.locator('table', { has: page.locator('caption', { hasText: 'Responses by audience' }) })
			.getByRole('rowheader')
	).toHaveCount(1);
	// Everyone answers each agreement question, so the chart's base is the filtered total, in the table and the chart.
	expect(
		number(await cell(page, 'Agreement with priority 1, by audience', 'All audiences', 7))
	).toBe(parentsAfter);
	await expect(page.locator('.app-chart[role="img"]').nth(1)).toHaveAttribute(
		'aria-label',
		// "of the 29 people", or "29 people answered" when the share is withheld for a small group.
		new RegExp(`\\b${parentsAfter} people`)
	);

	// The responses file: question keys, no contact details, only the filtered responses.
	const [csvDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the responses (CSV)' }).click()
	]);
	const csv = (await readFile((await csvDownload.path())!, 'utf8')).replace(/^\uFEFF/, '');
	const lines = csv.trim().split('\r\n');
	const header = lines[0].split(',');
	expect(header).toContain('priority-1-agree');
	expect(header).toContain('type-of-need');
	expect(header.some((h) => /email|name|phone/i.test(h))).toBe(false);
	expect(lines).toHaveLength(parentsAfter + 1);
	expect(
		lines.slice(1).every((l) => l.includes('parents_carers') && l.includes('sensory_physical'))
	).toBe(true);

	// The summary workbook: a sheet per priority and the themes.
	const [xlsxDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the summary (Excel workbook)' }).click()
	]);
	const book = readWorkbook(await readFile((await xlsxDownload.path())!));
	expect(book.map((s) => s.name)).toEqual([
		'Priority 1',
		'Priority 2',
		'Priority 3',
		'Priority 4',
		'Priority 5',
		'Priority 6',
		'Themes'
	]);
	const sheet = sheetNamed(book, 'Priority 1');
	expect(String(sheet.rows[0][0])).toMatch(/^Priority 1: /);
	expect(sheet.rows.find((r) => r[0] === 'Parents and carers')![7]).toBe(parentsAfter);

	// A small group: every figure says "fewer than 5" and the row-level download is refused.
	await page.goto(`${path}?audience=young_people&channel=roadshow&need=sensory_physical`);
	await expect(page.locator('.app-figure__number').first()).toHaveText('fewer than 5');
	await expect(
		page.getByText('The responses cannot be downloaded because fewer than 5 match these filters.')
	).toBeVisible();
	expect(await cell(page, 'Agreement with priority 1, by audience', 'Young people', 7)).toBe(
		'fewer than 5'
	);
	await expect(page.locator('.app-chart[role="img"] canvas')).toHaveCount(7);
	await expectNoAxeViolations(page);
	const refused = await page.request.get(
		`${path}/responses.csv?audience=young_people&channel=roadshow&need=sensory_physical`
	);
	expect(refused.status()).toBe(409);
	const small = await page.request.get(
		`${path}/summary.xlsx?audience=young_people&channel=roadshow&need=sensory_physical`
	);
	const young = sheetNamed(readWorkbook(await small.body()), 'Priority 1').rows.find(
		(r) => r[0] === 'Young people'
	)!;
	expect(young[7]).toBe('fewer than 5');

	// The printable report: the same figures as tables.
	await page.goto(`${path}/report?audience=parents_carers&need=sensory_physical`);
	await expect(page.getByRole('heading', { level: 1, name: 'Feedback report' })).toBeVisible();
	await expect(page.locator('canvas')).toHaveCount(0);
	// Each chart is there as a static SVG, drawn on the server, just before its table.
	const agreementSvg = page.getByRole('img', { name: /^Agreement with priority 1, by audience\./ });
	await expect(agreementSvg).toBeVisible();
	expect(await agreementSvg.evaluate((e) => e.tagName.toLowerCase())).toBe('svg');
	await expect(agreementSvg.locator('rect').first()).toBeAttached();
	await expect(page.getByRole('img', { name: /^Responses per day\./ })).toBeVisible();
	const report = await page.request.get(`${path}/report`);
	expect(await report.text()).toMatch(/<svg[^>]*class="app-static-chart/);
	expect(
		number(await cell(page, 'Agreement with priority 1, by audience', 'All audiences', 7))
	).toBe(parentsAfter);
	await expectNoAxeViolations(page);
});

test('bad filters give clear messages, and other consultations are out of reach', async ({
	page
}) => {
	await signIn(page, 'lead');
	const path = await openDashboard(page);
	const response = await page.goto(
		`${path}?audience=aliens&from=2026-02-31&need=telepathy&session=999999`
	);
	expect(response?.status()).toBe(200);
	await expect(page).toHaveTitle(/^Error: /);
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText('Select an audience from the list');
	await expect(summary).toContainText(
		'The start date must be a real date in the format YYYY-MM-DD'
	);
	await expect(summary).toContainText('Select a type of need from the list');
	await expect(summary).toContainText(
		'Select a roadshow session of this consultation from the list'
	);
	await expect(
		page.getByText('The figures below leave out the filters with a problem.')
	).toBeVisible();
	await expectNoAxeViolations(page);

	expect((await page.goto('/staff/consultations/999999/insights'))?.status()).toBe(404);
	expect(
		(await page.request.get('/staff/consultations/999999/insights/responses.csv')).status()
	).toBe(404);
	expect((await page.request.get(`${path}/responses.csv?channel=fax`)).status()).toBe(400);
});

test('a facilitator cannot see the dashboard or the downloads', async ({ page }) => {
	await signIn(page, 'facilitator');
	for (const suffix of ['', '/responses.csv', '/summary.xlsx', '/report']) {
		const response = await page.goto(`/staff/consultations/1/insights${suffix}`);
		expect(response?.status()).toBe(403);
	}
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the dashboard tables and filters work', async ({ page }) => {
		await signIn(page, 'lead');
		const path = await openDashboard(page);
		await expect(page.locator('canvas')).toHaveCount(0);
		await expect(
			page.locator('table', {
				has: page.locator('caption', { hasText: 'Agreement with priority 1, by audience' })
			})
		).toBeVisible();
		await page.getByLabel('Way of responding').selectOption('paper');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(new RegExp(`${path}\\?.*channel=paper`));
		await expect(
			page
				.locator('table', {
					has: page.locator('caption', { hasText: 'Responses by way of responding' })
				})
				.getByRole('rowheader')
		).toHaveText(['Paper form']);
		await expect(page.getByRole('link', { name: 'Clear filters' })).toBeVisible();
		// axe needs JavaScript: the same page is scanned with it on in the tests above.
	});
});
