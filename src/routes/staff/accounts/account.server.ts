// Shared by the account pages.
import { error } from '@sveltejs/kit';
import { getStaffUser, type StaffListItem } from '$lib/server/auth/users';
import { getDb } from '$lib/server/db';

/** The account named in the address, or a 404. */
export function accountFromParam(id: string): StaffListItem {
	const account = /^\d+$/.test(id) ? getStaffUser(getDb(), Number(id)) : undefined;
	if (!account) error(404, 'Page not found');
	return account;
}
