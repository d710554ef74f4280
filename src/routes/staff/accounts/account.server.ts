// Shared by the account pages.
import { error } from '@sveltejs/kit';
import { getStaffUser, type StaffListItem } from '$lib/server/auth/users';
import { getDb } from '$lib/server/db';

/** The account named in the address, or a 404. */
export async function accountFromParam(id: string): Promise<StaffListItem> {
	const account = /^\d+$/.test(id) ? await getStaffUser(getDb(), Number(id)) : undefined;
	if (!account) error(404, 'Page not found');
	return account;
}
