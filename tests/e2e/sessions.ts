import { expect, type APIRequestContext, type Browser } from '@playwright/test';
import { baseURL } from '../playwright.config';
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

/** One booking through the public form posts, as a browser without JavaScript sends them. */
export async function bookByPosts(
	request: APIRequestContext,
	sessionHref: string,
	party: { name: string; email: string; adults: string },
	action: 'book' | 'wait' = 'book'
) {
	const post = (path: string, form: Record<string, string>) =>
		request.post(path, {
			form,
			maxRedirects: 0,
			headers: { origin: baseURL, accept: 'text/html' }
		});
	const who = await post(`${sessionHref}/book`, { bookedBy: 'family' });
	expect(who.status()).toBe(303);
	const draft = who.headers()['location'].replace(/\/places$/, '');
	const steps: [string, Record<string, string>][] = [
		['places', { adults: party.adults, children: '0' }],
		['contact', { contactName: party.name, email: party.email, phone: '' }],
		['access-needs', { accessNeeds: 'none' }],
		['consent', { consentToContact: 'yes' }]
	];
	for (const [step, form] of steps)
		expect((await post(`${draft}/${step}`, form)).status()).toBe(303);
	const placed = await post(`${draft}/confirm?/${action}`, {});
	expect(placed.status()).toBe(200);
	const html = await placed.text();
	expect(html).toContain(action === 'book' ? 'Booking confirmed' : 'You are on the waiting list');
	// The confirmation is the one page that shows the manage link.
	const token = /\/bookings\/manage\/([A-Za-z0-9_-]{43})/.exec(html)?.[1];
	return { draft, manageHref: token ? `/bookings/manage/${token}` : null };
}
