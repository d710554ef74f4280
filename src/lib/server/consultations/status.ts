// Where a consultation is in its life. Staff publish it; after that its dates decide whether it is
// upcoming, open or closed, unless staff close it early or publish the council's response.
import { ukToday } from '../../format';

export type ConsultationStatus = 'draft' | 'upcoming' | 'open' | 'closed' | 'response_published';

type Dated = {
	opensOn: string;
	closesOn: string;
	publishedAt: Date | null;
	closedEarlyAt: Date | null;
	responsePublishedAt: Date | null;
};

/** `today` is the UK calendar date 'YYYY-MM-DD'; a consultation is open through the whole of its close date. */
export function consultationStatus(c: Dated, today: string): ConsultationStatus {
	if (!c.publishedAt) return 'draft';
	if (c.responsePublishedAt) return 'response_published';
	if (c.closedEarlyAt || today > c.closesOn) return 'closed';
	if (today < c.opensOn) return 'upcoming';
	return 'open';
}

/**
 * The last day a consultation is (or was) open, 'YYYY-MM-DD' in UK time: the day staff closed
 * it early, or its planned close date. Every "closes on" and "closed on" shows this date.
 */
export function closingDate(c: Pick<Dated, 'closesOn' | 'closedEarlyAt'>): string {
	return c.closedEarlyAt ? ukToday(c.closedEarlyAt) : c.closesOn;
}

export const statusLabels: Record<
	ConsultationStatus,
	{ text: string; colour: 'grey' | 'blue' | 'green' | 'orange' | 'purple' }
> = {
	draft: { text: 'Draft', colour: 'grey' },
	upcoming: { text: 'Opens soon', colour: 'blue' },
	open: { text: 'Open', colour: 'green' },
	closed: { text: 'Closed', colour: 'orange' },
	response_published: { text: 'Response published', colour: 'purple' }
};

/** Closed to contributions: no bookings, answers or paper entry (closed early, by date, or responded to). */
export function isClosedStatus(status: ConsultationStatus): boolean {
	return status === 'closed' || status === 'response_published';
}
