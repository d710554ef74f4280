import { getDb } from '$lib/server/db';
import { listGroups } from '$lib/server/liaison';
import { formatDateTime } from '$lib/format';
import { requireLiaisonStaff } from './liaison.server';

export const load = async (event) => {
	requireLiaisonStaff(event);
	return {
		groups: (await listGroups(getDb())).map((g) => ({
			id: g.id,
			name: g.name,
			area: g.area,
			members: g.members,
			next: g.nextMeetsAt ? formatDateTime(g.nextMeetsAt) : 'None planned'
		}))
	};
};
