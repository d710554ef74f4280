// Words for the staff time-out warning, as GOV.UK's timeout pattern words them.

/** The warning shows this long before the session ends. */
export const WARNING_SECONDS = 120;

/** "2 minutes", "1 minute", then whole seconds: "45 seconds", "1 second". */
export function timeLeftText(seconds: number): string {
	const s = Math.max(0, Math.ceil(seconds));
	if (s > 60) {
		const m = Math.ceil(s / 60);
		return `${m} minutes`;
	}
	if (s === 60) return '1 minute';
	return s === 1 ? '1 second' : `${s} seconds`;
}

/**
 * What a screen reader hears: announced when the warning opens, then each minute and every 20
 * seconds in the last minute, never every second.
 */
export function announcementText(seconds: number): string {
	const s = Math.max(0, Math.ceil(seconds));
	const rounded = s > 60 ? Math.ceil(s / 60) * 60 : Math.ceil(s / 20) * 20;
	return `We will sign you out in ${timeLeftText(rounded)}.`;
}
