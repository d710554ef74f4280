// The staff consultation pages share one way in: the right permission, then a real consultation id.
import { error } from '@sveltejs/kit';
import { requirePermission } from '../auth/access';
import { getDb } from '../db';
import { ukToday } from '../../format';
import { findConsultationForStaff } from './queries';

export function parseId(raw: string): number {
	if (!/^[1-9]\d{0,9}$/.test(raw)) error(404, 'Page not found');
	return Number(raw);
}

/** For every load and action under /staff/consultations/[id]: 403 without permission, 404 for an unknown id. */
export function manageConsultation(locals: App.Locals, idParam: string) {
	const user = requirePermission(locals, 'consultation:manage');
	const found = findConsultationForStaff(getDb(), parseId(idParam), ukToday());
	if (!found) error(404, 'Page not found');
	return { user, ...found };
}
