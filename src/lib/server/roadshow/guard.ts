// The staff roadshow pages share one way in: the right permission, then a real consultation and session.
import { error } from '@sveltejs/kit';
import { requirePermission, type Permission } from '../auth/access';
import { requireConsultationForStaff, parseId } from '../consultations/guard';
import { findConsultationForStaff } from '../consultations/queries';
import { getDb } from '../db';
import { ukToday } from '../../format';
import { getSessionRow } from './queries';

/** A session that belongs to the consultation in the address; 404 otherwise. */
export async function requireSessionOfConsultation(
	locals: App.Locals,
	idParam: string,
	sessionIdParam: string,
	permission: Permission
) {
	const found = await requireConsultationForStaff(locals, idParam, permission);
	const session = await getSessionRow(getDb(), parseId(sessionIdParam));
	if (!session || session.consultationId !== found.consultation.id) error(404, 'Page not found');
	return { ...found, session };
}

/** /staff/roadshow/[sessionId]: the register and check-in, for facilitators and leads. */
export async function requireSessionToRun(locals: App.Locals, sessionIdParam: string) {
	const user = requirePermission(locals, 'roadshow:run');
	const session = await getSessionRow(getDb(), parseId(sessionIdParam));
	if (!session) error(404, 'Page not found');
	const found = await findConsultationForStaff(getDb(), session.consultationId, ukToday());
	if (!found) error(404, 'Page not found');
	return { user, session, consultation: found.consultation };
}
