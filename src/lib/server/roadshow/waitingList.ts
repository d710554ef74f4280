// Waiting-list policy (Decidim-style automatic promotion, chosen over pretix's time-limited offers
// because families should not have to act again to keep a place):
// when places free up, entries are confirmed automatically in the order they joined. An entry
// whose whole party does not fit is skipped, never split, and keeps its place at the front of
// the queue; later, smaller entries that do fit are still promoted. After every write, no
// waiting entry fits the places left, so a new booking that fits never jumps anyone who could
// have had those places.

export type WaitingEntry = { id: number; party: number };

/** The ids to promote, in join order, given the free places and the queue in join order. */
export function planPromotions(
	freePlaces: number,
	waitingInJoinOrder: readonly WaitingEntry[]
): number[] {
	const promote: number[] = [];
	let free = freePlaces;
	for (const entry of waitingInJoinOrder) {
		if (free <= 0) break;
		if (entry.party >= 1 && entry.party <= free) {
			promote.push(entry.id);
			free -= entry.party;
		}
	}
	return promote;
}
