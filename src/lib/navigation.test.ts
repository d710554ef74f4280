import { describe, expect, it } from 'vitest';
import { queryString, headerNavigation } from './navigation';
import { PERMISSIONS, can } from './server/auth/access';
import type { Role } from './server/auth/types';

const permissionsOf = (role: Role) => PERMISSIONS.filter((p) => can({ role }, p));

describe('headerNavigation', () => {
	it('shows the public link to visitors', () => {
		expect(headerNavigation('/', null)).toEqual([
			{ href: '/', text: 'Have your say', current: true, active: false }
		]);
	});

	it('does not mark the home page link on other pages', () => {
		expect(headerNavigation('/cookies', null)[0]).toMatchObject({ current: false, active: false });
	});

	it('hides links to pages the person may not open', () => {
		const texts = headerNavigation('/staff', permissionsOf('facilitator')).map((item) => item.text);
		expect(texts).toEqual(['Consultations', 'Change password']);
	});

	it('shows the liaison role its own area and nothing of consultations work', () => {
		const texts = headerNavigation('/staff', permissionsOf('liaison')).map((item) => item.text);
		expect(texts).toEqual(['Consultations', 'Pre-school liaison', 'Change password']);
		expect(
			headerNavigation('/staff', permissionsOf('lead')).map((item) => item.text)
		).not.toContain('Pre-school liaison');
	});

	it('shows admin links to admins', () => {
		const texts = headerNavigation('/staff', permissionsOf('admin')).map((item) => item.text);
		expect(texts).toContain('Staff accounts');
		expect(texts).toContain('Audit log');
	});

	it('marks the deepest matching section', () => {
		const items = headerNavigation('/staff/outbox/12', permissionsOf('lead'));
		expect(items.find((item) => item.active)?.text).toBe('Outbox');
		expect(items.find((item) => item.text === 'Consultations')?.active).toBe(false);

		const consultation = headerNavigation('/staff/consultations/3', permissionsOf('lead'));
		expect(consultation.find((item) => item.active)?.text).toBe('Consultations');
	});
});

describe('queryString', () => {
	it('keeps set values in order and drops empty ones', () => {
		expect(queryString({ priority: '2', question: '', theme: undefined, page: 3 })).toBe(
			'priority=2&page=3'
		);
		expect(queryString({ audience: null, page: undefined })).toBe('');
		expect(queryString({ q: 'a&b=c' })).toBe('q=a%26b%3Dc');
	});
});
