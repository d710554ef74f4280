import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { signIn } from './staff';

// WCAG 1.4.10 Reflow: at 320 CSS px wide (1280 px at 400% zoom) no page may scroll sideways.
// Crawls every page reachable by links, signed out from the home page and signed in from the
// staff home page, and measures each one.

const WIDTH = 320;
// Links that change something, download a file or leave the site are not pages to measure.
const skip = /\/sign-out|\.(csv|xlsx|ics)(\?|$)|^mailto:|^tel:/;
// Pages of one kind look alike: measure a few of each (numbers in the path make the kind).
const PER_KIND = 2;

async function overflowingPages(page: Page, start: string, limit: number) {
	await page.setViewportSize({ width: WIDTH, height: 800 });
	const seen = new Set<string>([start]);
	const kinds = new Map<string, number>();
	const queue = [start];
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
