import { describe, expect, it } from 'vitest';
import { headerNavigation } from './navigation';

describe('headerNavigation', () => {
	it('shows the public link to visitors', () => {
		expect(headerNavigation('/', null)).toEqual([
			{ href: '/', text: 'Have your say', current: true, active: false }
		]);
	});

	it('does not mark the home page link on other pages', () => {
		expect(headerNavigation('/cookies', null)[0]).toMatchObject({ current: false, active: false });
	});

	it('hides admin links from other staff', () => {
		const texts = headerNavigation('/staff', 'facilitator').map((item) => item.text);
		expect(texts).toEqual(['Consultations', 'Outbox', 'Change password']);
	});

	it('shows admin links to admins', () => {
		const texts = headerNavigation('/staff', 'admin').map((item) => item.text);
		expect(texts).toContain('Staff accounts');
		expect(texts).toContain('Audit log');
	});

	it('marks the deepest matching section', () => {
		const items = headerNavigation('/staff/outbox/12', 'lead');
		expect(items.find((item) => item.active)?.text).toBe('Outbox');
		expect(items.find((item) => item.text === 'Consultations')?.active).toBe(false);

		const consultation = headerNavigation('/staff/consultations/3', 'lead');
		expect(consultation.find((item) => item.active)?.text).toBe('Consultations');
	});
});
