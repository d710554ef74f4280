// Small-number suppression: no published or exported figure may let a reader pick out a small group.
// Counts of 1 to 4 are hidden as "fewer than 5". Zero is shown as 0: it identifies nobody, and
// hiding it would make an empty group look like a small one.

export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED_TEXT = 'fewer than 5';
/** A figure of 5 or more hidden so that a small one cannot be worked out from it. */
export const WITHHELD_TEXT = 'not shown';

/** The count to show, or null when it must be hidden (1 to 4). */
export function suppress(count: number): number | null {
	return count > 0 && count < SUPPRESSION_THRESHOLD ? null : count;
}

export function isSuppressed(count: number): boolean {
	return suppress(count) === null;
}

/** "1,234", "0", or "fewer than 5" for a suppressed count. */
export function formatCount(n: number | null): string {
	return n === null ? SUPPRESSED_TEXT : n.toLocaleString('en-GB');
}

/**
 * A whole-number percentage of `part` out of `base`, or null when showing it would reveal a small
 * group: a base under 5, or a part (or its remainder) of 1 to 4 — "95% of 20" tells you 1 person
 * did not agree.
 */
export function suppressedPercent(part: number, base: number): number | null {
	if (base < SUPPRESSION_THRESHOLD) return null;
	if (isSuppressed(part) || isSuppressed(base - part)) return null;
	return Math.round((part / base) * 100);
}

/** "62%", or "not shown" when the percentage is withheld to protect a small group. */
export function formatPercent(p: number | null): string {
	return p === null ? WITHHELD_TEXT : `${p}%`;
}
