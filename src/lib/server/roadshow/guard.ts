// The staff roadshow pages share one way in: the right permission, then a real consultation and session.
import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requirePermission, type Permission } from '../auth/access';
import { parseId } from '../consultations/guard';
import { getDb } from '../db';
import { consultation } from '../db/schema';
import { getSessionRow } from './queries';

function findConsultation(id: number) {
	const found = getDb().select().from(consultation).where(eq(consultation.id, id)).get();
	if (!found) error(404, 'Page not found');
	return found;
}

/** /staff/consultations/[id]/sessions: 'roadshow:run' to look, 'consultation:manage' to change. */
export function consultationForSessions(locals: App.Locals, idParam: string, permission: Permission) {
	const user = requirePermission(locals, permission);
	return { user, consultation: findConsultation(parseId(idParam)) };
}

/** A session that belongs to the consultation in the address; 404 otherwise. */
export function sessionOfConsultation(locals: App.Locals, idParam: string, sessionIdParam: string, permission: Permission) {
	const found = consultationForSessions(locals, idParam, permission);
	const session = getSessionRow(getDb(), parseId(sessionIdParam));
	if (!session || session.consultationId !== found.consultation.id) error(404, 'Page not found');
	return { ...found, session };
}

/** /staff/roadshow/[sessionId]: the register and check-in, for facilitators and leads. */
export function sessionToRun(locals: App.Locals, sessionIdParam: string) {
	const user = requirePermission(locals, 'roadshow:run');
	const session = getSessionRow(getDb(), parseId(sessionIdParam));
	if (!session) error(404, 'Page not found');
	return { user, session, consultation: findConsultation(session.consultationId) };
}
