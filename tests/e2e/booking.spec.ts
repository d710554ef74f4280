import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { signIn } from './staff';

const slug = 'send-partnership-strategy';
let counter = 0;

/** A session of our own with an exact capacity, made as a lead through the staff pages; returns its public address. */
async function createSession(
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

async function continueOn(page: Page) {
	await page.getByRole('button', { name: 'Continue' }).click();
}

type Party = {
	adults: string;
	children?: string;
	name: string;
	email: string;
	onBehalf?: { organisation: string; role: string };
};

/** From the session page to "Check your answers", checking every page with axe. */
async function answerQuestions(page: Page, sessionHref: string, party: Party) {
	await page.goto(sessionHref);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: /Book a place|Join the waiting list/ }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Who are you booking for?' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	if (party.onBehalf) {
		await page.getByLabel('A family, on their behalf').check();
		await page
			.getByLabel('Name of your school, setting or organisation')
			.fill(party.onBehalf.organisation);
		await page.getByLabel('Your role').fill(party.onBehalf.role);
	} else {
		await page.getByLabel('Myself or my family').check();
	}
	await continueOn(page);

	await expect(
		page.getByRole('heading', {
			level: 1,
			name: party.onBehalf
				? 'How many places does the family need?'
				: 'How many places do you need?'
		})
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Adults').fill(party.adults);
	if (party.children)
		await page.getByLabel('Children and young people (optional)').fill(party.children);
	await continueOn(page);

	await expect(page.getByRole('heading', { level: 1, name: 'Your contact details' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Full name', { exact: true }).fill(party.name);
	await page.getByLabel('Email address', { exact: true }).fill(party.email);
	await continueOn(page);

	await expect(
		page.getByRole('heading', {
			level: 1,
			name: party.onBehalf
				? 'Does the family have any access needs?'
				: 'Do you have any access needs?'
		})
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('None').check();
	await continueOn(page);

	await expect(
		page.getByRole('heading', { level: 1, name: 'Can we contact you about this session?' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Yes').check();
	await continueOn(page);

	await expect(
		page.getByRole('heading', { level: 1, name: 'Check your answers before booking' })
	).toBeVisible();
	await expectNoAxeViolations(page);
}

async function confirm(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Booking confirmed' })).toBeVisible();
	await expectNoAxeViolations(page);
	const reference = (await page.locator('.govuk-panel__body strong').textContent())!.trim();
	expect(reference).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
	return reference;
}

async function manageLink(page: Page): Promise<string> {
	const href = await page.getByRole('link', { name: /\/bookings\/manage\// }).getAttribute('href');
	return new URL(href!).pathname;
}

/** Opens the newest outbox email with this subject, as a lead, and returns its page text. */
async function outboxEmail(browser: Browser, subject: string, to: string): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'lead');
	await page.goto('/staff/outbox');
	await expectNoAxeViolations(page);
	const row = page.getByRole('row').filter({ hasText: subject }).filter({ hasText: to }).first();
	await row.getByRole('link', { name: subject }).click();
	await expectNoAxeViolations(page);
	const text = await page.locator('main').innerText();
	await context.close();
	return text;
}

/**
 * Back, reload, a second tab, a double click and a re-post after "Booking confirmed" all show the
 * same booking; a second journey for the same family is told it already has one. Run with
 * JavaScript on and off.
 */
async function bookOnceWhateverHappens(page: Page, browser: Browser, scan: boolean) {
	const { href } = await createSession(browser, 10);
	const email = `once.${Date.now().toString(36)}${++counter}@example.com`;
	const party = { adults: '2', name: 'Once Only', email };
	if (scan) await answerQuestions(page, href, party);
	else await answerWithoutScans(page, href, party);
	const checkUrl = page.url();
	await page.getByRole('button', { name: 'Confirm booking' }).dblclick();
	await expect(page.getByRole('heading', { level: 1, name: 'Booking confirmed' })).toBeVisible();
	const reference = (await page.locator('.govuk-panel__body strong').textContent())!.trim();
	const confirmUrl = new URL(page.url()).pathname;
	const shows = async (target: Page) => {
		await expect(
			target.getByRole('heading', { level: 1, name: 'Booking confirmed' })
		).toBeVisible();
		await expect(target.locator('.govuk-panel__body strong')).toHaveText(reference);
		await expect(target.getByText('Your booking could not be completed')).toHaveCount(0);
	};

	// Back to check answers: it has been used, so it shows the booking, not another form.
	await page.goBack();
	await shows(page);
	await expect(page.getByRole('button', { name: 'Confirm booking' })).toHaveCount(0);
	// Reloading, and opening the confirm and check addresses again, in this tab and a second one.
	await page.reload();
	await shows(page);
	await page.goto(confirmUrl);
	await shows(page);
	if (scan) await expectNoAxeViolations(page);
	const second = await page.context().newPage();
	await second.goto(checkUrl);
	await shows(second);
	await second.close();
	// The form posted again, as a browser's "resubmit" does.
	const repost = await page.request.post(`${confirmUrl}?/book`, {
		form: {},
		headers: { origin: new URL(page.url()).origin }
	});
	expect(repost.status()).toBe(200);
	expect(await repost.text()).toContain(reference);

	// One booking of 2 places, whatever was pressed.
	await page.goto(href);
	await expect(page.getByText('8 places left')).toBeVisible();

	// A new journey for the same family and session.
	if (scan) await answerQuestions(page, href, party);
	else await answerWithoutScans(page, href, party);
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'You already have a booking for this session' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'ask for a new link' })).toBeVisible();
	if (scan) await expectNoAxeViolations(page);
	await page.goto(href);
	await expect(page.getByText('8 places left')).toBeVisible();
}

/** The same answers as answerQuestions, for pages without JavaScript (axe needs it). */
async function answerWithoutScans(page: Page, sessionHref: string, party: Party) {
	await page.goto(sessionHref);
	await page.getByRole('button', { name: 'Book a place' }).click();
	await page.getByLabel('Myself or my family').check();
	await continueOn(page);
	await page.getByLabel('Adults').fill(party.adults);
	await continueOn(page);
	await page.getByLabel('Full name', { exact: true }).fill(party.name);
	await page.getByLabel('Email address', { exact: true }).fill(party.email);
	await continueOn(page);
	await page.getByLabel('None').check();
	await continueOn(page);
	await page.getByLabel('Yes').check();
	await continueOn(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Check your answers before booking' })
	).toBeVisible();
}

test('a parent books 2 places and gets a reference, a calendar file and an email', async ({
	page,
	browser
}) => {
	const { title, href } = await createSession(browser, 10);

	// The consultation page lists the session, and filters by area work without JavaScript.
	await page.goto(`/consultations/${slug}`);
	await expect(page.getByRole('heading', { name: 'Roadshow sessions' })).toBeVisible();
	await page.getByLabel('Area').selectOption('Testville');
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/area=Testville/);
	const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
	await expect(item).toContainText('10 places left');
	await expect(item).toContainText(/\w+day \d{1,2} \w+ \d{4}, 5:30pm to 6:30pm/);
	await expectNoAxeViolations(page);
	await item.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(
		page.getByText('Test Community Centre, 2 Test Street, Liverpool, L1 1AA')
	).toBeVisible();

	// Bad answers get GOV.UK errors and keep what was typed.
	await page.getByRole('button', { name: 'Book a place' }).click();
	await continueOn(page);
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByRole('alert')).toContainText('Select who you are booking for');
	await expectNoAxeViolations(page);
	await page.getByLabel('Myself or my family').check();
	await continueOn(page);
	await continueOn(page);
	await expect(page.getByRole('alert')).toContainText('Enter how many adults are coming');
	await page.getByLabel('Adults').fill('5');
	await page.getByLabel('Children and young people (optional)').fill('3');
	await continueOn(page);
	await expect(page.getByRole('alert')).toContainText('Enter the number of places, up to 6');
	await expect(page.getByLabel('Children and young people (optional)')).toHaveValue('3');
	await expectNoAxeViolations(page);
	// Children come with an adult.
	await page.getByLabel('Adults').fill('0');
	await page.getByLabel('Children and young people (optional)').fill('2');
	await continueOn(page);
	await expect(page.getByRole('alert')).toContainText(
		'Enter at least 1 adult. Children and young people must come with an adult'
	);
	await page.getByLabel('Adults').fill('1');
	await page.getByLabel('Children and young people (optional)').fill('1');
	await continueOn(page);
	await page.getByLabel('Full name').fill('Sam Parent');
	await page.getByLabel('Email address').fill('sam.parent@example');
	await continueOn(page);
	await expect(page.getByRole('alert')).toContainText(
		'Enter an email address in the correct format, like name@example.com'
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('Email address').fill('sam.parent@example.com');
	await continueOn(page);
	await page.getByLabel('Other').check();
	await continueOn(page);
	await expect(page.getByRole('alert')).toContainText('Tell us what other access needs you have');
	await expectNoAxeViolations(page);
	await page.getByLabel('Please tell us what you need').fill('A seat near the door');
	await page.getByLabel('Wheelchair access').check();
	await continueOn(page);
	await continueOn(page);
	await expect(page.getByRole('alert')).toContainText(
		'Select yes if we can contact you about this session'
	);
	await page.getByLabel('Yes').check();
	await continueOn(page);

	await expect(
		page.getByRole('heading', { level: 1, name: 'Check your answers before booking' })
	).toBeVisible();
	await expect(page.locator('.govuk-summary-list')).toContainText([
		'Wheelchair access, Other: A seat near the door'
	]);
	await expectNoAxeViolations(page);
	const reference = await confirm(page);
	await expect(page.getByText('2 places (1 adult, 1 child or young person)')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /calendar file/ }).click()
	]);
	const ics = await readFile((await download.path())!, 'utf8');
	expect(ics).toContain('BEGIN:VCALENDAR');
	expect(ics).toContain(`UID:booking-${reference}@coproduce`);

	const email = await outboxEmail(browser, `Booking confirmed: ${title}`, 'sam.parent@example.com');
	expect(email).toContain(`Booking reference: ${reference}`);
	expect(email).toContain('/bookings/manage/');

	// The session now has 8 places left.
	await page.goto(href);
	await expect(page.getByText('8 places left')).toBeVisible();
	// Times with their range and a deadline with its weekday.
	const details = page.locator('.govuk-summary-list').first();
	await expect(details).toContainText(
		/(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+ \d{4}, 5:30pm to 6:30pm/
	);
	await expect(details).toContainText(
		/Booking closes\s*\S+ on (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+ \d{4}/
	);
});

test('a school books on a family’s behalf, and can change an answer from check answers', async ({
	page,
	browser
}) => {
	const { title, href } = await createSession(browser, 20);
	await page.goto(href);
	await page.getByRole('button', { name: 'Book a place' }).click();
	await page.getByLabel('A family, on their behalf').check();
	await continueOn(page);
	await expect(page.getByRole('alert')).toContainText(
		'Enter the name of your school, setting or organisation'
	);
	await expect(page.getByLabel('A family, on their behalf')).toBeChecked();
	await expectNoAxeViolations(page);
	await page
		.getByLabel('Name of your school, setting or organisation')
		.fill('Abercromby Nursery School');
	await page.getByLabel('Your role').fill('SENCO');
	await continueOn(page);
	// The questions are about the family, not the professional booking for them.
	await expect(
		page.getByRole('heading', { level: 1, name: 'How many places does the family need?' })
	).toBeVisible();
	await expect(page.locator('main')).not.toContainText('including you');
	await expect(page.locator('main')).toContainText('and yourself if you are coming with them');
	await page.getByLabel('Adults').fill('2');
	await page.getByLabel('Children and young people (optional)').fill('1');
	await continueOn(page);
	await expect(
		page.getByRole('heading', { name: 'The family’s contact details (optional)' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Full name', { exact: true }).fill('Pat Teacher');
	await page.getByLabel('Email address', { exact: true }).fill('pat.teacher@example.org');
	await page.getByLabel('Family contact’s full name (optional)').fill('Jo Family');
	await page.getByLabel('Family’s email address (optional)').fill('jo.family@example.com');
	await continueOn(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Does the family have any access needs?' })
	).toBeVisible();
	await continueOn(page);
	await expect(page.getByRole('alert')).toContainText(
		"Select the family's access needs, or select 'None'"
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('British Sign Language (BSL) interpreter').check();
	await continueOn(page);
	await page.getByLabel('No').check();
	await continueOn(page);
	const answers = page.locator('.govuk-summary-list').nth(1);
	await expect(answers).toContainText('Abercromby Nursery School');
	await expect(answers).toContainText('Jo Family');

	// Change the places: the journey comes back to check answers.
	await page.getByRole('link', { name: 'Change adults' }).click();
	await expect(page.getByRole('link', { name: 'Back', exact: true })).toHaveAttribute(
		'href',
		/\/check$/
	);
	await page.getByLabel('Adults').fill('1');
	await continueOn(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Check your answers before booking' })
	).toBeVisible();
	await expect(
		answers.locator('.govuk-summary-list__row').filter({ hasText: 'Adults' })
	).toContainText('1');
	await expectNoAxeViolations(page);
	await confirm(page);
	await expect(page.getByText('2 places (1 adult, 1 child or young person)')).toBeVisible();
	await expect(page.locator('main')).toContainText(
		'We have sent a confirmation email to pat.teacher@example.org, and one to the family at jo.family@example.com.'
	);
	const manage = await manageLink(page);

	// The family gets their own confirmation, with the same manage link, saying who booked.
	const familyEmail = await outboxEmail(
		browser,
		`Booking confirmed: ${title}`,
		'jo.family@example.com'
	);
	expect(familyEmail).toContain('Dear Jo Family,');
	expect(familyEmail).toContain(
		'Pat Teacher from Abercromby Nursery School booked this session for you'
	);
	expect(familyEmail).toContain(manage);
	const schoolEmail = await outboxEmail(
		browser,
		`Booking confirmed: ${title}`,
		'pat.teacher@example.org'
	);
	expect(schoolEmail).toContain('Dear Pat Teacher,');
	expect(schoolEmail).toContain(manage);
});

test('a full session offers the waiting list, and a cancellation promotes the first entry that fits', async ({
	page,
	browser
}) => {
	const { title, href } = await createSession(browser, 2);
	await answerQuestions(page, href, {
		adults: '2',
		name: 'First Booker',
		email: 'first.booker@example.com'
	});
	await confirm(page);
	const firstManage = await manageLink(page);

	const otherVisitor = await browser.newContext();
	const second = await otherVisitor.newPage();
	await answerQuestions(second, href, {
		adults: '1',
		children: '1',
		name: 'Wai Ting',
		email: 'wai.ting@example.com'
	});
	await second.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(
		second.getByRole('heading', { level: 1, name: 'This session is fully booked' })
	).toBeVisible();
	await expect(second.locator('.govuk-error-summary')).toHaveCount(0);
	await expectNoAxeViolations(second);
	await second.getByRole('button', { name: 'Join the waiting list' }).click();
	await expect(
		second.getByRole('heading', { level: 1, name: 'You are on the waiting list' })
	).toBeVisible();
	await expectNoAxeViolations(second);
	await otherVisitor.close();

	await page.goto(href);
	await expect(page.getByText('Fully booked: join the waiting list')).toBeVisible();

	await page.goto(firstManage);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Cancel your booking' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Are you sure you want to cancel your booking?' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Yes, cancel my booking' }).click();
	await expect(page.getByText('Your booking has been cancelled')).toBeVisible();
	await expectNoAxeViolations(page);

	const promoted = await outboxEmail(
		browser,
		`You now have a place: ${title}`,
		'wai.ting@example.com'
	);
	expect(promoted).toContain('booked you a place from the waiting list');
	await page.goto(href);
	await expect(page.getByText('Fully booked: join the waiting list')).toBeVisible();
});

test('the manage link changes places and cancels; forged and lost links are handled', async ({
	page,
	browser
}) => {
	const { href } = await createSession(browser, 4);
	await answerQuestions(page, href, {
		adults: '1',
		name: 'Chris Change',
		email: 'chris.change@example.com'
	});
	await confirm(page);
	const manage = await manageLink(page);

	await page.goto(manage);
	await expect(page.getByRole('heading', { level: 1, name: 'Your booking' })).toBeVisible();
	expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
	const calendar = await page.request.get(`${manage}/calendar.ics`);
	expect(await calendar.text()).toContain('BEGIN:VCALENDAR');

	await page.getByRole('button', { name: 'Change the number of places' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('Adults').fill('5');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('alert')).toContainText('There are only 4 places for your booking');
	await expectNoAxeViolations(page);
	await page.getByLabel('Adults').fill('3');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Your booking has been changed')).toBeVisible();
	await expect(page.getByText('3 places (3 adults)')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Cancel your booking' }).click();
	await page.getByRole('button', { name: 'Yes, cancel my booking' }).click();
	await expect(page.getByText('Your booking has been cancelled')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Change the number of places' })).toHaveCount(0);

	const forged = await page.goto('/bookings/manage/this-is-not-a-real-token-at-all-0000000000');
	expect(forged?.status()).toBe(404);
	await expect(
		page.getByRole('heading', { level: 1, name: 'This link does not work' })
	).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto('/bookings/lost-link');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Send a new link' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter your email address');
	await page.getByLabel('Email address you booked with').fill('nobody@example.com');
	await page.getByRole('button', { name: 'Send a new link' }).click();
	await expect(
		page.getByText('If we have a booking for that email address, we have sent you a new link')
	).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the manage link changes contact details and access needs, with errors by the field', async ({
	page,
	browser
}) => {
	const { title, href } = await createSession(browser, 6);
	const stamp = `${Date.now().toString(36)}${++counter}`;
	const oldEmail = `dana.${stamp}@example.com`;
	const newEmail = `dana.new.${stamp}@example.com`;
	const twinEmail = `twin.${stamp}@example.com`;
	await answerWithoutScans(page, href, { adults: '1', name: 'Twin Family', email: twinEmail });
	await confirm(page);
	await answerQuestions(page, href, { adults: '1', name: 'Dana Details', email: oldEmail });
	await confirm(page);
	const manage = await manageLink(page);

	await page.goto(manage);
	await page.getByRole('link', { name: 'Change email address' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Change your contact details' })
	).toBeVisible();
	await expect(page.getByLabel('Email address', { exact: true })).toHaveValue(oldEmail);
	await expectNoAxeViolations(page);

	// Every problem at once, each by its field, the other answers kept.
	await page.getByLabel('Full name').fill('');
	await page.getByLabel('Email address', { exact: true }).fill('dana at example');
	await page.getByLabel('Telephone number (optional)').fill('0151 496 0000');
	await page.getByLabel('Send me text messages too').check();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page).toHaveTitle(/^Error: /);
	const summary = page.getByRole('alert');
	for (const message of [
		'Enter your full name',
		'Enter an email address in the correct format, like name@example.com',
		'Enter a UK mobile number to get text messages'
	]) {
		await expect(summary).toContainText(message);
		await expect(page.locator('.govuk-error-message', { hasText: message })).toBeVisible();
	}
	await expect(page.getByLabel('Telephone number (optional)')).toHaveValue('0151 496 0000');
	await expect(page.getByLabel('Send me text messages too')).toBeChecked();
	await summary.getByRole('link', { name: 'Enter your full name' }).click();
	await expect(page.getByLabel('Full name')).toBeFocused();
	await expectNoAxeViolations(page);

	// Another family's booking of this session cannot be taken over by its email address.
	await page.getByLabel('Full name').fill('Dana Jones');
	await page.getByLabel('Email address', { exact: true }).fill(twinEmail);
	await page.getByLabel('UK mobile number').fill('07700 900 982');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(summary).toContainText('There is already a booking for this session');
	await expect(page.getByLabel('UK mobile number')).toHaveValue('07700 900 982');

	await page.getByLabel('Email address', { exact: true }).fill(newEmail);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Your details have been saved')).toBeVisible();
	await expect(page.getByText('We have emailed you the details we now have')).toBeVisible();
	const details = page.locator('.govuk-summary-list').nth(1);
	await expect(details).toContainText('Dana Jones');
	await expect(details).toContainText(newEmail);
	await expect(details).toContainText('Yes, to 07700 900982');
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Change access needs' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Do you have any access needs?' })
	).toBeVisible();
	await expect(page.getByLabel('None')).toBeChecked();
	await page.getByLabel('Wheelchair access').check();
	// "None" clears itself when a need is ticked (with JavaScript).
	await expect(page.getByLabel('None')).not.toBeChecked();
	await page.getByLabel('Other').check();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(summary).toContainText('Tell us what other access needs you have');
	await expect(page.getByLabel('Wheelchair access')).toBeChecked();
	await expectNoAxeViolations(page);
	await page.getByLabel('Please tell us what you need').fill('A seat near the door');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Your details have been saved')).toBeVisible();
	await expect(details).toContainText('Wheelchair access, Other: A seat near the door');

	// The new address gets the details and the link; the old one only hears that it changed.
	const toNew = await outboxEmail(browser, `Booking details changed: ${title}`, newEmail);
	expect(toNew).toContain(manage);
	expect(toNew).toContain('Name: Dana Jones');
	const toOld = await outboxEmail(
		browser,
		`The email address for your booking has changed: ${title}`,
		oldEmail
	);
	expect(toOld).not.toContain(manage);
	expect(toOld).not.toContain(newEmail);
});

test('tampered posts get a clear page and change nothing', async ({ page, request }) => {
	const missing = await page.goto(`/consultations/${slug}/sessions/999999`);
	expect(missing?.status()).toBe(404);
	const unknownDraft = await page.goto(
		`/consultations/${slug}/sessions/1/book/AAAAAAAAAAAAAAAAAAAAAA/check`
	);
	expect(unknownDraft?.status()).toBe(200);
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: /Your answers have expired|Booking for this session has closed|This session has been cancelled/
		})
	).toBeVisible();
	await expectNoAxeViolations(page);
	const forgedCancel = await request.post('/bookings/manage/forged-token/cancel', {
		form: {},
		headers: { origin: new URL(page.url()).origin }
	});
	expect(forgedCancel.status()).toBe(404);
});

test('Back, reload, a second tab, a double click and a re-post make one booking', async ({
	page,
	browser
}) => {
	await bookOnceWhateverHappens(page, browser, true);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('Back, reload, a second tab, a double click and a re-post make one booking', async ({
		page,
		browser
	}) => {
		await bookOnceWhateverHappens(page, browser, false);
	});

	// axe needs JavaScript: these pages are scanned with it on in the tests above.
	test('the booking journey works', async ({ page, browser }) => {
		const { href } = await createSession(browser, 10);
		await page.goto(href);
		await page.getByRole('button', { name: 'Book a place' }).click();
		// Conditional questions are visible without JavaScript.
		await page.getByLabel('A family, on their behalf').check();
		await page
			.getByLabel('Name of your school, setting or organisation')
			.fill('Toxteth Family Hub');
		await page.getByLabel('Your role').fill('Family support worker');
		await continueOn(page);
		await page.getByLabel('Adults').fill('2');
		await continueOn(page);
		await page.getByLabel('Full name', { exact: true }).fill('No Script');
		await page.getByLabel('Email address', { exact: true }).fill('no.script@example.com');
		await continueOn(page);
		await page.getByLabel('Other').check();
		await page.getByLabel('Please tell us what the family needs').fill('Large print');
		await continueOn(page);
		await page.getByLabel('Yes').check();
		await continueOn(page);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Check your answers before booking' })
		).toBeVisible();
		await page.getByRole('button', { name: 'Confirm booking' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Booking confirmed' })).toBeVisible();
		await page.goto(await manageLink(page));
		await expect(page.getByText('2 places (2 adults)')).toBeVisible();

		// The family's details change without JavaScript too, conditional fields showing.
		await page.getByRole('link', { name: 'Change access needs' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Does the family have any access needs?' })
		).toBeVisible();
		await expect(page.getByLabel('Please tell us what the family needs')).toHaveValue(
			'Large print'
		);
		await page.getByLabel('None').check();
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('alert')).toContainText(
			"Select 'None' or the family's access needs, not both"
		);
		await page.getByLabel('Other').uncheck();
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByText('Your details have been saved')).toBeVisible();
		const details = page.locator('.govuk-summary-list').nth(1);
		await expect(details).toContainText(/Access needs\s*None/);

		await page.getByRole('link', { name: 'Change family’s email address' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Change the contact details' })
		).toBeVisible();
		await page.getByLabel('Send me text messages too').check();
		await page.getByLabel('UK mobile number').fill('07700 900 12');
		await page.getByLabel('Family’s email address (optional)').fill('the.family@example.com');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Enter a UK mobile number, like 07700 900 982'
		);
		await expect(page.getByLabel('Family’s email address (optional)')).toHaveValue(
			'the.family@example.com'
		);
		await page.getByLabel('UK mobile number').fill('07700 900 123');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByText('Your details have been saved')).toBeVisible();
		await expect(details).toContainText('the.family@example.com');
		await expect(details).toContainText('Yes, to 07700 900123');
		// The same answers saved again: nothing written, and nothing emailed twice.
		await page.getByRole('link', { name: 'Change family’s email address' }).click();
		await expect(page.getByLabel('UK mobile number')).toHaveValue('07700 900123');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page).toHaveURL(/updated=saved/);
		await expect(page.getByText('We have emailed you')).toHaveCount(0);
	});
});

test('moving a session emails the family booked what changed, from the staff form', async ({
	page,
	browser
}) => {
	const { title, href } = await createSession(browser, 5);
	const email = `moved.${Date.now()}@example.com`;
	await answerWithoutScans(page, href, { adults: '1', name: 'Robin Parent', email });
	await page.getByRole('button', { name: 'Confirm booking' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Booking confirmed' })).toBeVisible();

	const staff = await browser.newContext();
	const lead = await staff.newPage();
	await signIn(lead, 'lead');
	await lead.goto('/staff');
	await lead.getByRole('main').getByRole('link', { name: 'SEND Partnership Strategy' }).click();
	await lead
		.getByRole('main')
		.getByRole('link', { name: /^Roadshow sessions/ })
		.click();
	await lead
		.locator('tbody tr')
		.filter({ hasText: title })
		.getByRole('link', { name: /^Change/ })
		.click();
	await expect(
		lead.getByText('If you change the date, time or place, everyone booked or on the waiting list')
	).toBeVisible();
	await expectNoAxeViolations(lead);
	await lead.getByLabel('Start time').fill('6pm');
	await lead.getByLabel('Venue name').fill('Toxteth Library');
	await lead.getByRole('button', { name: 'Save changes' }).click();
	await expect(lead.getByText('The new time or place was emailed to the 1 booking')).toBeVisible();
	await staff.close();

	const text = await outboxEmail(browser, `Session changed: ${title}`, email);
	expect(text).toContain('Dear Robin Parent,');
	expect(text).toMatch(/It was: \w+ \d+ \w+ \d{4}, 5:30pm to 6:30pm/);
	expect(text).toMatch(/It is now: \w+ \d+ \w+ \d{4}, 6pm to 6:30pm/);
	expect(text).toContain('The place was: Test Community Centre, 2 Test Street, Liverpool, L1 1AA');
	expect(text).toContain('The place is now: Toxteth Library, 2 Test Street, Liverpool, L1 1AA');
});
