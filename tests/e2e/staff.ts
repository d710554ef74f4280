import { expect, type Page } from '@playwright/test';

/** The password the test server seeds every demo account with (see playwright.config.ts). */
export const demoPassword = 'correct horse battery staple';

export const demoStaff = {
	admin: 'admin@example.org',
	lead: 'lead@example.org',
	facilitator: 'facilitator@example.org',
	liaison: 'liaison@example.org'
} as const;

export async function signIn(
	page: Page,
	who: keyof typeof demoStaff,
	password = demoPassword
): Promise<void> {
	await page.goto('/staff/sign-in');
	await page.getByLabel('Email address').fill(demoStaff[who]);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/sign-in/);
}
