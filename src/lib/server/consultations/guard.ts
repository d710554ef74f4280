// The staff consultation pages share one way in: the right permission, then a real consultation id.
import { error } from '@sveltejs/kit';
import { requirePermission, type Permission } from '../auth/access';
import { getDb } from '../db';
import { ukToday } from '../../format';
import { findConsultationForStaff } from './queries';

export function parseId(raw: string): number {
	if (!/^[1-9]\d{0,9}$/.test(raw)) error(404, 'Page not found');
	return Number(raw);
}

/** Every staff load and action about one consultation: 403 without the permission, 404 for an unknown id. */
export async function requireConsultationForStaff(
	locals: App.Locals,
	idParam: string,
	permission: Permission
) {
	const user = requirePermission(locals, permission);
	const found = await findConsultationForStaff(getDb(), parseId(idParam), ukToday());
	if (!found) error(404, 'Page not found');
	return { user, ...found };
}

/** Editing a consultation and its set-up: leads and admins. */
export const requireConsultationToManage = async (locals: App.Locals, idParam: string) =>
	await requireConsultationForStaff(locals, idParam, 'consultation:manage');

/** Dashboards, comments and exports: leads and admins. */
export const requireConsultationFeedback = async (locals: App.Locals, idParam: string) =>
	await requireConsultationForStaff(locals, idParam, 'feedback:view');
