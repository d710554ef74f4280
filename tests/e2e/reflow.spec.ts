import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { signIn } from './staff';
import { baseURL } from '../playwright.config';
import { bookByPosts, createSession } from './sessions';

// WCAG 1.4.10 Reflow: at 320 CSS px wide (1280 px at 400% zoom) no page may scroll sideways.
// Crawls every page reachable by links, signed out from the home page and signed in from the
// staff home page, and measures each one.

const WIDTH = 320;
// Links that change something, download a file or leave the site are not pages to measure.
const skip = /\/sign-out|\.(csv|xlsx|ics|pdf)(\?|$)|^mailto:|^tel:/;
// Pages of one kind look alike: measure a few of each (numbers in the path make the kind).
const PER_KIND = 2;

async function overflowingPages(page: Page, start: string | string[], limit: number) {
	await page.setViewportSize({ width: WIDTH, height: 800 });
	const queue = [start].flat();
	const seen = new Set<string>(queue);
	const kinds = new Map<string, number>();
	const problems: string[] = [];
	let visited = 0;
	while (queue.length && visited < limit) {
		const path = queue.shift()!;
		const response = await page.goto(path);
		visited++;
		if (!response || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		if (width > WIDTH) {
			const wide = await page.evaluate((max) => {
				// The deepest elements reaching past the edge say what to fix.
				return [...document.querySelectorAll('body *')]
					.filter((el) => el.getBoundingClientRect().right > max + 1)
					.filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > max + 1))
					.slice(0, 3)
					.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
			}, WIDTH);
			problems.push(`${path} is ${width}px wide (${wide.join(', ')})`);
		}
		const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
		for (const href of links) {
			if (skip.test(href)) continue;
			const url = new URL(href, page.url());
			if (url.origin !== new URL(page.url()).origin) continue;
			const target = url.pathname;
			if (seen.has(target)) continue;
			seen.add(target);
			const kind = target.replace(/\/[^/]*\d[^/]*/g, '/:n');
			const count = kinds.get(kind) ?? 0;
			if (count >= PER_KIND) continue;
			kinds.set(kind, count + 1);
			queue.push(target);
		}
	}
	return { problems, visited };
}

test.describe('reflow at 320 CSS px', () => {
	test.describe.configure({ timeout: 600_000 });

	test('no public page scrolls sideways', async ({ page }) => {
		await page.goto('/');
		const { problems, visited } = await overflowingPages(page, '/', 150);
		expect(visited).toBeGreaterThan(10);
		expect(problems).toEqual([]);
	});

	test('no staff page scrolls sideways', async ({ page }) => {
		await signIn(page, 'admin');
		const { problems, visited } = await overflowingPages(page, '/staff', 250);
		expect(visited).toBeGreaterThan(30);
		expect(problems).toEqual([]);
	});

	// Pages behind a secret link or a journey's draft are linked from no page: start from each.
	test('no page of a booking journey, manage link or resume link scrolls sideways', async ({
		page,
		browser
	}) => {
		const { href } = await createSession(browser, 10);
		const stamp = Date.now().toString(36);
		const long = `a.very.long.email.address.for.reflow.${stamp}@an-example-council-domain.example.org`;
		const { manageHref } = await bookByPosts(page.request, href, {
			name: `Reflow ${stamp}`,
			email: long,
			adults: '1'
		});
		expect(manageHref).not.toBeNull();
		const post = (path: string, form: Record<string, string> = {}) =>
			page.request.post(path, {
				form,
				maxRedirects: 0,
				headers: { origin: baseURL, accept: 'text/html' }
			});
		// A journey left part-way, so its question pages still show questions.
		const started = await post(`${href}/book`, {
			bookedBy: 'on_behalf',
			organisationName: 'Bridge Primary School and Specialist Resource Base',
			organisationRole: 'SENCo'
		});
		expect(started.status()).toBe(303);
		const draft = started.headers()['location'].replace(/\/places$/, '');
		const journeys = await Promise.all(
			['parents-carers', 'young-people'].map(async (audience) => {
				const start = await post(
					`/consultations/send-partnership-strategy/questionnaires/${audience}?/start`
				);
				expect(start.status()).toBe(303);
				const question = start.headers()['location'];
				const journey = question.replace(/\/q\/.*$/, '');
				return [question, journey, `${journey}/check`, `${journey}/saved`];
			})
		);
		const starts = [
			...['who', 'places', 'contact', 'access-needs', 'consent', 'check'].map(
				(step) => `${draft}/${step}`
			),
			...['', '/change', '/details', '/access-needs', '/cancel'].map((p) => `${manageHref}${p}`),
			...journeys.flat()
		];
		const { problems, visited } = await overflowingPages(page, starts, 60);
		expect(visited).toBeGreaterThanOrEqual(starts.length);
		expect(problems).toEqual([]);
	});

	test('a table too wide for a phone scrolls inside itself and takes keyboard focus', async ({
		page
	}) => {
		await page.setViewportSize({ width: WIDTH, height: 800 });
		await signIn(page, 'admin');
		await page.goto('/staff/accounts');
		const table = page.locator('table.govuk-table').first();
		await expect(table).toHaveAttribute('tabindex', '0');
		await table.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => table.evaluate((t) => t.scrollLeft)).toBeGreaterThan(0);
		await expectNoAxeViolations(page);
	});
});
