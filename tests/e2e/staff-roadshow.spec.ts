import { readFile } from 'node:fs/promises';
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

/** The demo SEND strategy consultation's sessions list, reached the way a lead would. */
async function openDemoSessions(page: Page) {
	await page.goto('/staff');
	await page.getByRole('main').getByRole('link', { name: 'SEND Partnership Strategy' }).click();
	await page
		.getByRole('main')
		.getByRole('link', { name: /^Roadshow sessions/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Roadshow sessions' })).toBeVisible();
}

/** The row of the sessions table for a session title. */
const sessionRow = (page: Page, title: string | RegExp) =>
	page.locator('tbody tr').filter({ hasText: title });

test('a lead adds a session, is stopped from cutting capacity below the places booked, and cancels a session', async ({
	page
}) => {
	await signIn(page, 'lead');
	await openDemoSessions(page);
	await expectNoAxeViolations(page);

	const title = `Drop-in for grandparents ${Date.now()}`;
	await page.getByRole('button', { name: 'Add a session' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Add a roadshow session' })
	).toBeVisible();
	await expect(
		page.getByText('Leave the date and time blank to close booking at 6pm the evening before')
	).toBeVisible();
	await expectNoAxeViolations(page);

	// Bad input first: no capacity, and an end time before the start.
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Who the session is for').fill('Grandparents');
	await page.getByLabel('In person').check();
	await page.getByLabel('Venue name').fill('Toxteth Library');
	await page.getByLabel('Address').fill('Windsor Street, Liverpool');
	await page.getByLabel('Postcode').fill('l8 1xf');
	await fillDate(page, 'Date of the session', dayFromToday(20));
	await page.getByLabel('Start time').fill('5:30pm');
	await page.getByLabel('End time (optional)').fill('4pm');
	await page.getByLabel('Step-free access').check();
	await page.getByRole('button', { name: 'Add session' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText('Enter the number of places');
	await expect(summary).toContainText('End time must be after the start time');
	await expect(page.locator('#capacity-error')).toContainText('Enter the number of places');
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await expect(page.getByLabel('Step-free access')).toBeChecked();
	await expectNoAxeViolations(page);

	await page.getByLabel('End time (optional)').fill('7pm');
	await page.getByLabel('Capacity').fill('12');
	await page.getByRole('button', { name: 'Add session' }).click();
	await expect(page.getByText('Session added')).toBeVisible();
	await expect(sessionRow(page, title)).toContainText('Grandparents');
	await expect(sessionRow(page, title)).toContainText('5:30pm to 7pm');
	await expect(sessionRow(page, title)).toContainText('Booking open');
	await expectNoAxeViolations(page);

	// A seeded session with bookings: capacity cannot go below the places already booked.
	const booked = sessionRow(page, 'Afternoon session at Bridge Chapel');
	const confirmed = Number(await booked.locator('td').nth(3).innerText());
	expect(confirmed).toBeGreaterThan(1);
	await booked.getByRole('link', { name: /^Change/ }).click();
	await expect(page.getByLabel('Capacity')).toHaveValue('25');
	await expectNoAxeViolations(page);
	await page.getByLabel('Capacity').fill('1');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('#capacity-error')).toContainText(
		`Capacity cannot be less than the ${confirmed} places already booked`
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('Capacity').fill('26');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Session saved')).toBeVisible();
	await expect(
		sessionRow(page, 'Afternoon session at Bridge Chapel').locator('td').nth(2)
	).toHaveText('26');

	// Cancelling: a reason is needed, then the session is marked cancelled.
	await sessionRow(page, title)
		.getByRole('link', { name: /^Cancel session/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Cancel this session' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Cancel session' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Enter why the session is cancelled'
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('Why is the session cancelled?').fill('The library is closed for repairs.');
	await page.getByRole('button', { name: 'Cancel session' }).click();
	await expect(page.getByText('Session cancelled.')).toBeVisible();
	await expect(sessionRow(page, title)).toContainText('Cancelled');
	await expect(sessionRow(page, title).getByRole('link', { name: /^Change/ })).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('a lead sees fullness banners on the register and the emails in the outbox', async ({
	page
}) => {
	await signIn(page, 'lead');
	await page.goto('/staff');
	await page.getByRole('link', { name: /Young people’s session/ }).click();
	await expect(page.locator('.govuk-notification-banner')).toContainText(
		/This session is \d+% full: \d+ of 20 places booked/
	);
	await expectNoAxeViolations(page);

	await page.goto('/staff');
	await page.getByRole('link', { name: /Evening session for parents and carers/ }).click();
	await expect(page.locator('.govuk-notification-banner')).toContainText(
		'This session is full: 15 of 15 places booked'
	);
	await expect(page.getByRole('heading', { name: /Waiting list/ })).toBeVisible();
	await expectNoAxeViolations(page);

	// Staff cancel a booking: the person is emailed, and the email can be read in the outbox.
	await page.goto('/staff');
	await page.getByRole('link', { name: /City-wide evening session/ }).click();
	const confirmedBefore = await page
		.locator('.govuk-summary-list')
		.getByText(/ of 60 booked/)
		.innerText();
	const first = page
		.locator('tbody tr')
		.filter({ has: page.getByRole('link', { name: /^Cancel booking/ }) })
		.first();
	const reference = (await first.locator('th > span').innerText()).trim();
	await first.getByRole('link', { name: /^Cancel booking/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Cancel this booking?' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Cancel booking' }).click();
	await expect(page.getByText('Booking cancelled.')).toBeVisible();
	await expect(page.getByText(reference)).toHaveCount(0);
	await expect(page.locator('.govuk-summary-list').getByText(/ of 60 booked/)).not.toHaveText(
		confirmedBefore
	);
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Outbox' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
	await expectNoAxeViolations(page);
	const email = page
		.locator('tbody tr')
		.filter({ hasText: 'Booking cancelled: City-wide evening session' })
		.first();
	// Plain-English kinds, and one status per email (kept here, so never also "Sent").
	await expect(email).toContainText('Booking cancelled');
	await expect(page.locator('tbody')).not.toContainText('booking_cancelled');
	await expect(email).toContainText('Kept in outbox');
	await email.getByRole('link').click();
	const details = page.locator('.govuk-summary-list');
	await expect(details).toContainText('Kept in outbox');
	await expect(
		details.locator('.govuk-summary-list__key', { hasText: /^\s*Sent\s*$/ })
	).toHaveCount(0);
	await expect(
		page.getByRole('heading', { level: 1, name: /^Booking cancelled: City-wide evening session/ })
	).toBeVisible();
	await expect(page.locator('.app-email-body')).toContainText(reference);
	await expectNoAxeViolations(page);
});

test('a facilitator opens a register, checks people in and downloads the register', async ({
	page
}) => {
	await signIn(page, 'facilitator');
	await expect(page.getByRole('heading', { name: 'Roadshow sessions' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: /Roadshow in Toxteth/ }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Register: Roadshow in Toxteth' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Access needs' })).toBeVisible();
	await expectNoAxeViolations(page);
	const reference = (await page.locator('tbody th > span').first().innerText()).trim();

	await page.getByRole('button', { name: 'Check people in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Check people in/ })).toBeVisible();
	await expectNoAxeViolations(page);
	// Each party's access needs are there at the door.
	const needs = page.getByTestId('access-needs');
	expect(await needs.count()).toBeGreaterThan(0);
	for (const text of await needs.allInnerTexts()) expect(text).toMatch(/^Access needs: \S/);
	const count = page.locator('#arrived-count');
	const before = Number((await count.innerText()).match(/^(\d+) of/)![1]);
	const total = Number((await count.innerText()).match(/of (\d+) arrived/)![1]);

	const firstPerson = page
		.locator('.app-check-in__item')
		.filter({ has: page.getByRole('button', { name: /^Mark as arrived/ }) })
		.first();
	const party = await firstPerson.locator('p').first().innerText();
	const size = [...party.matchAll(/(\d+) (adult|child)/g)].reduce((n, m) => n + Number(m[1]), 0);
	const name = await firstPerson.getByRole('heading').innerText();
	await firstPerson.getByRole('button', { name: /^Mark as arrived/ }).click();
	await expect(count).toHaveText(`${before + size} of ${total} arrived`);
	const arrived = page.locator('.app-check-in__item').filter({ hasText: name });
	await expect(arrived.getByText('Arrived', { exact: true })).toBeVisible();
	await expectNoAxeViolations(page);

	// Undo, then mark again: the count follows.
	await arrived.getByRole('button', { name: /^Undo/ }).click();
	await expect(count).toHaveText(`${before} of ${total} arrived`);
	await arrived.getByRole('button', { name: /^Mark as arrived/ }).click();
	await expect(count).toHaveText(`${before + size} of ${total} arrived`);

	await page.getByRole('link', { name: 'Back to the register' }).click();
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download the register (CSV)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^register-session-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
	const lines = csv.trim().split('\r\n');
	expect(lines[0]).toBe(
		'reference,status,name,organisation,adults,children,access needs,other access needs,phone,email,arrived'
	);
	const row = lines.find((line) => line.startsWith(`${reference},`));
	expect(row).toMatch(new RegExp(`^${reference},confirmed,[^,]+,`));
	expect(lines.some((line) => line.includes(name) && line.endsWith(',yes'))).toBe(true);
});

test('a facilitator adds a table note from a register and finds it listed there', async ({
	page
}) => {
	await signIn(page, 'facilitator');
	await page.getByRole('link', { name: /Roadshow in Toxteth/ }).click();
	await expect(page).toHaveURL(/\/staff\/roadshow\/\d+$/);
	const register = page.url();
	const notes = page.getByRole('heading', { level: 2, name: /^Table notes \(\d+\)$/ });
	const before = Number((await notes.innerText()).match(/\((\d+)\)/)![1]);

	await page.getByRole('link', { name: 'Add a note from this session’s tables' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Roadshow notes' })).toBeVisible();
	// The session the facilitator came from is chosen already.
	await expect(page.getByLabel('Roadshow session')).toHaveValue(
		new URL(register).pathname.split('/').pop()!
	);
	const text = `Table 3 (${Date.now().toString(36)}): parents asked for more evening sessions.`;
	await page.getByRole('radio', { name: 'Parents and carers' }).check();
	await page.getByLabel('What did people say?').fill(text);
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(page.getByText('Roadshow note added')).toBeVisible();
	await expect(page.locator('.govuk-summary-card').first()).toContainText(text);
	await expect(page.locator('.govuk-summary-card').first()).toContainText('Roadshow in Toxteth');

	await page.goto(register);
	await expect(notes).toHaveText(`Table notes (${before + 1})`);
	const newest = page.locator('.app-table-notes li').first();
	await expect(newest).toContainText(text);
	await expect(newest).toContainText('From parents and carers');
	await expectNoAxeViolations(page);
});

test('a facilitator cannot change sessions or consultations', async ({ page, request }) => {
	await signIn(page, 'facilitator');
	await page.goto('/staff/consultations/1/sessions');
	await expect(page.getByRole('heading', { level: 1, name: 'Roadshow sessions' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Add a session' })).toHaveCount(0);
	await expect(page.getByRole('main').getByRole('link', { name: /^Change/ })).toHaveCount(0);
	await expectNoAxeViolations(page);

	for (const path of [
		'/staff/consultations/1/sessions/new',
		'/staff/consultations/1/sessions/2/edit',
		'/staff/consultations/1/sessions/2/cancel',
		'/staff/consultations/1/edit',
		'/staff/consultations/1',
		'/staff/outbox'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
		await expect(
			page.getByRole('heading', { level: 1, name: 'You do not have permission to see this page' })
		).toBeVisible();
	}
	await expectNoAxeViolations(page);

	// A forged post is refused too, and changes nothing.
	const cookies = await page.context().cookies();
	const post = await request.post('/staff/consultations/1/sessions/2/cancel', {
		headers: {
			cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
			origin: new URL(page.url()).origin
		},
		form: { reason: 'Not allowed' }
	});
	expect(post.status()).toBe(403);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a facilitator checks someone in on a phone', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 740 });
		await signIn(page, 'facilitator');
		await page.getByRole('link', { name: /Roadshow in Toxteth/ }).click();
		await page.getByRole('button', { name: 'Check people in' }).click();
		const count = page.locator('#arrived-count');
		const before = Number((await count.innerText()).match(/^(\d+) of/)![1]);
		const person = page
			.locator('.app-check-in__item')
			.filter({ has: page.getByRole('button', { name: /^Mark as arrived/ }) })
			.first();
		const name = await person.getByRole('heading').innerText();
		await person.getByRole('button', { name: /^Mark as arrived/ }).click();
		await expect(page).toHaveURL(/check-in#booking-\d+$/);
		const after = Number((await count.innerText()).match(/^(\d+) of/)![1]);
		expect(after).toBeGreaterThan(before);
		const arrived = page.locator('.app-check-in__item').filter({ hasText: name });
		await expect(arrived.getByText('Arrived', { exact: true })).toBeVisible();
		// axe needs JavaScript; this page is scanned with it on in the test above.
		await arrived.getByRole('button', { name: /^Undo/ }).click();
		await expect(count).toContainText(`${before} of`);
	});
});
