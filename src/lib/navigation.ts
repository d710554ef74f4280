import type { NavigationItem } from '$lib/components';
import type { Role } from '$lib/server/auth/types';

type Link = { href: string; text: string; adminOnly?: boolean };

const staffLinks: Link[] = [
	{ href: '/staff', text: 'Consultations' },
	{ href: '/staff/outbox', text: 'Outbox' },
	{ href: '/staff/accounts', text: 'Staff accounts', adminOnly: true },
	{ href: '/staff/audit', text: 'Audit log', adminOnly: true },
	{ href: '/staff/password', text: 'Change password' }
];

const publicLinks: Link[] = [{ href: '/', text: 'Have your say' }];

/**
 * The header links for a visitor or a signed-in staff member. The link whose address is the
 * longest match for the current page is marked as the current section.
 */
export function headerNavigation(pathname: string, role: Role | null): NavigationItem[] {
	const links = role
		? staffLinks.filter((link) => !link.adminOnly || role === 'admin')
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
