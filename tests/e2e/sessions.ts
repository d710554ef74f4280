import { expect, type Browser } from '@playwright/test';
import { signIn } from './staff';

const slug = 'send-partnership-strategy';
let counter = 0;

/** A session of our own with an exact capacity, made as a lead through the staff pages; returns its public address. */
export async function createSession(
	browser: Browser,
	capacity: number
): Promise<{ title: string; href: string }> {
	const title = `Test session ${Date.now().toString(36)}${++counter}`;
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'lead');
	await page.goto('/staff');
	const staffHref = await page
		.locator('a[href^="/staff/consultations/"]', { hasText: 'SEND Partnership Strategy' })
		.first()
		.getAttribute('href');
	const id = /\/staff\/consultations\/(\d+)/.exec(staffHref!)![1];
	await page.goto(`/staff/consultations/${id}/sessions/new`);
	const day = new Date(Date.now() + 30 * 86_400_000);
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Who the session is for').fill('Parents/Carers');
	await page.getByLabel('In person').check();
	await page.getByLabel('Venue name').fill('Test Community Centre');
	await page.getByLabel('Address').fill('2 Test Street\nLiverpool');
	await page.getByLabel('Postcode').fill('L1 1AA');
	await page.getByLabel('Area (optional)').fill('Testville');
	await page.getByLabel('Day').first().fill(String(day.getUTCDate()));
	await page
		.getByLabel('Month')
		.first()
		.fill(String(day.getUTCMonth() + 1));
	await page.getByLabel('Year').first().fill(String(day.getUTCFullYear()));
	await page.getByLabel('Start time').fill('5:30pm');
	await page.getByLabel('End time (optional)').fill('6:30pm');
	await page.getByLabel('Capacity').fill(String(capacity));
	await page.getByRole('button', { name: 'Add session' }).click();
	await expect(page).toHaveURL(/sessions\?done=created/);
	await context.close();

	const visitor = await browser.newContext();
	const list = await visitor.newPage();
	await list.goto(`/consultations/${slug}`);
	const href = await list.getByRole('link', { name: title }).getAttribute('href');
	await visitor.close();
	return { title, href: href! };
}
