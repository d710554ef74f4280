// Who may do what: the one place that decides access for staff pages and actions.
import { error, redirect } from '@sveltejs/kit';
import type { Role, StaffSessionUser } from './types';

export const PERMISSIONS = [
	'consultation:manage',
	'feedback:view',
	'roadshow:run',
	'staff:manage',
	'audit:view',
	'outbox:view',
	'pageFeedback:view',
	'schools:manage',
	'liaison:manage'
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES: readonly Role[] = ['admin', 'lead', 'facilitator', 'liaison'];

const rolePermissions: Record<Role, readonly Permission[]> = {
	admin: PERMISSIONS,
	lead: [
		'consultation:manage',
		'feedback:view',
		'roadshow:run',
		'outbox:view',
		'pageFeedback:view',
		'schools:manage'
	],
	facilitator: ['roadshow:run'],
	// Children's records from pre-school liaison: only this role and admins see them.
	liaison: ['liaison:manage']
};

export const ROLE_NAMES: Record<Role, string> = {
	admin: 'Admin',
	lead: 'Consultation lead',
	facilitator: 'Roadshow facilitator',
	liaison: 'Pre-school liaison coordinator'
};

/** What each role may do, in plain English, for the role radios. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
	admin: 'Can do everything, including managing staff accounts and reading the audit log',
	lead: 'Can set up consultations, read feedback, run roadshows and see emails sent',
	facilitator: 'Can run roadshow sessions only',
	liaison:
		'Can run pre-school liaison groups: children referred, families’ answers and outcome letters'
};

export function can(
	user: Pick<StaffSessionUser, 'role'> | null | undefined,
	permission: Permission
): boolean {
	return !!user && rolePermissions[user.role].includes(permission);
}

type AccessLocals = { user: StaffSessionUser | null };

export const SIGN_IN_PATH = '/staff/sign-in';
export const PASSWORD_PATH = '/staff/password';
export const SIGN_OUT_PATH = '/staff/sign-out';

export function signInUrl(url?: URL): string {
	if (!url) return SIGN_IN_PATH;
	return `${SIGN_IN_PATH}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/** Only our own staff pages: never another site, never a protocol-relative "//host" path. */
export function safeRedirectTo(value: string | null | undefined): string {
	if (!value || !/^\/staff(\/|\?|$)/.test(value) || /[\\\p{Cc}]/u.test(value)) return '/staff';
	if (value.startsWith(SIGN_IN_PATH)) return '/staff';
	return value;
}

/**
 * The signed-in staff member, or a redirect to sign in. Someone with a one-time password is sent
 * to change it first; pass the request url so the password page itself does not redirect to itself.
 */
export function requireUser(locals: AccessLocals, url?: URL): StaffSessionUser {
	const user = locals.user;
	if (!user) redirect(303, signInUrl(url));
	if (user.mustChangePassword && url?.pathname !== PASSWORD_PATH) redirect(303, PASSWORD_PATH);
	return user;
}

export function requirePermission(
	locals: AccessLocals,
	permission: Permission,
	url?: URL
): StaffSessionUser {
	const user = requireUser(locals, url);
	if (!can(user, permission)) error(403, 'You do not have permission to see this page');
	return user;
}

// A first check for the hook; every route still checks for itself. Unlisted /staff paths only
// need someone signed in (the staff home, their own password) or check finer rules themselves.
const pathPermissions: [RegExp, Permission][] = [
	[/^\/staff\/accounts(\/|$)/, 'staff:manage'],
	[/^\/staff\/audit(\/|$)/, 'audit:view'],
	[/^\/staff\/outbox(\/|$)/, 'outbox:view'],
	[/^\/staff\/page-feedback(\/|$)/, 'pageFeedback:view'],
	[/^\/staff\/core-consultations(\/|$)/, 'schools:manage'],
	[/^\/staff\/liaison(\/|$)/, 'liaison:manage'],
	// Facilitators run sessions (the register, check-in) and may see a consultation's session list,
	// but setting up consultations and sessions is for leads.
	[/^\/staff\/roadshow(\/|$)/, 'roadshow:run'],
	[/^\/staff\/consultations\/[^/]+\/sessions\/?$/, 'roadshow:run'],
	// They also type in paper questionnaires and roadshow table notes.
	[/^\/staff\/consultations\/[^/]+\/(paper-entry|roadshow-notes)(\/|$)/, 'roadshow:run'],
	// Reading and coding comments, and the dashboards, are feedback work.
	[/^\/staff\/consultations\/[^/]+\/(comments|themes|insights)(\/|$)/, 'feedback:view'],
	[/^\/staff\/consultations(\/|$)/, 'consultation:manage']
];

/** null: any signed-in staff member; 'public': no sign-in needed (signing in and out). */
export function staffPathPermission(pathname: string): Permission | null | 'public' {
	if ([SIGN_IN_PATH, SIGN_OUT_PATH].includes(pathname.replace(/\/$/, ''))) return 'public';
	for (const [pattern, permission] of pathPermissions)
		if (pattern.test(pathname)) return permission;
	return null;
}
