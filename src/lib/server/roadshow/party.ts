// Who a booking may bring: the one home of the party rules, used by the places question, check
// answers, "Confirm booking", changing places with the manage link, and the domain writes.
import type { RoadshowSession } from '../db/schema';

export type Places = { adults: number; children: number };

export const partyOf = (b: Places) => b.adults + b.children;

export type PartyRules = {
	/** The most places one booking may take, adults and children together (BOOKING_MAX_PARTY). */
	maxParty: number;
	childrenWelcome: RoadshowSession['childrenWelcome'];
	/** A booking made before the session became adults-only keeps the children it has. */
	childrenAlreadyBooked?: number;
};

export type PartyProblem = 'not_whole' | 'no_adult' | 'too_many' | 'children_not_welcome';

/** Why this party cannot be booked, or null if it can (capacity is checked separately). */
export function partyProblem(places: Places, rules: PartyRules): PartyProblem | null {
	const { adults, children } = places;
	if (!Number.isInteger(adults) || !Number.isInteger(children) || adults < 0 || children < 0)
		return 'not_whole';
	// Children and young people come with an adult: the council's safeguarding rule for sessions.
	if (adults < 1) return 'no_adult';
	if (adults + children > rules.maxParty) return 'too_many';
	if (!rules.childrenWelcome && children > (rules.childrenAlreadyBooked ?? 0))
		return 'children_not_welcome';
	return null;
}

/** The field each problem belongs to and what the page says by it. */
export function partyProblemMessage(
	problem: PartyProblem,
	maxParty: number
): { field: 'adults' | 'children'; message: string } {
	switch (problem) {
		case 'not_whole':
		case 'too_many':
			return { field: 'adults', message: `Enter the number of places, up to ${maxParty}` };
		case 'no_adult':
			return {
				field: 'adults',
				message: 'Enter at least 1 adult. Children and young people must come with an adult'
			};
		case 'children_not_welcome':
			return {
				field: 'children',
				message: 'This session is for adults only. Enter 0 children, or choose another session'
			};
	}
}
