import type { NavigationItem } from '$lib/components';
import type { Permission } from '$lib/server/auth/access';

/** A link shows only to staff with its permission; who has which is decided in auth/access.ts. */
type Link = { href: string; text: string; permission?: Permission };

const staffLinks: Link[] = [
	{ href: '/staff', text: 'Consultations' },
	{ href: '/staff/core-consultations', text: 'Schools', permission: 'schools:manage' },
	{ href: '/staff/liaison', text: 'Pre-school liaison', permission: 'liaison:manage' },
	{ href: '/staff/page-feedback', text: 'Page feedback', permission: 'pageFeedback:view' },
	{ href: '/staff/outbox', text: 'Outbox', permission: 'outbox:view' },
	{ href: '/staff/accounts', text: 'Staff accounts', permission: 'staff:manage' },
	{ href: '/staff/audit', text: 'Audit log', permission: 'audit:view' },
	{ href: '/staff/password', text: 'Change password' }
];

const publicLinks: Link[] = [{ href: '/', text: 'Have your say' }];

/**
 * The header links for a visitor or a signed-in staff member. The link whose address is the
 * longest match for the current page is marked as the current section.
 */
export function headerNavigation(
	pathname: string,
	permissions: readonly Permission[] | null
): NavigationItem[] {
	const links = permissions
		? staffLinks.filter((link) => !link.permission || permissions.includes(link.permission))
		: publicLinks;
	// The home page is a section of its own, not the parent of every page.
	const inSection = (href: string) =>
		pathname === href || (href !== '/' && pathname.startsWith(`${href}/`));
	const section = links
		.filter((link) => inSection(link.href))
		.sort((a, b) => b.href.length - a.href.length)[0];
	return links.map(({ href, text }) => ({
		href,
		text,
		current: pathname === href,
		active: section?.href === href && pathname !== href
	}));
}

/** A query string of the values that are set, in the order given; "" when none is. */
export function queryString(values: Record<string, string | number | null | undefined>): string {
	const set = Object.entries(values).filter(
		(entry): entry is [string, string | number] => entry[1] != null && entry[1] !== ''
	);
	return new URLSearchParams(set.map(([key, value]) => [key, String(value)])).toString();
}
