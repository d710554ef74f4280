// How a roadshow session is described on public pages: the same rows everywhere.
import { formatSessionWhen } from './format';
import type { SummaryRow } from './components/types';

export type SessionSummary = {
	title: string;
	audienceLabel: string;
	venueName: string;
	address: string;
	postcode: string;
	mode: 'in_person' | 'online';
	startsAt: Date;
	endsAt: Date | null;
};

/** "Bridge Chapel, Bridge Road, Litherland, Liverpool, L21 6PH", or "Online". */
export function sessionPlace(s: SessionSummary): string {
	if (s.mode === 'online') return 'Online';
	return [s.venueName, ...s.address.split(/\n/), s.postcode]
		.map((part) => part.trim())
		.filter(Boolean)
		.join(', ');
}

export function sessionRows(s: SessionSummary, { withTitle = true } = {}): SummaryRow[] {
	return [
		...(withTitle ? [{ key: 'Session', value: s.title }] : []),
		{ key: 'Date and time', value: formatSessionWhen(s.startsAt, s.endsAt) },
		{ key: s.mode === 'online' ? 'Where' : 'Venue', value: sessionPlace(s) },
		...(s.audienceLabel ? [{ key: 'Who it is for', value: s.audienceLabel }] : [])
	];
}
