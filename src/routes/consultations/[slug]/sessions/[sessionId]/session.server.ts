// Finding the public session a page is about: unknown, unpublished or mismatched ids are a 404.
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { findPublicConsultationOnly, isClosedStatus } from '$lib/server/consultations';
import { findPublicSession, type PublicSession } from '$lib/server/roadshow/public';
import { ukToday } from '$lib/format';

export type SessionPage = { consultation: { slug: string; title: string }; session: PublicSession };

export async function loadPublicSession(
	params: { slug: string; sessionId: string },
	now: Date
): Promise<SessionPage> {
	const db = getDb();
	const found = await findPublicConsultationOnly(db, params.slug, ukToday(now));
	const session =
		found && /^\d{1,9}$/.test(params.sessionId)
			? await findPublicSession(
					db,
					{ id: found.id, closed: isClosedStatus(found.status) },
					Number(params.sessionId),
					now
				)
			: undefined;
	if (!found || !session) error(404, 'Page not found');
	return { consultation: { slug: found.slug, title: found.title }, session };
}

/** Why a session cannot take bookings now, or null if it can (a full one offers the waiting list). */
export function bookingBlock(session: PublicSession): 'cancelled' | 'closed' | null {
	const kind = session.availability.kind;
	if (kind === 'cancelled') return 'cancelled';
	if (kind === 'closed' || kind === 'past') return 'closed';
	return null;
}
