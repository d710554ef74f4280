import { describe, expect, it } from 'vitest';
import {
	can,
	PERMISSIONS,
	requirePermission,
	requireUser,
	safeRedirectTo,
	staffPathPermission,
	type Permission
} from './access';
import type { Role, StaffSessionUser } from './types';

const expected: Record<Role, Record<Permission, boolean>> = {
	admin: {
		'consultation:manage': true,
		'feedback:view': true,
		'roadshow:run': true,
		'staff:manage': true,
		'audit:view': true,
		'outbox:view': true,
		'pageFeedback:view': true,
		'schools:manage': true,
		'liaison:manage': true
	},
	lead: {
		'consultation:manage': true,
		'feedback:view': true,
		'roadshow:run': true,
		'staff:manage': false,
		'audit:view': false,
		'outbox:view': true,
		'pageFeedback:view': true,
		'schools:manage': true,
		'liaison:manage': false
	},
	facilitator: {
		'consultation:manage': false,
		'feedback:view': false,
		'roadshow:run': true,
		'staff:manage': false,
		'audit:view': false,
		'outbox:view': false,
		'pageFeedback:view': false,
		'schools:manage': false,
		'liaison:manage': false
	},
	// Children's records: the liaison role sees them and nothing else.
	liaison: {
		'consultation:manage': false,
		'feedback:view': false,
		'roadshow:run': false,
		'staff:manage': false,
		'audit:view': false,
		'outbox:view': false,
		'pageFeedback:view': false,
		'schools:manage': false,
		'liaison:manage': true
	}
};

const person = (role: Role, mustChangePassword = false): StaffSessionUser => ({
	id: 1,
	email: 'a@example.org',
	name: 'A Person',
	role,
	mustChangePassword
});

/** Runs fn and returns what SvelteKit's redirect() or error() threw. */
function thrown(fn: () => unknown): {
	status?: number;
	location?: string;
	body?: { message: string };
} {
	try {
		fn();
	} catch (e) {
		return e as { status?: number; location?: string; body?: { message: string } };
	}
	throw new Error('expected a throw');
}

describe('can', () => {
	for (const role of Object.keys(expected) as Role[]) {
		for (const permission of PERMISSIONS) {
			it(`${role} ${expected[role][permission] ? 'may' : 'may not'} ${permission}`, () => {
				expect(can(person(role), permission)).toBe(expected[role][permission]);
			});
		}
	}

	it('gives nothing to someone signed out', () => {
		for (const permission of PERMISSIONS) {
			expect(can(null, permission)).toBe(false);
			expect(can(undefined, permission)).toBe(false);
		}
	});
});

describe('requireUser and requirePermission', () => {
	it('send someone signed out to sign in, remembering where they were going', () => {
		const e = thrown(() =>
			requireUser({ user: null }, new URL('http://localhost/staff/accounts?page=2'))
		);
		expect(e.status).toBe(303);
		expect(e.location).toBe('/staff/sign-in?redirectTo=%2Fstaff%2Faccounts%3Fpage%3D2');
		expect(thrown(() => requirePermission({ user: null }, 'roadshow:run')).location).toBe(
			'/staff/sign-in'
		);
	});

	it('send someone with a one-time password to change it, except on the password page', () => {
		const locals = { user: person('admin', true) };
		expect(thrown(() => requireUser(locals)).location).toBe('/staff/password');
		expect(thrown(() => requirePermission(locals, 'audit:view')).location).toBe('/staff/password');
		expect(requireUser(locals, new URL('http://localhost/staff/password')).role).toBe('admin');
	});

	it('refuse a missing permission with 403', () => {
		const e = thrown(() => requirePermission({ user: person('facilitator') }, 'staff:manage'));
		expect(e.status).toBe(403);
		expect(requirePermission({ user: person('facilitator') }, 'roadshow:run').role).toBe(
			'facilitator'
		);
	});
});

describe('staffPathPermission', () => {
	it('names the permission each protected area needs', () => {
		expect(staffPathPermission('/staff/sign-in')).toBe('public');
		expect(staffPathPermission('/staff/sign-out')).toBe('public');
		expect(staffPathPermission('/staff')).toBeNull();
		expect(staffPathPermission('/staff/password')).toBeNull();
		expect(staffPathPermission('/staff/accounts')).toBe('staff:manage');
		expect(staffPathPermission('/staff/accounts/3')).toBe('staff:manage');
		expect(staffPathPermission('/staff/audit')).toBe('audit:view');
		expect(staffPathPermission('/staff/outbox')).toBe('outbox:view');
		expect(staffPathPermission('/staff/accountsettings')).toBeNull();
		expect(staffPathPermission('/staff/roadshow/12')).toBe('roadshow:run');
		expect(staffPathPermission('/staff/roadshow/12/check-in')).toBe('roadshow:run');
		expect(staffPathPermission('/staff/roadshow/12/register.csv')).toBe('roadshow:run');
		expect(staffPathPermission('/staff/consultations/3/sessions')).toBe('roadshow:run');
		expect(staffPathPermission('/staff/consultations/3/sessions/')).toBe('roadshow:run');
		expect(staffPathPermission('/staff/consultations/3/sessions/new')).toBe('consultation:manage');
		expect(staffPathPermission('/staff/consultations/3/sessions/7/edit')).toBe(
			'consultation:manage'
		);
		expect(staffPathPermission('/staff/consultations/3/sessions/7/cancel')).toBe(
			'consultation:manage'
		);
		expect(staffPathPermission('/staff/consultations/3/edit')).toBe('consultation:manage');
		expect(staffPathPermission('/staff/consultations/3/paper-entry')).toBe('roadshow:run');
		expect(staffPathPermission('/staff/consultations/3/paper-entry/4')).toBe('roadshow:run');
		expect(staffPathPermission('/staff/consultations/3/roadshow-notes')).toBe('roadshow:run');
		expect(staffPathPermission('/staff/consultations/3/roadshow-notesx')).toBe(
			'consultation:manage'
		);
		expect(staffPathPermission('/staff/consultations/3/questionnaires/4')).toBe(
			'consultation:manage'
		);
		expect(staffPathPermission('/staff/consultations/3/comments')).toBe('feedback:view');
		expect(staffPathPermission('/staff/consultations/3/themes/5/merge')).toBe('feedback:view');
		expect(staffPathPermission('/staff/consultations/3/response')).toBe('consultation:manage');
		expect(staffPathPermission('/staff/consultations/new')).toBe('consultation:manage');
		expect(staffPathPermission('/staff/roadshowing')).toBeNull();
		expect(staffPathPermission('/staff/page-feedback')).toBe('pageFeedback:view');
		expect(staffPathPermission('/staff/page-feedback/feedback.csv')).toBe('pageFeedback:view');
		expect(staffPathPermission('/staff/core-consultations/4')).toBe('schools:manage');
		expect(staffPathPermission('/staff/liaison')).toBe('liaison:manage');
		expect(staffPathPermission('/staff/liaison/referrals/2/letter.pdf')).toBe('liaison:manage');
		expect(staffPathPermission('/staff/liaisonx')).toBeNull();
	});
});

describe('who reaches which staff area', () => {
	// The gate (staffPathPermission) and the role's permissions together, as a request meets them.
	const areas = {
		'/staff/liaison': 'liaison data',
		'/staff/liaison/meetings/3/agenda': 'liaison data',
		'/staff/liaison/referrals/2/letter.pdf': 'liaison data',
		'/staff/consultations/1/insights': 'leads’ dashboards',
		'/staff/consultations/1/comments': 'leads’ dashboards',
		'/staff/consultations/1/edit': 'consultation set-up',
		'/staff/core-consultations/results': 'schools',
		'/staff/page-feedback/feedback.csv': 'page feedback',
		'/staff/outbox': 'outbox',
		'/staff/roadshow/4/check-in': 'roadshow',
		'/staff/accounts': 'accounts and audit',
		'/staff/audit': 'accounts and audit'
	} as const;
	type Area = (typeof areas)[keyof typeof areas];
	const reaches: Record<Role, Area[]> = {
		admin: [
			'liaison data',
			'leads’ dashboards',
			'consultation set-up',
			'schools',
			'page feedback',
			'outbox',
			'roadshow',
			'accounts and audit'
		],
		lead: [
			'leads’ dashboards',
			'consultation set-up',
			'schools',
			'page feedback',
			'outbox',
			'roadshow'
		],
		facilitator: ['roadshow'],
		liaison: ['liaison data']
	};
	for (const role of Object.keys(reaches) as Role[])
		for (const [path, area] of Object.entries(areas)) {
			const allowed = reaches[role].includes(area);
			it(`${role} ${allowed ? 'reaches' : 'is refused'} ${path}`, () => {
				const needs = staffPathPermission(path);
				expect(needs, path).not.toBeNull();
				expect(can(person(role), needs as Permission)).toBe(allowed);
			});
		}

	it('gives the liaison role the staff home and its own password page only besides liaison', () => {
		expect(staffPathPermission('/staff')).toBeNull();
		expect(requireUser({ user: person('liaison') }).role).toBe('liaison');
		expect(
			thrown(() => requirePermission({ user: person('liaison') }, 'feedback:view')).status
		).toBe(403);
		for (const role of ['lead', 'facilitator'] as const)
			expect(thrown(() => requirePermission({ user: person(role) }, 'liaison:manage')).status).toBe(
				403
			);
	});
});

describe('safeRedirectTo', () => {
	it('honours staff paths on this site only', () => {
		expect(safeRedirectTo('/staff/accounts?page=2')).toBe('/staff/accounts?page=2');
		expect(safeRedirectTo('/staff')).toBe('/staff');
		for (const bad of [
			null,
			'',
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'/staffing',
			'/consultations',
			'/staff/sign-in?redirectTo=/x',
			'/staff/\\evil',
			'/staff\r\nSet-Cookie: x=1'
		]) {
			expect(safeRedirectTo(bad), String(bad)).toBe('/staff');
		}
	});
});
