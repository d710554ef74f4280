import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	actionName,
	findFormLimit,
	LIMITS,
	parseLimitOverrides,
	PUBLIC_FORM_LIMITS,
	retryMessage
} from './policy';

describe('the policy table', () => {
	it('finds a form by route id and action', () => {
		const confirm = '/consultations/[slug]/sessions/[sessionId]/book/[draftId]/confirm';
		expect(findFormLimit(confirm, 'book')?.limits.map(([name]) => name)).toEqual([
			'booking_confirm_address',
			'booking_confirm_session'
		]);
		expect(findFormLimit(confirm, 'other')).toBeUndefined();
		expect(findFormLimit('/staff/sign-in', 'default')).toBeUndefined();
		expect(findFormLimit(null, 'default')).toBeUndefined();
	});

	it('covers every public form and email the public can trigger', () => {
		const ids = PUBLIC_FORM_LIMITS.map((r) => `${r.routeId} ${r.action}`);
		for (const expected of [
			'/consultations/[slug]/sessions/[sessionId]/book default',
			'/consultations/[slug]/sessions/[sessionId]/book/[draftId]/contact default',
			'/consultations/[slug]/sessions/[sessionId]/book/[draftId]/confirm wait',
			'/bookings/lost-link default',
			'/consultations/[slug]/questionnaires/[audience] start',
			'/consultations/[slug]/questionnaires/[audience]/r/[token]/saved default',
			'/consultations/[slug]/questionnaires/[audience]/r/[token]/q/[key] answer',
			'/page-feedback default',
			'/page-feedback/[token] default',
			'/core-consultations/register default',
			'/core-consultations/manage/[token]/cancel default',
			'/core-consultations/manage/[token]/evaluate default',
			'/pre-school-liaison/[token]/[question] default',
			'/pre-school-liaison/[token]/check default'
		])
			expect(ids).toContain(expected);
		for (const row of PUBLIC_FORM_LIMITS)
			for (const [name] of row.limits) expect(LIMITS).toHaveProperty(name);
	});

	it('limits every public form, or says why one is not', () => {
		// Behind a secret link that only changes the family's own booking or questionnaire, or the
		// refusal page itself: nothing there sends an email to an address the poster chooses.
		const notLimited = new Set([
			'/bookings/manage/[token]/access-needs',
			'/bookings/manage/[token]/cancel',
			'/bookings/manage/[token]/change',
			'/bookings/manage/[token]/details',
			'/consultations/[slug]/questionnaires/[audience]/r/[token]/sent',
			'/too-many-requests'
		]);
		const routes = join(dirname(fileURLToPath(import.meta.url)), '../../../routes');
		const withForms = (readdirSync(routes, { recursive: true }) as string[])
			.filter((f) => f.endsWith('+page.server.ts'))
			.filter((f) => /export const actions/.test(readFileSync(join(routes, f), 'utf8')))
			.map((f) => `/${relative(routes, join(routes, dirname(f)))}`.replace(/\\/g, '/'))
			.filter((id) => !id.startsWith('/staff'));
		expect(withForms.length).toBeGreaterThan(15);
		const limited = new Set(PUBLIC_FORM_LIMITS.map((r) => r.routeId));
		const missing = withForms.filter((id) => !limited.has(id) && !notLimited.has(id));
		expect(missing, 'add these to PUBLIC_FORM_LIMITS').toEqual([]);
	});

	it('reads the action from the query string', () => {
		expect(actionName(new URLSearchParams('/book'))).toBe('book');
		expect(actionName(new URLSearchParams(''))).toBe('default');
		expect(actionName(new URLSearchParams('page=2'))).toBe('default');
	});
});

describe('RATE_LIMITS', () => {
	it('overrides named limits and keeps the rest', () => {
		const limits = parseLimitOverrides('booking_start_address=40/60, link_request_email=5/3600');
		expect(limits.booking_start_address).toMatchObject({ points: 40, seconds: 60 });
		expect(limits.link_request_email).toMatchObject({ points: 5, seconds: 3600 });
		expect(limits.booking_step_address).toEqual(LIMITS.booking_step_address);
		expect(parseLimitOverrides(undefined)).toEqual(LIMITS);
	});

	it('refuses a mistyped setting rather than ignoring it', () => {
		expect(() => parseLimitOverrides('booking_strat_address=1/60')).toThrow(/cannot read/);
		expect(() => parseLimitOverrides('booking_start_address=ten/60')).toThrow(/cannot read/);
		expect(() => parseLimitOverrides('booking_start_address=0/60')).toThrow(/cannot read/);
	});
});

describe('retryMessage', () => {
	it('rounds up to whole minutes or hours', () => {
		expect(retryMessage(1)).toBe('Try again in 1 minute.');
		expect(retryMessage(600)).toBe('Try again in 10 minutes.');
		expect(retryMessage(601)).toBe('Try again in 11 minutes.');
		expect(retryMessage(3540)).toBe('Try again in 59 minutes.');
		expect(retryMessage(3541)).toBe('Try again in 1 hour.');
		expect(retryMessage(7201)).toBe('Try again in 3 hours.');
	});
});
